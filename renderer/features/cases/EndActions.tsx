import { Accordion, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS, WITHDRAWAL_MEANS } from '../../../shared/model/caseEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { today } from '../../data/calendar.ts';
import { closeCase, withdrawCase } from '../../data/caseEndings.ts';
import { deemedAcceptedOn } from '../../data/caseTimes.ts';
import type { CaseRow } from '../../data/db.ts';
import { FormSubmit } from '../../forms/FormSubmit.tsx';
import { useDeskForm } from '../../forms/useDeskForm.ts';
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

/**
 * The day a withdrawal or closure takes effect is the day it is recorded (shared/rules/case.ts actDay judges by the
 * Beijing day of recording, so a typed day decided nothing): shown, not asked for; its refusal stands under it.
 */
function RecordedDay({ label, error }: { label: string; error: string | undefined }) {
  return (
    <>
      <Text size="sm">{label}</Text>
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
    </>
  );
}

function WithdrawForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: { how: 'written' as How, reason: '' },
    wording: caseFieldErrors,
  });
  const on = today();
  const how = field('how');
  return (
    <Stack gap="xs">
      <RecordedDay label={t('cases.withdrawOn', { date: on })} error={form.errors.on as string | undefined} />
      <Select
        label={t('cases.withdrawHow')}
        data={WITHDRAWAL_MEANS.map((h) => ({ value: h, label: t(`cases.withdrawHows.${h}`) }))}
        {...how}
        onChange={(v) => v && how.onChange(v as How)}
      />
      <TextInput label={t('cases.withdrawReason')} maxLength={LIMITS.reason} {...form.getInputProps('reason')} />
      <FormSubmit
        variant="light"
        color="gray"
        formError={formError}
        busy={busy}
        onClick={() => void submit((v) => withdrawCase(db, author, row.caseId, { ...v, on: today() }), { keep: true })}
      >
        {t('cases.saveWithdraw')}
      </FormSubmit>
    </Stack>
  );
}

function CloseForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: {
      reason: (row.status === 'supplementRequested'
        ? 'supplementNotProvided'
        : 'applicantUnreachable') as ClosureReason,
      note: '',
    },
    wording: caseFieldErrors,
  });
  const on = today();
  const reason = field('reason');
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('cases.closeHint')}
      </Text>
      <RecordedDay label={t('cases.closeOn', { date: on })} error={form.errors.on as string | undefined} />
      <Select
        label={t('cases.closeReason')}
        data={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`cases.closeReasons.${r}`) }))}
        {...reason}
        onChange={(v) => v && reason.onChange(v as ClosureReason)}
      />
      <Textarea
        label={t('cases.closeNote')}
        maxLength={LIMITS.reason}
        {...form.getInputProps('note')}
        autosize
        minRows={2}
      />
      <FormSubmit
        variant="light"
        color="gray"
        formError={formError}
        busy={busy}
        onClick={() => void submit((v) => closeCase(db, author, row.caseId, { ...v, on: today() }), { keep: true })}
      >
        {t('cases.saveClose')}
      </FormSubmit>
    </Stack>
  );
}
