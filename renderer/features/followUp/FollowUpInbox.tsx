import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useFollowUpInbox } from '../../data/followUpHooks.ts';
import type { FollowUpTaskView } from '../../data/followUps.ts';
import { DueBadge } from './DueBadge.tsx';
import { FollowUpDrawer } from './FollowUpDrawer.tsx';

const STATUS_COLOR = { pending: 'blue', dissatisfied: 'orange', done: 'teal' } as const;

/**
 * In the inbox: the follow-ups this person owns (art. 27, overdue first, in red) and, for a leader, the strong
 * dissatisfaction no leader has been told of yet (art. 30). Nothing shows when there is nothing to do.
 */
export function FollowUpInbox({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const calendar = useDeskCalendar(db);
  const inbox = useFollowUpInbox(db, staff, calendar, today());
  const [openId, setOpenId] = useState<string>();
  if (!inbox) return null;
  return (
    <>
      <TaskTable title={t('followUpDesk.strongTitle')} views={inbox.strong} onOpen={setOpenId} />
      <TaskTable title={t('followUpDesk.inboxTitle')} views={inbox.mine} onOpen={setOpenId} />
      <FollowUpDrawer subjectId={openId} staff={staff} onClose={() => setOpenId(undefined)} />
    </>
  );
}

function TaskTable(props: { title: string; views: FollowUpTaskView[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  if (props.views.length === 0) return null;
  return (
    <Paper withBorder p="xs" mb="sm">
      <Title order={6}>
        {props.title}{' '}
        <Text span c="dimmed" size="sm">
          {t('followUpDesk.count', { count: props.views.length })}
        </Text>
      </Title>
      <Table highlightOnHover verticalSpacing="xs" aria-label={props.title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('followUpDesk.column.matter')}</Table.Th>
            <Table.Th>{t('followUpDesk.column.applicant')}</Table.Th>
            <Table.Th>{t('followUpDesk.column.endedOn')}</Table.Th>
            <Table.Th>{t('followUpDesk.column.due')}</Table.Th>
            <Table.Th>{t('followUpDesk.column.status')}</Table.Th>
            <Table.Th>{t('followUpDesk.column.attempts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.views.map((v) => (
            <OpenableRow key={v.task.subject.id} onOpen={() => props.onOpen(v.task.subject.id)}>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t(`followUpDesk.subjectKind.${v.task.subject.kind}`)}
                </Text>
                <Text size="sm" lineClamp={2} maw={320}>
                  {v.matter}
                </Text>
              </Table.Td>
              <Table.Td>{v.applicant}</Table.Td>
              <Table.Td>{v.task.endedOn}</Table.Td>
              <Table.Td>
                <DueBadge view={v} />
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[v.status.status]} variant="light">
                  {t(`followUp.taskStatus.${v.status.status}`)}
                </Badge>
                {v.state?.strong && (
                  <Badge ml={4} color="red" variant="filled">
                    {t('followUp.strong')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {v.status.attempts > 0 ? t('followUpDesk.attempts', { count: v.status.attempts }) : ''}
              </Table.Td>
            </OpenableRow>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
