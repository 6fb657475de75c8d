import { Alert, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/model/reference.ts';
import {
  escalationAnswerDays,
  escalationDeadline,
  escalationDeadlines,
  isEscalationPending,
  type EscalationDeadline,
} from '../../../shared/rules/escalationDeadline.ts';
import { useDesk } from '../../app/context.tsx';
import { deskCalendar, today } from '../../data/calendar.ts';
import type { ContactRow } from '../../data/db.ts';
import { useSettings } from '../../data/hooks.ts';

/** art. 12: every escalation of the contact dated against the bureau's limit (derived; nothing is written). */
export function useEscalationDeadlines(contact: Pick<ContactRow, 'escalations'>): {
  deadlines: EscalationDeadline[];
  days: number;
} {
  const { db } = useDesk();
  const settings = useSettings(db);
  return {
    deadlines: escalationDeadlines(contact, deskCalendar(), settings, today()),
    days: escalationAnswerDays(settings),
  };
}

/** In the contact drawer: when the leader's answer must reach the applicant, and whether it did in time. */
export function EscalationLimit({ contact }: { contact: ContactRow }) {
  const { t } = useTranslation();
  const { deadlines, days } = useEscalationDeadlines(contact);
  // Earlier escalations only when they were late: the fact stays on record (art. 12).
  const shown = deadlines.filter((d, i) => d.late || i === deadlines.length - 1);
  return shown.map((d) => {
    const provisional = d.provisional ? t('contact.provisional') : '';
    if (isEscalationPending(d)) {
      return (
        <Alert key={d.escalationEventId} color={d.late ? 'red' : 'grape'} data-testid="escalation-limit">
          {t('contact.escalationDue', { date: d.dueDate, days })}
          {provisional}
          {d.late && <Text fw={600}>{t('contact.escalationLate', { count: d.daysLate })}</Text>}
        </Alert>
      );
    }
    if (d.stage === 'told') {
      return (
        <Text key={d.escalationEventId} size="sm" c={d.late ? 'red' : 'dimmed'} data-testid="escalation-limit">
          {d.late
            ? t('contact.escalationToldLate', { count: d.daysLate, date: d.toldOn })
            : t('contact.escalationToldInTime', { date: d.toldOn })}
        </Text>
      );
    }
    // Superseded by a later escalation, and late before it was made.
    return (
      <Text key={d.escalationEventId} size="sm" c="red" data-testid="escalation-limit">
        {t('contact.escalationLate', { count: d.daysLate })}
      </Text>
    );
  });
}

/**
 * In the inbox and the end-of-day check: the due date of a pending escalation, red once it has passed. The screen
 * reads the settings once for all its rows.
 */
export function EscalationDue({
  contact,
  settings,
}: {
  contact: Pick<ContactRow, 'escalations'>;
  settings: Settings | undefined;
}) {
  const { t } = useTranslation();
  const last = escalationDeadline(contact, deskCalendar(), settings, today());
  if (!last || !isEscalationPending(last)) return null;
  const due = t('inbox.dueOn', { date: last.dueDate });
  return (
    <Badge color={last.late ? 'red' : 'grape'} variant={last.late ? 'filled' : 'light'} data-testid="escalation-due">
      {last.late ? `${due} · ${t('inbox.late', { count: last.daysLate })}` : due}
    </Badge>
  );
}
