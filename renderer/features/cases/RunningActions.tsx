import {
  Accordion,
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NOTIFY_CHANNELS } from '../../../shared/model/contactEvents.ts';
import { PAUSE_REASONS, type PauseReason } from '../../../shared/model/deadline.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { openPause, pendingExtension } from '../../../shared/rules/case.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import { useDesk } from '../../app/context.tsx';
import { dueDatePassed, extensionTooLate } from '../../data/caseTimes.ts';
import { caseFieldErrors } from './caseErrors.ts';
import { useAuthor } from '../../stores/session.ts';
import { today } from '../../data/calendar.ts';
import {
  completeCase,
  decideExtension,
  notifyApplicant,
  pauseCase,
  requestExtension,
  resumeCase,
} from '../../data/caseOperations.ts';
import type { CaseRow } from '../../data/db.ts';
import { ProvenOnly } from '../../app/ProvenOnly.tsx';
import { FormSubmit } from '../../forms/FormSubmit.tsx';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

type How = (typeof NOTIFY_CHANNELS)[number];

/** While the clock runs (art. 14–19): pause and resume, extension with a leader's approval, completion. */
export function RunningActions({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const pending = pendingExtension(row);
  const paused = openPause(row);
  // art. 17–18: past the due date an extension can no longer be asked for (nor approved), nor a pause begun: the
  // breach happened. A pause already open can still be ended.
  const tooLate = dueDatePassed(row, today());
  return (
    <Stack gap="xs">
      {pending && (
        <Alert color="yellow">{t('cases.extensionPending', { days: pending.days, reason: pending.reason })}</Alert>
      )}
      {pending && staff.roles.includes('leader') && (
        <ProvenOnly staff={staff}>
          <ExtensionDecision row={row} staff={staff} />
        </ProvenOnly>
      )}
      <Accordion variant="contained" multiple>
        <Accordion.Item value="pause">
          <Accordion.Control>{paused ? t('cases.resume') : t('cases.pause')}</Accordion.Control>
          <Accordion.Panel>
            {paused ? (
              <ResumeForm row={row} staff={staff} />
            ) : tooLate ? (
              <Alert color="red" data-testid="pause-too-late">
                {t('cases.pauseTooLate', { date: tooLate })}
              </Alert>
            ) : (
              <PauseForm row={row} staff={staff} />
            )}
          </Accordion.Panel>
        </Accordion.Item>
        {!pending && (
          <Accordion.Item value="extension">
            <Accordion.Control>{t('cases.extension')}</Accordion.Control>
            <Accordion.Panel>
              {tooLate ? (
                <Alert color="red" data-testid="extension-too-late">
                  {t('cases.extensionTooLate', { date: tooLate })}
                </Alert>
              ) : (
                <ExtensionForm row={row} staff={staff} />
              )}
            </Accordion.Panel>
          </Accordion.Item>
        )}
        <Accordion.Item value="complete">
          <Accordion.Control>{t('cases.complete')}</Accordion.Control>
          <Accordion.Panel>
            <CompleteForm row={row} staff={staff} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

function PauseForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: { reason: 'expertReview' as PauseReason, note: '' },
    wording: caseFieldErrors,
  });
  const from = today();
  const reason = field('reason');
  const fromError = form.errors.from;
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('cases.pauseHint')}
      </Text>
      {/* A pause counts from the day it is recorded at the earliest (shared/rules/case.ts): no day to choose. */}
      <Text size="sm" data-testid="pause-from">
        {t('cases.pauseFromToday', { date: from })}
      </Text>
      {fromError && (
        <Text size="sm" c="red">
          {fromError}
        </Text>
      )}
      <Select
        label={t('cases.pauseReason')}
        data={PAUSE_REASONS.map((r) => ({ value: r, label: t(`cases.pauseReasons.${r}`) }))}
        {...reason}
        onChange={(v) => v && reason.onChange(v as PauseReason)}
      />
      <TextInput label={t('cases.pauseNote')} maxLength={LIMITS.reason} {...form.getInputProps('note')} />
      <FormSubmit
        variant="light"
        formError={formError}
        busy={busy}
        onClick={() =>
          void submit((v) => pauseCase(db, author, row.caseId, { ...v, from: from as IsoDate }), { keep: true })
        }
      >
        {t('cases.savePause')}
      </FormSubmit>
    </Stack>
  );
}

function ResumeForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: { on: today() as string },
    wording: caseFieldErrors,
  });
  const paused = openPause(row);
  return (
    <Stack gap="xs">
      {paused && (
        <Text size="sm">
          {t('cases.pausedSince', { date: paused.from, reason: t(`cases.pauseReasons.${paused.reason}`) })}
        </Text>
      )}
      <TextInput
        type="date"
        label={t('cases.resumeOn')}
        min={paused?.from ?? row.acceptance?.acceptedOn}
        max={today()}
        {...form.getInputProps('on')}
      />
      <FormSubmit
        variant="light"
        formError={formError}
        busy={busy}
        onClick={() => void submit((v) => resumeCase(db, author, row.caseId, { on: v.on as IsoDate }), { keep: true })}
      >
        {t('cases.saveResume')}
      </FormSubmit>
    </Stack>
  );
}

function ExtensionForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: { days: 10, reason: '' },
    wording: caseFieldErrors,
  });
  const days = field('days');
  return (
    <Stack gap="xs">
      <NumberInput
        label={t('cases.extensionDays')}
        {...days}
        onChange={(v) => days.onChange(typeof v === 'number' ? v : 0)}
        min={1}
        max={60}
      />
      <Textarea
        label={t('cases.extensionReason')}
        maxLength={LIMITS.reason}
        {...form.getInputProps('reason')}
        autosize
        minRows={2}
      />
      <FormSubmit
        variant="light"
        formError={formError}
        busy={busy}
        onClick={() => void submit((v) => requestExtension(db, author, row.caseId, v), { keep: true })}
      >
        {t('cases.saveExtension')}
      </FormSubmit>
    </Stack>
  );
}

// art. 17: the leader approves or refuses (online, proven); the applicant must then be told.
function ExtensionDecision({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: { note: '' },
    wording: caseFieldErrors,
    decision: true,
  });
  const tooLate = extensionTooLate(row, today());
  const decide = (decision: 'approved' | 'refused') =>
    void submit((v) => decideExtension(db, author, row.caseId, { decision, note: v.note }), { keep: true });
  return (
    <Stack gap="xs">
      {tooLate && <Alert color="red">{t('cases.approveTooLate', { date: tooLate })}</Alert>}
      <TextInput label={t('cases.decisionNote')} maxLength={LIMITS.note} {...form.getInputProps('note')} />
      {formError && <Alert color="red">{formError}</Alert>}
      <Group>
        <Button loading={busy} disabled={Boolean(tooLate)} onClick={() => decide('approved')}>
          {t('cases.approve')}
        </Button>
        <Button variant="default" loading={busy} onClick={() => decide('refused')}>
          {t('cases.refuse')}
        </Button>
      </Group>
    </Stack>
  );
}

function CompleteForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: { outcome: 'granted' as 'granted' | 'notGranted' | 'done', result: '' },
    wording: caseFieldErrors,
  });
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('cases.outcome')}
        {...form.getInputProps('outcome')}
        data={(['granted', 'notGranted', 'done'] as const).map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) }))}
      />
      <Textarea
        label={t('cases.result')}
        maxLength={LIMITS.explanation}
        {...form.getInputProps('result')}
        autosize
        minRows={2}
      />
      <FormSubmit
        formError={formError}
        busy={busy}
        onClick={() => void submit((v) => completeCase(db, author, row.caseId, v), { keep: true })}
      >
        {t('cases.saveComplete')}
      </FormSubmit>
    </Stack>
  );
}

/** Record that the applicant was told about an extension or the result (art. 17, 18(3)). */
export function NotifyForm({ row, staff, about }: { row: CaseRow; staff: Staff; about: 'extension' | 'result' }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: { how: 'phone' as How },
    wording: caseFieldErrors,
  });
  return (
    <Stack gap="xs">
      <Alert color="orange">
        {about === 'extension' ? t('cases.mustNotifyExtension') : t('cases.mustNotifyResult')}
      </Alert>
      <SegmentedControl
        aria-label={t('cases.notifyHow')}
        {...form.getInputProps('how')}
        data={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`notify.${c}`) }))}
      />
      <FormSubmit
        variant="light"
        formError={formError}
        busy={busy}
        onClick={() =>
          void submit((v) => notifyApplicant(db, author, row.caseId, { about, how: v.how }), { keep: true })
        }
      >
        {t('cases.saveNotify')}
      </FormSubmit>
    </Stack>
  );
}
