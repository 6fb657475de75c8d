import { Alert, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import type { UnreadableRecord } from '../../data/unreadablePulled.ts';

/**
 * Records from HQ this desk could not read and skipped (stored by an older server under looser rules): how many,
 * and the latest in detail, so a person can give the list to the admin. Nothing when there are none.
 */
export function UnreadablePulled({ record }: { record: UnreadableRecord }) {
  const { t } = useTranslation();
  if (record.count === 0) return null;
  const title = t('sync.unreadable.title');
  return (
    <Stack gap="xs">
      <Alert color="yellow" title={title}>
        <Text size="sm">{t('sync.unreadable.summary', { count: record.count })}</Text>
        <Text size="sm">{t('sync.unreadable.hint')}</Text>
        {record.entries.length < record.count && (
          <Text size="xs" c="dimmed">
            {t('sync.unreadable.shownLatest', { shown: record.entries.length })}
          </Text>
        )}
      </Alert>
      <Table verticalSpacing="xs" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('sync.unreadable.seq')}</Table.Th>
            <Table.Th>{t('sync.unreadable.item')}</Table.Th>
            <Table.Th>{t('sync.unreadable.reason')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('sync.unreadable.met')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.entries.map((entry, i) => (
            <Table.Tr key={`${entry.seq ?? 'x'}-${entry.id ?? ''}-${i}`}>
              <Table.Td>{entry.seq ?? t('sync.panel.none')}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                {t(`sync.unreadable.${entry.kind}`, { id: entry.id ?? t('sync.unreadable.unknownId') })}
              </Table.Td>
              <Table.Td maw={360} style={{ wordBreak: 'break-word' }}>
                <Text size="xs" c="dimmed">
                  {entry.reason}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
