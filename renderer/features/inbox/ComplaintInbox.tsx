import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import type { StaffSession } from '../../../shared/sync/staffAuth.ts';
import { useDesk } from '../../app/context.tsx';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { useComplaintClient, useHqRead } from '../../data/complaints/hooks.ts';
import { useDirectory } from '../../data/hooks.ts';
import { useComplaintFocus } from '../../stores/complaintFocus.ts';
import { useSession } from '../../stores/session.ts';
import { DueCell } from '../complaints/ComplaintTable.tsx';
import { sortComplaints } from '../complaints/complaintListView.ts';

/** How often the inbox asks HQ again while it stays open: stage clocks move by the day, acts by other people. */
const REFRESH_MS = 60_000;

/**
 * In the inbox (issue 14 point 2): the complaint stages this person owes now — a leader's decision, an investigator's
 * findings — red once overdue, and their own invitations to state their side (陈述申辩). Complaints are read online
 * only, so this shows only with the person's own proven session, and nothing when nothing is owed.
 */
export function ComplaintInbox({ staff }: { staff: Staff }) {
  const session = useSession((s) => s.session);
  if (!session || session.staffId !== staff.id) return null;
  return <OwedComplaints key={session.sessionId} session={session} />;
}

function OwedComplaints({ session }: { session: StaffSession }) {
  const { t } = useTranslation();
  const { platform, db } = useDesk();
  const directory = useDirectory(db);
  const open = useComplaintFocus((s) => s.open);
  const { client } = useComplaintClient(platform, session);
  const list = useHqRead(client, (c) => c.list(), 'inbox');
  const { reload } = list;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // A failed read says nothing here: the 投诉处理 tab shows why; the inbox must not alarm over a network blip.
  if (!list.data) return null;
  const owed = sortComplaints(list.data.complaints.filter((c) => c.owedByCaller && c.stage));
  const statements = list.data.statements.filter((s) => !s.given && !s.waived && !s.decided);
  if (owed.length === 0 && statements.length === 0) return null;
  const title = t('inbox.complaints');
  const staffName = (id: string) => directory?.staffById.get(id)?.name ?? id;
  const departmentName = (id: string) => directory?.departments.find((d) => d.id === id)?.name ?? id;
  return (
    <Paper withBorder p="xs" mb="sm">
      <Title order={6}>
        {title}{' '}
        <Text span c="dimmed" size="sm">
          {t('inbox.complaintCount', { count: owed.length + statements.length })}
        </Text>
      </Title>
      <Table highlightOnHover verticalSpacing="xs" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('complaint.field.receivedOn')}</Table.Th>
            <Table.Th>{t('inbox.complaintOwed')}</Table.Th>
            <Table.Th>{t('complaint.screen.accused')}</Table.Th>
            <Table.Th>{t('complaint.screen.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {owed.map((row) => (
            <OpenableRow key={row.complaintId} onOpen={() => open({ kind: 'complaint', complaintId: row.complaintId })}>
              <Table.Td>{row.receivedOn}</Table.Td>
              <Table.Td>{t(`complaint.status.${row.status}`)}</Table.Td>
              <Table.Td>
                {[...row.accusedStaffIds.map(staffName), ...row.accusedDepartmentIds.map(departmentName)].join('、')}
              </Table.Td>
              <Table.Td>
                <DueCell row={row} />
              </Table.Td>
            </OpenableRow>
          ))}
          {statements.map((s) => (
            <OpenableRow key={s.complaintId} onOpen={() => open({ kind: 'statements' })}>
              <Table.Td>{s.receivedOn}</Table.Td>
              <Table.Td>{t('inbox.statementOwed')}</Table.Td>
              <Table.Td>{t('inbox.statementYou')}</Table.Td>
              <Table.Td>
                {s.invitedDueOn && (
                  <Badge variant="light" color="orange">
                    {t('inbox.statementDue', { date: s.invitedDueOn })}
                  </Badge>
                )}
              </Table.Td>
            </OpenableRow>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
