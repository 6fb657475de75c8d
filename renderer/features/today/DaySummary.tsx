import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DayCounts, TodayNumbers } from '../../data/today.ts';

const COLUMNS = ['registered', 'disposed', 'waiting'] as const;

/**
 * The day's numbers (issue 15, point 4; art. 8–9): this window's and this person's contacts registered today, how
 * many have a disposition and how many still wait, the transfers to accept and the cases due soon. The header's
 * popover and the end-of-day check show the same summary.
 */
export function DaySummary({ numbers, framed = false }: { numbers: TodayNumbers; framed?: boolean }) {
  const { t } = useTranslation();
  const row = (scope: 'window' | 'mine', counts: DayCounts) => (
    <Table.Tr key={scope} data-testid={`today-${scope}`}>
      <Table.Th scope="row">{t(`today.${scope}`)}</Table.Th>
      {COLUMNS.map((key) => (
        <Table.Td
          key={key}
          ta="right"
          data-testid={`today-${scope}-${key}`}
          c={key === 'waiting' && counts.waiting > 0 ? 'orange.8' : undefined}
          fw={key === 'waiting' && counts.waiting > 0 ? 600 : undefined}
        >
          {counts[key]}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  /** A bold label, then the sentence with its figures (the label and its numbers read as one line). */
  const line = (key: 'transfers' | 'cases', figures: Record<string, number>) => (
    <Text size="sm" data-testid={`today-${key}`}>
      <Text span fw={600}>
        {t(`today.${key}`)}
      </Text>
      {t(`today.${key}Detail`, figures)}
    </Text>
  );
  const body = (
    <Stack gap="xs" data-testid="today-summary">
      <Title order={5}>{t('today.summaryTitle', { day: numbers.day })}</Title>
      <Table
        maw={560}
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        aria-label={t('today.summaryTitle', { day: numbers.day })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('today.scope')}</Table.Th>
            {COLUMNS.map((key) => (
              <Table.Th key={key} ta="right">
                {t(`today.${key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {row('window', numbers.window)}
          {row('mine', numbers.mine)}
        </Table.Tbody>
      </Table>
      {line('transfers', numbers.transfers)}
      {line('cases', numbers.casesDue)}
      {numbers.carriedOver > 0 && (
        <Text size="sm" c="orange.8" fw={600} data-testid="today-carried-over">
          {t('today.carriedOver', { count: numbers.carriedOver })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('today.disposedMeans')} {t('today.localOnly')}
      </Text>
    </Stack>
  );
  return framed ? (
    <Paper withBorder p="md">
      {body}
    </Paper>
  ) : (
    body
  );
}
