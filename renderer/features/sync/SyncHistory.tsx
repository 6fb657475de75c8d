import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import type { SyncRun } from '../../data/syncHistory.ts';
import { failureReason } from './describe.ts';

/** The last sync runs, newest first: when, whether it worked, what moved or why it failed. */
export function SyncHistory({ runs }: { runs: SyncRun[] }) {
  const { t } = useTranslation();
  if (runs.length === 0) return <Text c="dimmed">{t('sync.history.empty')}</Text>;
  return (
    <Table verticalSpacing="xs" aria-label={t('sync.history.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sync.history.when')}</Table.Th>
          <Table.Th>{t('sync.history.result')}</Table.Th>
          <Table.Th>{t('sync.history.detail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={`${run.startedAt}-${run.finishedAt}`}>
            <Table.Td>{formatDateTime(run.startedAt)}</Table.Td>
            <Table.Td>
              <Badge color={run.ok ? 'teal' : 'orange'} variant="light">
                {run.ok ? t('sync.history.ok') : t('sync.history.failed')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {run.ok
                  ? t('sync.history.counts', { pushed: run.pushed, pulled: run.pulled, rejected: run.rejected })
                  : failureReason(t, run.failure)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
