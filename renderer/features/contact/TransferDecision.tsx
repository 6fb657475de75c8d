import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import type { ContactRow } from '../../data/db.ts';
import { acceptTransfer, returnTransfer } from '../../data/operations.ts';
import { useAction } from './useAction.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

/** art. 8(3): the handler accepts (and takes over responsibility) or returns a mis-routed transfer with a reason. */
export function TransferDecision({ contact, staff }: { contact: ContactRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction();
  const [reason, setReason] = useState('');
  const transferEventId = contact.transfer?.eventId ?? '';
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('contact.acceptHint')}
      </Text>
      <Button
        size="lg"
        loading={busy}
        onClick={() => void run(() => acceptTransfer(db, author, contact.contactId, transferEventId))}
      >
        {t('contact.accept')}
      </Button>
      <Textarea
        label={t('contact.returnReason')}
        maxLength={LIMITS.reason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Group>
        <Button
          variant="default"
          loading={busy}
          onClick={() => void run(() => returnTransfer(db, author, contact.contactId, { transferEventId, reason }))}
        >
          {t('contact.saveReturn')}
        </Button>
      </Group>
    </Stack>
  );
}
