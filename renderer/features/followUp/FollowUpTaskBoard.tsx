import { Badge, Checkbox, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { maskPhone } from '../../../shared/rules/phone.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useFollowUpTaskViews } from '../../data/followUpBoardHooks.ts';
import type { FollowUpTaskView } from '../../data/followUps.ts';
import { useDirectory } from '../../data/hooks.ts';
import { DueBadge } from './DueBadge.tsx';
import { FollowUpDrawer } from './FollowUpDrawer.tsx';
import {
  boardCounts,
  boardState,
  byUrgency,
  filterTasks,
  visibleTasks,
  type BoardFilter,
  type BoardState,
} from './followUpBoardFilter.ts';

const STATE_COLOR: Record<BoardState, string> = {
  pending: 'blue',
  unreached: 'yellow',
  done: 'teal',
  dissatisfied: 'orange',
  strong: 'red',
};

/** The board of every follow-up task this person may see, with its filters and counts (art. 27–30). */
export function FollowUpTaskBoard({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const calendar = useDeskCalendar(db);
  const day = today();
  const views = useFollowUpTaskViews(db, calendar, day);
  const directory = useDirectory(db);
  const [filter, setFilter] = useState<BoardFilter>({ open: true, overdue: false, mine: false });
  const [openId, setOpenId] = useState<string>();
  const departmentOf = useMemo(() => (id: string) => directory?.staffById.get(id)?.departmentId, [directory]);
  const scoped = useMemo(
    () => (views ? visibleTasks(staff, views, departmentOf) : undefined),
    [views, staff, departmentOf],
  );
  if (!scoped || !directory) return null;
  const period = filterTasks(
    scoped,
    { open: false, overdue: false, mine: false, from: filter.from, to: filter.to, departmentId: filter.departmentId },
    staff,
    departmentOf,
  );
  const counts = boardCounts(period, day);
  const shown = filterTasks(scoped, filter, staff, departmentOf).sort(byUrgency);
  const departmentName = (id: string) => directory.departments.find((d) => d.id === id)?.name ?? id;
  const set = (patch: Partial<BoardFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs" data-testid="follow-up-board-counts">
        {t('followUpBoard.counts', { ...counts })}
      </Text>
      <Group gap="md" mb="sm" align="flex-end">
        <Checkbox
          label={t('followUpBoard.filter.open')}
          checked={filter.open}
          onChange={(e) => set({ open: e.currentTarget.checked })}
        />
        <Checkbox
          label={t('followUpBoard.filter.overdue')}
          checked={filter.overdue}
          onChange={(e) => set({ overdue: e.currentTarget.checked })}
        />
        <Checkbox
          label={t('followUpBoard.filter.mine')}
          checked={filter.mine}
          onChange={(e) => set({ mine: e.currentTarget.checked })}
        />
        <TextInput
          type="date"
          size="xs"
          label={t('followUpBoard.filter.from')}
          value={filter.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          size="xs"
          label={t('followUpBoard.filter.to')}
          value={filter.to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        />
        <Select
          size="xs"
          clearable
          label={t('followUpBoard.filter.department')}
          placeholder={t('followUpBoard.filter.allDepartments')}
          value={filter.departmentId ?? null}
          onChange={(v) => set({ departmentId: v ?? undefined })}
          data={directory.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed">{t('followUpBoard.empty')}</Text>
      ) : (
        <TaskTable
          views={shown}
          onOpen={setOpenId}
          ownerLabel={(v) =>
            v.task.owner.kind === 'department'
              ? departmentName(v.task.owner.departmentId)
              : t('followUpBoard.ownerSupervisors')
          }
        />
      )}
      <FollowUpDrawer subjectId={openId} staff={staff} onClose={() => setOpenId(undefined)} />
    </Paper>
  );
}

/** The applicant as the register shows them: the name, the phone masked. */
function applicantLabel(v: FollowUpTaskView): string {
  return [v.applicant, v.applicantPhone && maskPhone(v.applicantPhone)].filter(Boolean).join(' · ');
}

function TaskTable(props: {
  views: FollowUpTaskView[];
  onOpen: (id: string) => void;
  ownerLabel: (v: FollowUpTaskView) => string;
}) {
  const { t } = useTranslation();
  return (
    <Table highlightOnHover verticalSpacing="xs" aria-label={t('followUpBoard.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('followUpBoard.column.subject')}</Table.Th>
          <Table.Th>{t('followUpBoard.column.applicant')}</Table.Th>
          <Table.Th>{t('followUpBoard.column.endedOn')}</Table.Th>
          <Table.Th>{t('followUpBoard.column.due')}</Table.Th>
          <Table.Th>{t('followUpBoard.column.owner')}</Table.Th>
          <Table.Th>{t('followUpBoard.column.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.views.map((v) => {
          const state = boardState(v);
          return (
            <OpenableRow key={v.task.subject.id} onOpen={() => props.onOpen(v.task.subject.id)}>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t(`followUpDesk.subjectKind.${v.task.subject.kind}`)}
                </Text>
                <Text size="sm" lineClamp={2} maw={320}>
                  {v.matter}
                </Text>
              </Table.Td>
              <Table.Td>{applicantLabel(v)}</Table.Td>
              <Table.Td>{v.task.endedOn}</Table.Td>
              <Table.Td>{state === 'done' ? v.task.dueOn : <DueBadge view={v} />}</Table.Td>
              <Table.Td>{props.ownerLabel(v)}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[state]} variant="light" data-testid="follow-up-state">
                  {t(`followUpBoard.state.${state}`, { count: v.status.attempts })}
                </Badge>
              </Table.Td>
            </OpenableRow>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
