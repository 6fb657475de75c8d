import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { today } from '../../data/calendar.ts';
import { resultNoticeOf } from '../../data/caseTimeliness.ts';
import type { CaseRow } from '../../data/db.ts';

/** art. 18(3): whether the applicant was (or is still to be) told the result in time. */
export function ResultNotice({ row }: { row: CaseRow }) {
  const { t } = useTranslation();
  const notice = resultNoticeOf(row, today());
  if (!notice) return null;
  const key = notice.notifiedOn ? (notice.late ? 'late' : 'inTime') : notice.late ? 'overdue' : 'dueBy';
  return (
    <Text size="xs" c={notice.late ? 'red' : 'dimmed'} fw={notice.late ? 600 : undefined} data-testid="result-notice">
      {t(`cases.resultNotice.${key}`, { date: notice.dueDate })}
    </Text>
  );
}
