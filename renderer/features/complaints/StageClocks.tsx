import { Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StageClock } from '../../../shared/rules/complaintDeadlines.ts';

const COLOR: Record<StageClock['state'], string> = {
  running: 'blue',
  dueToday: 'orange',
  overdue: 'red',
  doneInTime: 'teal',
  doneLate: 'red',
};

/** Each stage reached (art. 31 limits in working days): from, due, done, extensions, and how it stands. */
export function StageClocks({ clocks }: { clocks: readonly StageClock[] }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder verticalSpacing={4} aria-label={t('complaint.screen.clocks')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('complaint.screen.stage')}</Table.Th>
          <Table.Th>{t('complaint.screen.from')}</Table.Th>
          <Table.Th>{t('complaint.screen.dueOn')}</Table.Th>
          <Table.Th>{t('complaint.screen.doneOn')}</Table.Th>
          <Table.Th>{t('complaint.screen.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {clocks.map((c) => (
          <Table.Tr key={c.stage} data-testid={`clock-${c.stage}`}>
            <Table.Td>
              <Stack gap={0}>
                <Text size="sm">{t(`complaint.stage.${c.stage}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(c.owedBy === 'leaders' ? 'complaint.clock.owedByLeaders' : 'complaint.clock.owedByInvestigators')}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>{c.from}</Table.Td>
            <Table.Td>
              {c.provisional ? (
                <Tooltip label={t('complaint.screen.provisional')}>
                  <span>{c.dueOn} *</span>
                </Tooltip>
              ) : (
                c.dueOn
              )}
              {c.extensions.map((x) => (
                <Text key={x.extension.eventId} size="xs" c={x.counts ? 'dimmed' : 'red'}>
                  {x.counts
                    ? t('complaint.screen.extended', { days: x.extension.days, reason: x.extension.reason })
                    : x.extension.approved
                      ? t('complaint.clock.extensionNotCounted')
                      : t('complaint.screen.extensionRefused', { reason: x.extension.reason })}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{c.doneOn ?? '—'}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <Badge color={COLOR[c.state]} variant={c.state === 'overdue' ? 'filled' : 'light'}>
                  {t(`complaint.screen.clockState.${c.state}`, { days: c.workingDaysLate })}
                </Badge>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
