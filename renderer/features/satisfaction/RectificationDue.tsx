import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RectificationItem } from '../../data/rating/rectificationItems.ts';

/** The stage of a rectification, and its due day in red once it has passed with the rectification still open. */
export function StageBadge({ item }: { item: RectificationItem }) {
  const { t } = useTranslation();
  if (item.invalid) return <Badge color="gray">{t('satisfaction.stage.invalid')}</Badge>;
  const { stage } = item.status;
  return (
    <Badge color={stage === 'done' ? 'teal' : 'orange'} variant="light" data-testid="rectification-stage">
      {t(`satisfaction.stage.${stage}`)}
    </Badge>
  );
}

export function RectificationDue({ item }: { item: RectificationItem }) {
  const { t } = useTranslation();
  const { dueOn, overdue, closedLate, stage } = item.status;
  if (item.invalid) return null;
  if (overdue) {
    return (
      <Badge color="red" data-testid="rectification-due">
        {t('satisfaction.overdue', { date: dueOn })}
      </Badge>
    );
  }
  if (stage === 'done') {
    return closedLate ? (
      <Badge color="red" variant="light" data-testid="rectification-due">
        {t('satisfaction.closedLate', { date: dueOn })}
      </Badge>
    ) : null;
  }
  return (
    <Badge color="blue" variant="light" data-testid="rectification-due">
      {t('satisfaction.due', { date: dueOn })}
    </Badge>
  );
}
