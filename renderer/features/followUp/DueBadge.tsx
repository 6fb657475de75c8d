import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpTaskView } from '../../data/followUps.ts';

/** The follow-up's due day (art. 27 及时): red once it has passed with no record, marked when the calendar is unsure. */
export function DueBadge({ view }: { view: FollowUpTaskView }) {
  const { t } = useTranslation();
  if (view.status.status === 'done') return null;
  const badge = (
    <Badge
      color={view.status.overdue ? 'red' : 'blue'}
      variant={view.status.overdue ? 'filled' : 'light'}
      data-testid="follow-up-due"
    >
      {t(view.status.overdue ? 'followUpDesk.overdue' : 'followUpDesk.due', { date: view.task.dueOn })}
      {view.task.dueProvisional ? ' *' : ''}
    </Badge>
  );
  return view.task.dueProvisional ? <Tooltip label={t('followUpDesk.provisional')}>{badge}</Tooltip> : badge;
}
