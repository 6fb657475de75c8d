import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { SUPPLEMENT_LEGAL_LIMIT_DAYS } from '../../../shared/rules/case.ts';
import { useDesk } from '../../app/context.tsx';
import { deskCalendar, today } from '../../data/calendar.ts';
import { acceptAsDeemed } from '../../data/caseOperations.ts';
import { supplementNoticeOf } from '../../data/caseTimeliness.ts';
import type { CaseRow } from '../../data/db.ts';
import { useAuthor } from '../../stores/session.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { caseFieldErrors } from './caseErrors.ts';

/**
 * art. 11 立即告知 / 行政许可法 §32 (issue 12, decision 1): in person, a supplement is told in the same sitting; left
 * for review, within five working days. Past that with no notice the application counts as accepted from receipt —
 * by law (§32) for an administrative licence (`licence`: the flag of the case's catalog version), by the bureau's own
 * rule for any other item, and the card says which.
 */
export function SupplementNotice({ row, staff, licence }: { row: CaseRow; staff: Staff; licence: boolean }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  // No field to type: the hook runs the act once, busy and refusal handled as in every desk form.
  const { busy, formError, submit } = useDeskForm({ initialValues: {}, wording: caseFieldErrors });
  if (row.status !== 'checking' && row.status !== 'supplementRequested') return null;
  const notice = supplementNoticeOf(row, today());
  const received = row.receivedOn;
  if (notice.deemedAcceptedOn && row.status === 'checking') {
    return (
      <Alert
        color="red"
        title={t(licence ? 'cases.supplementNotice.deemed' : 'cases.supplementNotice.deemedBureau')}
        data-testid="supplement-notice"
      >
        <Stack gap="xs">
          <Text size="sm">
            {t(licence ? 'cases.supplementNotice.deemedHint' : 'cases.supplementNotice.deemedHintBureau', {
              due: legalLimit(row),
              received,
            })}
          </Text>
          {formError && <Text c="red">{formError}</Text>}
          <Button color="red" loading={busy} onClick={() => void submit(() => acceptAsDeemed(db, author, row.caseId))}>
            {t('cases.supplementNotice.acceptDeemed', { received: notice.deemedAcceptedOn })}
          </Button>
        </Stack>
      </Alert>
    );
  }
  // The day the notice counts on is the day it was recorded (the rules' givenOn), not a day typed back.
  const given = notice.givenOn;
  const [text, color] = notice.afterDeemed
    ? [t('cases.supplementNotice.afterDeemed', { date: given, due: legalLimit(row), received }), 'red']
    : notice.state === 'given'
      ? [t('cases.supplementNotice.given', { date: given }), 'dimmed']
      : notice.state === 'givenLate'
        ? [t('cases.supplementNotice.givenLate', { date: given, due: notice.dueDate }), 'orange']
        : notice.state === 'overdue'
          ? notice.missedUntil
            ? [
                t(
                  row.intake === 'inPerson' ? 'cases.supplementNotice.missedUntil' : 'cases.supplementNotice.lateUntil',
                  {
                    due: notice.dueDate,
                    until: notice.missedUntil,
                  },
                ),
                'red',
              ]
            : [t('cases.supplementNotice.notImmediate', { received, deemedFrom: legalLimit(row) }), 'red']
          : notice.state === 'due'
            ? row.intake === 'inPerson'
              ? [t('cases.supplementNotice.dueNow', { received }), 'orange']
              : [t('cases.supplementNotice.dueBy', { received, date: notice.dueDate }), 'dimmed']
            : [null, 'dimmed'];
  if (!text) return null;
  return (
    <Text size="xs" c={color} fw={color === 'red' ? 600 : undefined} data-testid="supplement-notice">
      {text}
    </Text>
  );
}

/** The last day a supplement may still be told, whatever the intake (§32: five working days after receipt). */
function legalLimit(row: CaseRow) {
  return deskCalendar().addWorkingDays(row.receivedOn, SUPPLEMENT_LEGAL_LIMIT_DAYS).date;
}
