import { Alert, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import type { ContactRow } from '../../data/db.ts';
import { useDirectory, useSettings, useUnfinishedAtDesk } from '../../data/hooks.ts';
import { ContactDrawer } from '../contact/ContactDrawer.tsx';
import { EscalationDue } from '../contact/EscalationLimit.tsx';
import { STATUS_COLOR } from '../contact/status.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { useTodayNumbers } from '../../data/today.ts';
import { DaySummary } from '../today/DaySummary.tsx';
import { useToday } from '../today/useToday.ts';

const GROUPS = [
  { key: 'undisposed', match: (c: ContactRow) => c.status === 'open' || c.status === 'refused' },
  { key: 'unaccepted', match: (c: ContactRow) => c.status === 'transferPending' },
  { key: 'pendingLeader', match: (c: ContactRow) => c.status === 'escalated' || c.status === 'refusalPending' },
] as const;

/** art. 6, 8 (and against art. 9(一)–(二)): before the desk closes, every contact registered here has a disposition and every transfer is accepted. */
export function EndOfDayScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const rows = useUnfinishedAtDesk(db) ?? [];
  const directory = useDirectory(db);
  const settings = useSettings(db);
  const numbers = useTodayNumbers(db, staff, useToday());
  const [openId, setOpenId] = useState<string>();
  const name = (id?: string) => (id ? (directory?.staffById.get(id)?.name ?? id) : '');
  return (
    <Stack>
      <Title order={4}>{t('endOfDay.title')}</Title>
      <Text c="dimmed">{t('endOfDay.hint')}</Text>
      {/* issue 15, point 4: the check opens with the day's numbers, then lists what is still unfinished (art. 9). */}
      {numbers && <DaySummary numbers={numbers} framed />}
      {rows.length === 0 && <Alert color="teal">{t('endOfDay.allClear')}</Alert>}
      {GROUPS.map(({ key, match }) => {
        const group = rows.filter(match);
        if (group.length === 0) return null;
        return (
          <Paper withBorder p="md" key={key}>
            <Title order={5} mb="xs">
              {t(`endOfDay.${key}`)}（{group.length}）
            </Title>
            <Table highlightOnHover aria-label={t(`endOfDay.${key}`)}>
              <Table.Tbody>
                {group.map((c) => (
                  <OpenableRow key={c.contactId} onOpen={() => setOpenId(c.contactId)}>
                    <Table.Td>{formatDateTime(c.openedAt)}</Table.Td>
                    <Table.Td>{c.visitor.name ?? c.visitor.organisation}</Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm" lineClamp={1}>
                        {c.matter}
                      </Text>
                    </Table.Td>
                    <Table.Td>{name(c.awaitingStaffId)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[c.status]} variant="light">
                        {t(`status.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <EscalationDue contact={c} settings={settings} />
                    </Table.Td>
                  </OpenableRow>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
      <ContactDrawer contactId={openId} staff={staff} onClose={() => setOpenId(undefined)} />
    </Stack>
  );
}
