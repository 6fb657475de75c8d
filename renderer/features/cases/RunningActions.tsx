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
import { useState } from 'react';
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
import { useAction } from '../contact/useAction.ts';
import { useDecision } from '../contact/useDecision.ts';
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
  const { errors, busy, run } = useAction(caseFieldErrors);
  const from = today();
  const [reason, setReason] = useState<PauseReason>('expertReview');
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('cases.pauseHint')}
      </Text>
      {/* A pause counts from the day it is recorded at the earliest (shared/rules/case.ts): no day to choose. */}
      <Text size="sm" data-testid="pause-from">
        {t('cases.pauseFromToday', { date: from })}
      </Text>
      {errors.from && (
        <Text size="sm" c="red">
          {errors.from}
        </Text>
      )}
      <Select
        label={t('cases.pauseReason')}
        data={PAUSE_REASONS.map((r) => ({ value: r, label: t(`cases.pauseReasons.${r}`) }))}
        value={reason}
        onChange={(v) => v && setReason(v as PauseReason)}
        error={errors.reason}
      />
      <TextInput
        label={t('cases.pauseNote')}
        maxLength={LIMITS.reason}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        variant="light"
        loading={busy}
        onClick={() => void run(() => pauseCase(db, author, row.caseId, { from: from as IsoDate, reason, note }))}
      >
        {t('cases.savePause')}
      </Button>
    </Stack>
  );
}

function ResumeForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction(caseFieldErrors);
  const [on, setOn] = useState<string>(today());
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
        value={on}
        min={paused?.from ?? row.acceptance?.acceptedOn}
        max={today()}
        onChange={(e) => setOn(e.currentTarget.value)}
        error={errors.on}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        variant="light"
        loading={busy}
        onClick={() => void run(() => resumeCase(db, author, row.caseId, { on: on as IsoDate }))}
      >
        {t('cases.saveResume')}
      </Button>
    </Stack>
  );
}

function ExtensionForm({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction(caseFieldErrors);
  const [days, setDays] = useState<number>(10);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="xs">
      <NumberInput
        label={t('cases.extensionDays')}
        value={days}
        onChange={(v) => setDays(typeof v === 'number' ? v : 0)}
        min={1}
        max={60}
        error={errors.days}
      />
      <Textarea
        label={t('cases.extensionReason')}
        maxLength={LIMITS.reason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        variant="light"
        loading={busy}
        onClick={() => void run(() => requestExtension(db, author, row.caseId, { days, reason }))}
      >
        {t('cases.saveExtension')}
      </Button>
    </Stack>
  );
}

// art. 17: the leader approves or refuses (online, proven); the applicant must then be told.
function ExtensionDecision({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useDecision(caseFieldErrors);
  const [note, setNote] = useState('');
  const tooLate = extensionTooLate(row, today());
  return (
    <Stack gap="xs">
      {tooLate && <Alert color="red">{t('cases.approveTooLate', { date: tooLate })}</Alert>}
      <TextInput
        label={t('cases.decisionNote')}
        maxLength={LIMITS.note}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Group>
        <Button
          loading={busy}
          disabled={Boolean(tooLate)}
          onClick={() => void run(() => decideExtension(db, author, row.caseId, { decision: 'approved', note }))}
        >
          {t('cases.approve')}
        </Button>
        <Button
          variant="default"
          loading={busy}
          onClick={() => void run(() => decideExtension(db, author, row.caseId, { decision: 'refused', note }))}
        >
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
  const { errors, busy, run } = useAction(caseFieldErrors);
  const [outcome, setOutcome] = useState<'granted' | 'notGranted' | 'done'>('granted');
  const [result, setResult] = useState('');
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('cases.outcome')}
        value={outcome}
        onChange={(v) => setOutcome(v as typeof outcome)}
        data={(['granted', 'notGranted', 'done'] as const).map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) }))}
      />
      <Textarea
        label={t('cases.result')}
        maxLength={LIMITS.explanation}
        value={result}
        onChange={(e) => setResult(e.currentTarget.value)}
        error={errors.result}
        autosize
        minRows={2}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button loading={busy} onClick={() => void run(() => completeCase(db, author, row.caseId, { outcome, result }))}>
        {t('cases.saveComplete')}
      </Button>
    </Stack>
  );
}

/** Record that the applicant was told about an extension or the result (art. 17, 18(3)). */
export function NotifyForm({ row, staff, about }: { row: CaseRow; staff: Staff; about: 'extension' | 'result' }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction(caseFieldErrors);
  const [how, setHow] = useState<How>('phone');
  return (
    <Stack gap="xs">
      <Alert color="orange">
        {about === 'extension' ? t('cases.mustNotifyExtension') : t('cases.mustNotifyResult')}
      </Alert>
      <SegmentedControl
        aria-label={t('cases.notifyHow')}
        value={how}
        onChange={(v) => setHow(v as How)}
        data={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`notify.${c}`) }))}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        variant="light"
        loading={busy}
        onClick={() => void run(() => notifyApplicant(db, author, row.caseId, { about, how }))}
      >
        {t('cases.saveNotify')}
      </Button>
    </Stack>
  );
}
