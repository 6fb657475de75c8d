import { Accordion, Alert, Button, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS, WITHDRAWAL_MEANS } from '../../../shared/model/caseEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { today } from '../../data/calendar.ts';
import { closeCase, withdrawCase } from '../../data/caseEndings.ts';
import { deemedAcceptedOn } from '../../data/caseTimes.ts';
import type { CaseRow } from '../../data/db.ts';
import { useAction } from '../contact/useAction.ts';
import { caseFieldErrors } from './caseErrors.ts';

type How = (typeof WITHDRAWAL_MEANS)[number];
type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Ending a case at the applicant's wish (撤回申请, any open case) or without acceptance (办件终结, before acceptance). */
export function EndActions({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  // 办件终结 is for an application never accepted: not once it counts as accepted (行政许可法 §32, recorded or not).
  const mayClose =
    (row.status === 'checking' || row.status === 'supplementRequested') && !deemedAcceptedOn(row, today());
  return (
    <Accordion variant="contained">
      <Accordion.Item value="withdraw">
        <Accordion.Control>{t('cases.withdraw')}</Accordion.Control>
        <Accordion.Panel>
          <WithdrawForm row={row} staff={staff} />
        </Accordion.Panel>
      </Accordion.Item>
      {mayClose && (
        <Accordion.Item value="close">
          <Accordion.Control>{t('cases.close')}</Accordion.Control>
          <Accordion.Panel>
            <CloseForm row={row} staff={staff} />
          </Accordion.Panel>
        </Accordion.Item>
      )}
    </Accordion>
  );
}

function WithdrawForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction(caseFieldErrors);
  const [on, setOn] = useState<string>(today());
  const [how, setHow] = useState<How>('written');
  const [reason, setReason] = useState('');
  return (
    <Stack gap="xs">
      <TextInput
        type="date"
        label={t('cases.withdrawOn')}
        value={on}
        min={row.receivedOn}
        max={today()}
        onChange={(e) => setOn(e.currentTarget.value)}
        error={errors.on}
      />
      <Select
        label={t('cases.withdrawHow')}
        data={WITHDRAWAL_MEANS.map((h) => ({ value: h, label: t(`cases.withdrawHows.${h}`) }))}
        value={how}
        onChange={(v) => v && setHow(v as How)}
        error={errors.how}
      />
      <TextInput
        label={t('cases.withdrawReason')}
        maxLength={LIMITS.reason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        variant="light"
        color="gray"
        loading={busy}
        onClick={() => void run(() => withdrawCase(db, author, row.caseId, { on: on as IsoDate, how, reason }))}
      >
        {t('cases.saveWithdraw')}
      </Button>
    </Stack>
  );
}

function CloseForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction(caseFieldErrors);
  const [on, setOn] = useState<string>(today());
  const [reason, setReason] = useState<ClosureReason>(
    row.status === 'supplementRequested' ? 'supplementNotProvided' : 'applicantUnreachable',
  );
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('cases.closeHint')}
      </Text>
      <TextInput
        type="date"
        label={t('cases.closeOn')}
        value={on}
        min={row.receivedOn}
        max={today()}
        onChange={(e) => setOn(e.currentTarget.value)}
        error={errors.on}
      />
      <Select
        label={t('cases.closeReason')}
        data={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`cases.closeReasons.${r}`) }))}
        value={reason}
        onChange={(v) => v && setReason(v as ClosureReason)}
        error={errors.reason}
      />
      <Textarea
        label={t('cases.closeNote')}
        maxLength={LIMITS.reason}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        autosize
        minRows={2}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        variant="light"
        color="gray"
        loading={busy}
        onClick={() => void run(() => closeCase(db, author, row.caseId, { on: on as IsoDate, reason, note }))}
      >
        {t('cases.saveClose')}
      </Button>
    </Stack>
  );
}
