import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { pendingRejection } from '../../../shared/rules/case.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { usePendingCaseRejections } from '../../data/caseHooks.ts';
import { useDirectory } from '../../data/hooks.ts';

/** art. 8(二): the 不予受理 proposals named to this leader, oldest first; opening one shows the case to decide on. */
export function PendingRejections({ staff, onOpen }: { staff: Staff; onOpen: (contactId: string) => void }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const pending = usePendingCaseRejections(db, staff.id) ?? [];
  const directory = useDirectory(db);
  if (pending.length === 0) return null;
  return (
    <Paper withBorder p="xs" mb="sm">
      <Title order={6}>{t('cases.pendingRejections')}</Title>
      <Table highlightOnHover verticalSpacing="xs" aria-label={t('cases.pendingRejections')}>
        <Table.Tbody>
          {pending.map((row) => {
            const proposal = pendingRejection(row);
            return (
              <OpenableRow key={row.caseId} onOpen={() => onOpen(row.contactId)}>
                <Table.Td>{row.serviceItemName}</Table.Td>
                <Table.Td>{row.applicant}</Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={2}>
                    {proposal?.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{directory?.staffById.get(proposal?.by ?? '')?.name ?? proposal?.by}</Text>
                  <Text size="xs" c="dimmed">
                    {proposal ? formatDateTime(proposal.at) : ''}
                  </Text>
                </Table.Td>
              </OpenableRow>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
