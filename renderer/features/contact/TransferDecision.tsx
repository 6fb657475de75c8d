import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import type { ContactRow } from '../../data/db.ts';
import { acceptTransfer, returnTransfer } from '../../data/operations.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

/** art. 8(3): the handler accepts (and takes over responsibility) or returns a mis-routed transfer with a reason. */
export function TransferDecision({ contact, staff }: { contact: ContactRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm({ initialValues: { reason: '' } });
  const transferEventId = contact.transfer?.eventId ?? '';
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('contact.acceptHint')}
      </Text>
      <Button
        size="lg"
        loading={busy}
        onClick={() =>
          void submit(() => acceptTransfer(db, author, contact.contactId, transferEventId), { keep: true })
        }
      >
        {t('contact.accept')}
      </Button>
      <Textarea
        label={t('contact.returnReason')}
        maxLength={LIMITS.reason}
        {...form.getInputProps('reason')}
        autosize
        minRows={2}
      />
      {formError && <Alert color="red">{formError}</Alert>}
      <Group>
        <Button
          variant="default"
          loading={busy}
          onClick={() =>
            void submit((v) => returnTransfer(db, author, contact.contactId, { transferEventId, reason: v.reason }), {
              keep: true,
            })
          }
        >
          {t('contact.saveReturn')}
        </Button>
      </Group>
    </Stack>
  );
}
