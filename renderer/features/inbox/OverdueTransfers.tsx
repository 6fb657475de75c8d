import { Alert, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { today } from '../../data/calendar.ts';
import { useDirectory, useOverdueTransfers } from '../../data/hooks.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';

/** For a department head: transfers to the department nobody accepted in time (end of the next working day). */
export function OverdueTransfers({ staff, onOpen }: { staff: Staff; onOpen: (contactId: string) => void }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const rows =
    useOverdueTransfers(db, staff.roles.includes('deptHead') ? staff.departmentId : undefined, today()) ?? [];
  const directory = useDirectory(db);
  if (rows.length === 0) return null;
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={5}>{t('inbox.overdueTransfers')}</Title>
      <Alert color="red" my="xs">
        {t('inbox.overdueHint')}
      </Alert>
      <Table highlightOnHover aria-label={t('inbox.overdueTransfers')}>
        <Table.Tbody>
          {rows.map((c) => (
            <OpenableRow key={c.contactId} onOpen={() => onOpen(c.contactId)}>
              <Table.Td>{formatDateTime(c.transfer?.at ?? c.openedAt)}</Table.Td>
              <Table.Td>{c.visitor.name ?? c.visitor.organisation}</Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={1}>
                  {c.matter}
                </Text>
              </Table.Td>
              <Table.Td>{directory?.staffById.get(c.transfer?.toStaffId ?? '')?.name}</Table.Td>
            </OpenableRow>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
