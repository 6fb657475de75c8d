import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportFreshness } from '../../../shared/sync/reportApi.ts';

/** 统计截至…: when HQ computed the answer, and how many uploaded events its projection has still to count. */
export function FreshnessLine({ freshness }: { freshness: ReportFreshness }) {
  const { t, i18n } = useTranslation();
  const behind = Math.max(0, freshness.latestSeq - freshness.projectedSeq);
  const at = new Date(freshness.computedAt);
  const time = Number.isNaN(at.getTime())
    ? freshness.computedAt
    : new Intl.DateTimeFormat(i18n.language, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Shanghai',
      }).format(at);
  return (
    <Text size="sm" c={behind > 0 ? 'orange.8' : 'dimmed'} data-testid="reports-freshness" role="status">
      {t(behind > 0 ? 'reports.freshness.behind' : 'reports.freshness.current', {
        time,
        today: freshness.today,
        count: behind,
      })}
    </Text>
  );
}
