import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { useDirectory } from '../../data/hooks.ts';
import { useDesk } from '../../app/context.tsx';
import { useRectificationFocus } from '../../stores/rectificationFocus.ts';
import { RectificationDue, StageBadge } from '../satisfaction/RectificationDue.tsx';
import { useRectificationInbox } from './useRectificationInbox.ts';

/**
 * In the inbox: the 差评整改 this person owes that are due today or overdue (red), most urgent first; a row opens it
 * on the 好差评 tab. Nothing shows when none is due.
 */
export function RectificationInbox({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const items = useRectificationInbox(staff) ?? [];
  const directory = useDirectory(db);
  const open = useRectificationFocus((s) => s.open);
  if (items.length === 0) return null;
  const title = t('inbox.rectifications');
  return (
    <Paper withBorder p="xs" mb="sm">
      <Title order={6}>
        {title}{' '}
        <Text span c="dimmed" size="sm">
          {t('satisfaction.board.count', { count: items.length })}
        </Text>
      </Title>
      <Table highlightOnHover verticalSpacing="xs" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('satisfaction.column.level')}</Table.Th>
            <Table.Th>{t('satisfaction.column.rated')}</Table.Th>
            <Table.Th>{t('satisfaction.column.matter')}</Table.Th>
            <Table.Th>{t('satisfaction.column.applicant')}</Table.Th>
            <Table.Th>{t('satisfaction.column.stage')}</Table.Th>
            <Table.Th>{t('satisfaction.column.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <OpenableRow key={item.id} onOpen={() => open(item.target)}>
              <Table.Td>{t(`followUp.level.${item.level}`)}</Table.Td>
              <Table.Td>
                {item.ratedStaffId ? (directory?.staffById.get(item.ratedStaffId)?.name ?? item.ratedStaffId) : ''}
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={2}>
                  {item.matter}
                </Text>
              </Table.Td>
              <Table.Td>{item.applicant}</Table.Td>
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
    </Paper>
  );
}
