import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportFreshness } from '../../../shared/sync/reportApi.ts';

/** 统计截至…: when HQ computed the answer, and how many uploaded events its projection has still to count. */
export function FreshnessLine({ freshness }: { freshness: ReportFreshness }) {
  const { t, i18n } = useTranslation();
  const behind = Math.max(0, freshness.latestSeq - freshness.projectedSeq);
  // One date style in the line: HQ's day is written as the time is (2026年12月2日 / Dec 2, 2026), in Beijing time.
  const format = (iso: string, withTime: boolean) => {
    const at = new Date(withTime ? iso : `${iso}T12:00:00+08:00`);
    if (Number.isNaN(at.getTime())) return iso;
    return new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'Asia/Shanghai',
    }).format(at);
  };
  const time = format(freshness.computedAt, true);
  const today = format(freshness.today, false);
  return (
    <Text size="sm" c={behind > 0 ? 'orange.8' : 'dimmed'} data-testid="reports-freshness" role="status">
      {t(behind > 0 ? 'reports.freshness.behind' : 'reports.freshness.current', {
        time,
        today,
        count: behind,
      })}
    </Text>
  );
}
