import { Checkbox, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import type { RectificationStage } from '../../../shared/rules/rectification.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useDirectory } from '../../data/hooks.ts';
import { useRectificationItems, useRectifyDays } from '../../data/rating/ratingViewHooks.ts';
import type { RectificationItem } from '../../data/rating/rectificationItems.ts';
import { rectificationsFor } from '../../data/rating/rectificationPermissions.ts';
import { RectificationDue, StageBadge } from './RectificationDue.tsx';

const STAGES = ['all', 'verify', 'rectify', 'feedback', 'done'] as const;
type StageFilter = (typeof STAGES)[number];

function matches(item: RectificationItem, stage: StageFilter, overdueOnly: boolean): boolean {
  if (overdueOnly && !item.status.overdue) return false;
  if (stage === 'all') return true;
  // An invalidated rating has nothing left to do: it is listed with the closed ones.
  const shown: RectificationStage = item.invalid ? 'done' : item.status.stage;
  return shown === stage;
}

/** 差评整改: every bad rating this person's work includes, most urgent first, filtered by stage or overdue. */
export function RectificationBoard({ staff, onOpen }: { staff: Staff; onOpen: (item: RectificationItem) => void }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const calendar = useDeskCalendar(db);
  const items = useRectificationItems(db, calendar, today());
  const rectifyDays = useRectifyDays(db);
  const directory = useDirectory(db);
  const [stage, setStage] = useState<StageFilter>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const mine = rectificationsFor(staff, items ?? []);
  const shown = mine.filter((i) => matches(i, stage, overdueOnly));
  const name = (id?: string) => (id ? (directory?.staffById.get(id)?.name ?? id) : '');
  const department = (id?: string) => directory?.departments.find((d) => d.id === id)?.name ?? '';
  return (
    <div>
      <Group justify="space-between" mb="xs" align="end">
        <Text size="sm" c="dimmed">
          {t('satisfaction.board.hint', { days: rectifyDays ?? '' })}
        </Text>
        <Group gap="md">
          <SegmentedControl
            aria-label={t('satisfaction.stageFilter')}
            value={stage}
            onChange={(v) => setStage(v as StageFilter)}
            data={STAGES.map((s) => ({
              value: s,
              label: s === 'all' ? t('satisfaction.stageAll') : t(`satisfaction.stage.${s}`),
            }))}
          />
          <Checkbox
            label={t('satisfaction.overdueOnly')}
            checked={overdueOnly}
            onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
          />
          <Text size="sm" c="dimmed">
            {t('satisfaction.board.count', { count: shown.length })}
          </Text>
        </Group>
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed">{t('satisfaction.board.empty')}</Text>
      ) : (
        <Table highlightOnHover verticalSpacing="sm" aria-label={t('satisfaction.tabs.rectify')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('satisfaction.column.level')}</Table.Th>
              <Table.Th>{t('satisfaction.column.source')}</Table.Th>
              <Table.Th>{t('satisfaction.column.rated')}</Table.Th>
              <Table.Th>{t('satisfaction.column.department')}</Table.Th>
              <Table.Th>{t('satisfaction.column.matter')}</Table.Th>
              <Table.Th>{t('satisfaction.column.applicant')}</Table.Th>
              <Table.Th>{t('satisfaction.column.ratedOn')}</Table.Th>
              <Table.Th>{t('satisfaction.column.stage')}</Table.Th>
              <Table.Th>{t('satisfaction.column.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((item) => (
              <OpenableRow key={item.id} onOpen={() => onOpen(item)}>
                <Table.Td>{t(`followUp.level.${item.level}`)}</Table.Td>
                <Table.Td>{t(`satisfaction.source.${item.source}`)}</Table.Td>
                <Table.Td>{name(item.ratedStaffId)}</Table.Td>
                <Table.Td>{department(item.departmentId)}</Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm" lineClamp={2}>
                    {item.matter}
                  </Text>
                </Table.Td>
                <Table.Td>{item.applicant}</Table.Td>
                <Table.Td>{item.ratedOn}</Table.Td>
                <Table.Td>
                  <StageBadge item={item} />
                </Table.Td>
                <Table.Td>
                  <RectificationDue item={item} />
                </Table.Td>
              </OpenableRow>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
