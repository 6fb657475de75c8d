import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useSettings, useSyncOverview } from '../../data/hooks.ts';
import { useLastNightlyAt } from '../../data/syncHooks.ts';
import { useSyncActivity } from '../../stores/sync.ts';
import { failureReason } from './describe.ts';

/** Where sync stands: what worked last, what failed and why, what waits, and when it runs next (also at night). */
export function SyncStatusSummary() {
  const { t } = useTranslation();
  const { db, platform } = useDesk();
  const overview = useSyncOverview(db);
  const settings = useSettings(db);
  const lastNightlyAt = useLastNightlyAt(db);
  const schedule = useSyncActivity((s) => s.schedule);
  const none = t('sync.panel.none');
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : none);
  const failure = overview?.lastFailure;
  const rows: [string, ReactNode][] = [
    [t('sync.panel.lastSuccess'), overview?.lastSuccessAt ? formatDateTime(overview.lastSuccessAt) : t('sync.never')],
    [t('sync.panel.lastAttempt'), when(overview?.lastAttemptAt)],
    [
      t('sync.panel.lastFailure'),
      failure ? (
        <>
          <Text size="sm" c="orange.8" data-testid="sync-last-failure">
            {failureReason(t, failure)}
          </Text>
          {'message' in failure && failure.message && (
            <Text size="xs" c="dimmed">
              {t('sync.panel.failureMessage', { message: failure.message })}
            </Text>
          )}
        </>
      ) : (
        none
      ),
    ],
    [t('sync.panel.pending'), overview ? t('sync.pending', { count: overview.pending }) : none],
    [t('sync.panel.nextRun'), when(schedule.nextRunAt)],
    [t('sync.panel.nightlyAt'), settings?.nightlySyncAt ?? t('sync.panel.nightlyUnknown')],
    [t('sync.panel.nightlyNext'), when(schedule.nightly?.nextAt)],
    [t('sync.panel.lastNightly'), when(lastNightlyAt)],
  ];
  return (
    <>
      <Table variant="vertical" layout="fixed" withTableBorder aria-label={t('sync.panel.title')}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={160}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {schedule.nightlyProblem && (
        <Text size="sm" c="orange.8">
          {t('sync.panel.nightlyProblem', { reason: schedule.nightlyProblem })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {platform.kind === 'browser' ? t('sync.panel.nightlyBrowser') : t('sync.panel.nightlyDesktop')}
      </Text>
    </>
  );
}
