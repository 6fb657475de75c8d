import { Paper, Text, Timeline as MTimeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useServiceItems } from '../../data/caseHooks.ts';
import type { StoredEvent } from '../../data/db.ts';
import type { Directory } from '../../data/hooks.ts';
import { AuthorshipMark } from './AuthorshipMark.tsx';

/**
 * Every event of the contact in causal order: who, what, when, on which desk, and how the author was established
 * (proven by the server, or the desk's word). Nothing is edited in place.
 */
export function Timeline({ events, directory }: { events: StoredEvent[]; directory: Directory }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const items = useServiceItems(db) ?? [];
  const itemName = (id: string) => items.find((i) => i.item.id === id)?.item.name ?? id;
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">
        {t('contact.timeline')}
      </Title>
      <MTimeline active={events.length - 1} bulletSize={14} lineWidth={2} aria-label={t('contact.timeline')}>
        {events.map(({ event }) => (
          <MTimeline.Item key={event.eventId} title={t(`events.${event.type}`)}>
            <Text size="xs" c="dimmed">
              {t('events.at', {
                time: formatDateTime(event.occurredAt),
                name: directory.staffById.get(event.staffId)?.name ?? event.staffId,
                desk: event.deviceId.slice(-4),
              })}
              <AuthorshipMark event={event} />
            </Text>
            {'reason' in event.payload && typeof event.payload.reason === 'string' && (
              <Text size="sm">{event.payload.reason}</Text>
            )}
            {event.type === 'contact.caseOpened' && (
              <Text size="sm">
                {t('contact.timelineCase', {
                  item: itemName(event.payload.serviceItemId),
                  case: event.payload.caseId.slice(-6),
                })}
              </Text>
            )}
            {event.type === 'contact.checklistGiven' && (
              <Text size="sm">
                {t('contact.timelineChecklist', {
                  item: itemName(event.payload.serviceItemId),
                  rev: event.payload.catalogRev,
                  how: t(`checklist.how.${event.payload.how}`),
                })}
              </Text>
            )}
            {event.type === 'slip.printed' && (
              <Text size="sm">
                {event.payload.content.title} {event.payload.serial}
                {event.payload.reprint > 0 ? ` · ${t('slips.timelineReprint', { n: event.payload.reprint })}` : ''}
              </Text>
            )}
          </MTimeline.Item>
        ))}
      </MTimeline>
    </Paper>
  );
}
