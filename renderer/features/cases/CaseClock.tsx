import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_ENDED } from '../../../shared/rules/case.ts';
import type { CaseDeadline } from '../../../shared/rules/deadline.ts';
import type { CaseRow } from '../../data/db.ts';

export const CLOCK_COLOR = {
  onTrack: 'teal',
  warning: 'yellow',
  dueToday: 'orange',
  overdue: 'red',
  paused: 'gray',
} as const;

/** The case clock as it appears everywhere: state, due date, days left or overdue, provisional mark. */
export function CaseClock({ row, clock }: { row: CaseRow; clock: CaseDeadline | null }) {
  const { t } = useTranslation();
  if (!clock) {
    return (
      <Badge variant="light" color="gray" data-testid="case-clock">
        {row.status === 'checking' || row.status === 'supplementRequested'
          ? t('cases.clock.notStarted')
          : t(`cases.status.${row.status}`)}
      </Badge>
    );
  }
  // An ended case no longer runs against its clock: its due date stays, and its breaches say whether it was late.
  const ended = CASE_ENDED.includes(row.status);
  return (
    <Group gap={6} wrap="nowrap" data-testid="case-clock">
      {!ended && (
        <Badge color={CLOCK_COLOR[clock.state]} variant={clock.state === 'overdue' ? 'filled' : 'light'}>
          {t(`cases.clock.${clock.state}`)}
        </Badge>
      )}
      <Text size="sm" data-testid="case-due">
        {t('cases.clock.due', { date: clock.dueDate })}
      </Text>
      {clock.provisional && (
        <Tooltip label={t('cases.clock.provisionalHint')}>
          <Badge color="grape" variant="outline" size="sm">
            {t('cases.clock.provisional')}
          </Badge>
        </Tooltip>
      )}
      {!ended && (
        <Text size="xs" c="dimmed">
          {clock.state === 'overdue'
            ? t('cases.clock.overdueBy', { count: clock.workingDaysOverdue })
            : t('cases.clock.left', { count: clock.workingDaysLeft })}
        </Text>
      )}
    </Group>
  );
}
