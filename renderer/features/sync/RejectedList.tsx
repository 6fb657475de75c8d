import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { formatDateTime } from '../../app/format.ts';
import type { RejectionEntry } from '../../data/rejections.ts';
import { eventTypeLabel } from './describe.ts';

interface Props {
  /** The table's accessible name, also its heading. */
  label: string;
  entries: RejectionEntry[];
  staffById: Map<string, Staff> | undefined;
  /** Absent when nobody is signed in: then the contact cannot be opened and nothing can be acknowledged. */
  onOpenContact?: (contactId: string) => void;
  onAcknowledge?: (eventId: string) => void;
}

/** Refused events: what was done, when and by whom, what it concerns, why HQ refused it and what to do about it. */
export function RejectedList({ label, entries, staffById, onOpenContact, onAcknowledge }: Props) {
  const { t } = useTranslation();
  const name = (id: string | undefined) => (id ? (staffById?.get(id)?.name ?? id) : t('sync.panel.none'));
  return (
    <Table verticalSpacing="sm" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('sync.rejections.when')}</Table.Th>
          <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('sync.rejections.event')}</Table.Th>
          <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('sync.rejections.concerns')}</Table.Th>
          <Table.Th>{t('sync.rejections.reason')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.eventId}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">{entry.occurredAt ? formatDateTime(entry.occurredAt) : t('sync.panel.none')}</Text>
              <Text size="xs" c="dimmed">
                {t('sync.rejections.actedBy', { name: name(entry.staffId) })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('sync.rejections.refusedAt', { time: formatDateTime(entry.at) })}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{eventTypeLabel(t, entry.eventType)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {entry.visitor && <Text size="sm">{entry.visitor}</Text>}
              {entry.contactId && onOpenContact ? (
                <Anchor component="button" size="sm" onClick={() => entry.contactId && onOpenContact(entry.contactId)}>
                  {t('sync.rejections.openContact')}
                </Anchor>
              ) : (
                !entry.visitor && (
                  <Text size="sm" c="dimmed">
                    {entry.referenceId ?? t('sync.panel.none')}
                  </Text>
                )
              )}
            </Table.Td>
            <Table.Td maw={360}>
              <Stack gap={2}>
                <Badge color="red" variant="light" size="sm" tt="none" style={{ alignSelf: 'flex-start' }}>
                  {entry.code}
                </Badge>
                <Text size="sm">{t(`sync.rejection.${entry.code}`)}</Text>
                {entry.message && (
                  <Text size="xs" c="dimmed">
                    {t('sync.panel.failureMessage', { message: entry.message })}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              {entry.acknowledged ? (
                <Text size="xs" c="dimmed">
                  {t('sync.rejections.acknowledgedBy', {
                    name: name(entry.acknowledged.staffId),
                    time: formatDateTime(entry.acknowledged.at),
                  })}
                </Text>
              ) : onAcknowledge ? (
                <Button size="xs" variant="light" onClick={() => onAcknowledge(entry.eventId)}>
                  {t('sync.rejections.acknowledge')}
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('sync.rejections.signInToAcknowledge')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
