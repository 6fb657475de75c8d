import { Badge, Checkbox, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDeadlineBoard, type BoardScope } from '../../data/caseHooks.ts';
import { useDirectory } from '../../data/hooks.ts';
import { ContactDrawer } from '../contact/ContactDrawer.tsx';
import { Breaches } from './Breaches.tsx';
import { CaseClock } from './CaseClock.tsx';
import { PendingRejections } from './PendingRejections.tsx';
import { OpenableRow } from '../../app/OpenableRow.tsx';

/** The deadline board: open cases by urgency for this desk, this person, the department or the whole bureau. */
export function CasesScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const seesAll = staff.roles.includes('leader') || staff.roles.includes('supervisor');
  const [scope, setScope] = useState<BoardScope>(seesAll ? 'all' : 'desk');
  const [includeEnded, setIncludeEnded] = useState(false);
  const board = useDeadlineBoard(db, scope, staff, today(), includeEnded) ?? [];
  const directory = useDirectory(db);
  const [contactId, setContactId] = useState<string>();
  const scopes: BoardScope[] = seesAll ? ['desk', 'mine', 'department', 'all'] : ['desk', 'mine', 'department'];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={4}>{t('cases.board')}</Title>
          <Text size="sm" c="dimmed">
            {t('cases.boardHint')}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as BoardScope)}
            data={scopes.map((s) => ({ value: s, label: t(`cases.scope.${s}`) }))}
          />
          <Checkbox
            size="xs"
            label={t('cases.includeEnded')}
            checked={includeEnded}
            onChange={(e) => setIncludeEnded(e.currentTarget.checked)}
          />
        </Stack>
      </Group>
      {staff.roles.includes('leader') && <PendingRejections staff={staff} onOpen={setContactId} />}
      {board.length === 0 ? (
        <Text c="dimmed">{t('cases.empty')}</Text>
      ) : (
        <Table highlightOnHover verticalSpacing="sm" aria-label={t('cases.board')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.serviceItem')}</Table.Th>
              <Table.Th>{t('cases.applicant')}</Table.Th>
              <Table.Th>{t('cases.handler')}</Table.Th>
              <Table.Th>{t('register.status')}</Table.Th>
              <Table.Th>{t('cases.dueColumn')}</Table.Th>
              <Table.Th>{t('cases.breachColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {board.map(({ row, clock, breaches }) => (
              <OpenableRow key={row.caseId} onOpen={() => setContactId(row.contactId)}>
                <Table.Td>{row.serviceItemName}</Table.Td>
                <Table.Td>{row.applicant}</Table.Td>
                <Table.Td>{directory?.staffById.get(row.handlerStaffId)?.name ?? row.handlerStaffId}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`cases.status.${row.status}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  <CaseClock row={row} clock={clock} />
                </Table.Td>
                <Table.Td>
                  <Breaches row={row} breaches={breaches} compact />
                </Table.Td>
              </OpenableRow>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ContactDrawer contactId={contactId} staff={staff} onClose={() => setContactId(undefined)} />
    </Paper>
  );
}
