import { Badge, Paper, Table, Text, Title, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useNow } from '../../app/useNow.ts';
import type { ContactRow } from '../../data/db.ts';
import { useDirectory, useInbox, useSettings } from '../../data/hooks.ts';
import { ContactDrawer } from '../contact/ContactDrawer.tsx';
import { EscalationDue } from '../contact/EscalationLimit.tsx';
import { STATUS_COLOR, waitedFor } from '../contact/status.ts';
import { OverdueTransfers } from './OverdueTransfers.tsx';
import { PendingRejections } from '../cases/PendingRejections.tsx';
import { usePendingCaseRejections } from '../../data/caseHooks.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { FollowUpInbox } from '../followUp/FollowUpInbox.tsx';
import { useFollowUpCount } from './useFollowUpCount.ts';
import { RectificationInbox } from './RectificationInbox.tsx';
import { ComplaintInbox } from './ComplaintInbox.tsx';
import { useRectificationInbox } from './useRectificationInbox.ts';

function actionOf(c: ContactRow): 'dispose' | 'accept' | 'assign' | 'review' | 'tell' {
  if (c.status === 'transferPending') return 'accept';
  if (c.status === 'escalated') return 'assign';
  if (c.status === 'refusalPending') return 'review';
  if (c.status === 'refused') return 'tell';
  return 'dispose';
}

/** Everything waiting for the signed-in person, oldest first, with how long it has waited. */
export function InboxScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const items = useInbox(db, staff.id) ?? [];
  // art. 8(二): a leader's inbox also holds the cases whose 不予受理 waits for their review.
  const rejections = usePendingCaseRejections(db, staff.id) ?? [];
  // art. 27–30: follow-ups wait here too; while only they wait, the inbox is not empty.
  const followUps = useFollowUpCount(staff) ?? 0;
  // 差评整改 due today or overdue, owed by this person (issue 13, item 5).
  const rectifications = useRectificationInbox(staff)?.length ?? 0;
  const directory = useDirectory(db);
  const settings = useSettings(db);
  const [openId, setOpenId] = useState<string>();
  const now = useNow();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('inbox.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('inbox.count', { count: items.length + rejections.length + followUps + rectifications })}
        </Text>
      </Group>
      <PendingRejections staff={staff} onOpen={setOpenId} />
      {/* art. 27–30: the follow-ups this person owns, and for a leader the strong ones not yet reported. */}
      <FollowUpInbox staff={staff} />
      <RectificationInbox staff={staff} />
      {/* art. 31: the complaint stages this person owes, and their own 陈述申辩; read online from HQ. */}
      <ComplaintInbox staff={staff} />
      {items.length === 0 ? (
        rejections.length === 0 && followUps === 0 && rectifications === 0 && <Text c="dimmed">{t('inbox.empty')}</Text>
      ) : (
        <Table highlightOnHover verticalSpacing="sm" aria-label={t('inbox.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inbox.action')}</Table.Th>
              <Table.Th>{t('register.visitor')}</Table.Th>
              <Table.Th>{t('register.matter')}</Table.Th>
              <Table.Th>{t('contact.openedBy')}</Table.Th>
              <Table.Th>{t('inbox.waited')}</Table.Th>
              <Table.Th>{t('inbox.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <OpenableRow key={c.contactId} onOpen={() => setOpenId(c.contactId)}>
                <Table.Td>
                  <Badge color={STATUS_COLOR[c.status]} variant="light">
                    {t(`inbox.actions.${actionOf(c)}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.visitor.name ?? c.visitor.organisation}</Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2}>
                    {c.matter}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{directory?.staffById.get(c.openedBy)?.name ?? c.openedBy}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(c.openedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>{waitedFor(c.waitingSince, now, t)}</Table.Td>
                <Table.Td>
                  <EscalationDue contact={c} settings={settings} />
                </Table.Td>
              </OpenableRow>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <OverdueTransfers staff={staff} onOpen={setOpenId} />
      <ContactDrawer contactId={openId} staff={staff} onClose={() => setOpenId(undefined)} />
    </Paper>
  );
}
