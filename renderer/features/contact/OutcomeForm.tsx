import { Alert, Button, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFY_CHANNELS } from '../../../shared/model/contactEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import type { ContactRow } from '../../data/db.ts';
import { recordOutcomeNotified } from '../../data/operations.ts';
import { useAction } from './useAction.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

type How = (typeof NOTIFY_CHANNELS)[number];

/** The visitor is told the outcome, and the record proves how and when. */
export function OutcomeForm({ contact, staff }: { contact: ContactRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction();
  const [how, setHow] = useState<How>('phone');
  const [note, setNote] = useState('');
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('contact.outcomeHow')}
        value={how}
        onChange={(v) => setHow(v as How)}
        data={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`notify.${c}`) }))}
      />
      <TextInput
        label={t('contact.transferNote')}
        maxLength={LIMITS.note}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        loading={busy}
        onClick={() => void run(() => recordOutcomeNotified(db, author, contact.contactId, { how, note }))}
      >
        {t('contact.saveOutcome')}
      </Button>
    </Stack>
  );
}
