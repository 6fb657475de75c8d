import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarYearView } from '../../../data/adminQueries.ts';
import { EditStateBadge } from '../EditStateBadge.tsx';
import { shownSchedule, yearStatus, type YearStatus } from './yearStatus.ts';

const STATUS_COLOR: Record<YearStatus, string> = {
  bundled: 'gray',
  confirmed: 'teal',
  proposed: 'yellow',
  amendment: 'yellow',
  none: 'red',
};

interface Props {
  years: CalendarYearView[];
  onOpen: (year: number) => void;
  onAmend: (view: CalendarYearView) => void;
}

/** Every year the desk knows of, newest first: whether it is in force, its notice number, its version. */
export function CalendarYearsTable({ years, onOpen, onAmend }: Props) {
  const { t } = useTranslation();
  return (
    <Table highlightOnHover verticalSpacing={6} aria-label={t('admin.calendar.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.calendar.year')}</Table.Th>
          <Table.Th>{t('admin.calendar.status')}</Table.Th>
          <Table.Th>{t('admin.calendar.notice')}</Table.Th>
          <Table.Th>{t('admin.calendar.days')}</Table.Th>
          <Table.Th>{t('admin.calendar.version')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {years.map((view) => {
          const status = yearStatus(view);
          const schedule = shownSchedule(view);
          return (
            <Table.Tr key={view.year} data-testid={`calendar-year-${view.year}`}>
              <Table.Td fw={600}>{view.year}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Badge color={STATUS_COLOR[status]} variant="light">
                    {t(`admin.calendar.statuses.${status}`)}
                  </Badge>
                  <EditStateBadge edit={view.edit} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{schedule ? (schedule.noticeNumber ?? t('admin.calendar.noticeUnknown')) : ''}</Text>
              </Table.Td>
              <Table.Td>{schedule ? t('admin.calendar.daysValue', { count: schedule.days.length }) : ''}</Table.Td>
              <Table.Td>{view.rev ? t('admin.catalog.versionValue', { rev: view.rev }) : ''}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant={view.pending ? 'filled' : 'light'} onClick={() => onOpen(view.year)}>
                    {view.pending ? t('admin.calendar.review') : t('admin.calendar.open')}
                  </Button>
                  {view.inForce && !view.pending && (
                    <Button size="xs" variant="subtle" onClick={() => onAmend(view)}>
                      {t('admin.calendar.amend')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
