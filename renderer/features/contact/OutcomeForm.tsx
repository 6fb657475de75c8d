import { SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NOTIFY_CHANNELS } from '../../../shared/model/contactEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import type { ContactRow } from '../../data/db.ts';
import { recordOutcomeNotified } from '../../data/operations.ts';
import { FormSubmit } from '../../forms/FormSubmit.tsx';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

type How = (typeof NOTIFY_CHANNELS)[number];

/** The visitor is told the outcome, and the record proves how and when. */
export function OutcomeForm({ contact, staff }: { contact: ContactRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm({ initialValues: { how: 'phone' as How, note: '' } });
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('contact.outcomeHow')}
        {...form.getInputProps('how')}
        data={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`notify.${c}`) }))}
      />
      <TextInput label={t('contact.transferNote')} maxLength={LIMITS.note} {...form.getInputProps('note')} />
      <FormSubmit
        formError={formError}
        busy={busy}
        onClick={() => void submit((v) => recordOutcomeNotified(db, author, contact.contactId, v), { keep: true })}
      >
        {t('contact.saveOutcome')}
      </FormSubmit>
    </Stack>
  );
}
