import { Badge, Paper, Table, Text, Title, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { maskPhone } from '../../../shared/rules/phone.ts';
import { formatTime } from '../../app/format.ts';
import type { ContactRow } from '../../data/db.ts';
import { STATUS_COLOR } from '../contact/status.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';

/** Today's contacts, newest first, with who is responsible for each now. */
export function TodayList({
  contacts,
  staffById,
  onOpen,
}: {
  contacts: ContactRow[];
  staffById: Map<string, Staff>;
  onOpen: (contactId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('register.today')}</Title>
        <Text c="dimmed" size="sm">
          {t('register.todayCount', { count: contacts.length })}
        </Text>
      </Group>
      {contacts.length === 0 ? (
        <Text c="dimmed">{t('register.empty')}</Text>
      ) : (
        <Table highlightOnHover verticalSpacing="sm" aria-label={t('register.today')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('register.time')}</Table.Th>
              <Table.Th>{t('register.channel')}</Table.Th>
              <Table.Th>{t('register.visitor')}</Table.Th>
              <Table.Th>{t('register.matter')}</Table.Th>
              <Table.Th>{t('register.responsible')}</Table.Th>
              <Table.Th>{t('register.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <OpenableRow key={c.contactId} onOpen={() => onOpen(c.contactId)}>
                <Table.Td>{formatTime(c.openedAt)}</Table.Td>
                <Table.Td>{t(`channel.${c.channel}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {c.visitor.name ?? c.visitor.organisation}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      c.visitor.name ? c.visitor.organisation : undefined,
                      c.visitor.phone && maskPhone(c.visitor.phone),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={2}>
                    {c.matter}
                  </Text>
                </Table.Td>
                <Table.Td>{staffById.get(c.responsibleStaffId)?.name ?? c.responsibleStaffId}</Table.Td>
                <Table.Td>
                  <Badge color={c.flags.length ? 'red' : STATUS_COLOR[c.status]} variant="light">
                    {t(`status.${c.status}`)}
                  </Badge>
                </Table.Td>
              </OpenableRow>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
