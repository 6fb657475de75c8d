import { Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_STATUSES, type ComplaintSummary } from '../../../shared/sync/complaintApi.ts';
import { useDesk } from '../../app/context.tsx';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { useDirectory } from '../../data/hooks.ts';
import { dueTone, filterComplaints, sortComplaints, type StatusFilter } from './complaintListView.ts';

const TONE_VARIANT = { red: 'filled', orange: 'filled', yellow: 'light', gray: 'light', none: 'light' } as const;

/**
 * The complaints the caller may read, owed-and-overdue first. The list carries no complainant and no account
 * (those are read one complaint at a time, and HQ logs each read); Enter on a row opens it.
 */
export function ComplaintTable(props: {
  rows: readonly ComplaintSummary[];
  onOpen: (complaintId: string) => void;
  onReload: () => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const directory = useDirectory(db);
  const [filter, setFilter] = useState<StatusFilter>('open');
  const shown = sortComplaints(filterComplaints(props.rows, filter));
  const staffName = (id: string) => directory?.staffById.get(id)?.name ?? id;
  const departmentName = (id: string) => directory?.departments.find((d) => d.id === id)?.name ?? id;
  const filters: StatusFilter[] = ['open', ...COMPLAINT_STATUSES, 'all'];
  return (
    <>
      <Group justify="space-between" mb="sm">
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as StatusFilter)}
          aria-label={t('complaint.screen.filter')}
          data={filters.map((f) => ({ value: f, label: t(`complaint.screen.filters.${f}`) }))}
        />
        <Button size="xs" variant="default" loading={props.loading} onClick={props.onReload}>
          {t('complaint.screen.reload')}
        </Button>
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed" data-testid="complaints-empty">
          {t('complaint.screen.empty')}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing="xs" aria-label={t('complaint.screen.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('complaint.field.receivedOn')}</Table.Th>
              <Table.Th>{t('complaint.field.channel')}</Table.Th>
              <Table.Th>{t('complaint.screen.accused')}</Table.Th>
              <Table.Th>{t('complaint.screen.status')}</Table.Th>
              <Table.Th>{t('complaint.screen.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <OpenableRow key={row.complaintId} onOpen={() => props.onOpen(row.complaintId)}>
                <Table.Td>{row.receivedOn}</Table.Td>
                <Table.Td>{t(`complaint.channel.${row.channel}`)}</Table.Td>
                <Table.Td>
                  {[...row.accusedStaffIds.map(staffName), ...row.accusedDepartmentIds.map(departmentName)].join('、')}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" data-testid="complaint-status">
                    {t(`complaint.status.${row.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <DueCell row={row} />
                </Table.Td>
              </OpenableRow>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

export function DueCell({ row }: { row: ComplaintSummary }) {
  const { t } = useTranslation();
  const tone = dueTone(row);
  const stage = row.stage;
  return (
    <Group gap={6} wrap="nowrap">
      {stage && (
        <Badge color={tone} variant={TONE_VARIANT[tone]} data-testid="complaint-due" data-tone={tone}>
          {t(`complaint.screen.dueState.${stage.state}`, {
            stage: t(`complaint.stage.${stage.stage}`),
            date: stage.dueOn,
          })}
        </Badge>
      )}
      {row.owedByCaller && stage && (
        <Text size="xs" c="dimmed">
          {t('complaint.screen.yours')}
        </Text>
      )}
      {row.breachCount > 0 && (
        <Badge color="red" variant="outline" size="sm">
          {t('complaint.screen.breaches', { count: row.breachCount })}
        </Badge>
      )}
    </Group>
  );
}
