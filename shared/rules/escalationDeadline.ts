import { DEFAULT_ESCALATION_ANSWER_DAYS, type Settings } from '../model/reference.ts';
import type { WorkingCalendar } from './calendar.ts';
import type { ContactState, EscalationRecord } from './contact.ts';
import type { IsoDate } from './isoDate.ts';

/**
 * art. 12: a matter escalated because the first-inquiry person could not answer it is answered by a leader, and the
 * answer told to the applicant, within the bureau's limit (settings.escalationAnswerDays working days, art. 19).
 *
 * waitingLeader — no leader has decided yet
 * waitingTell   — a leader decided; the applicant has not been told anything since
 * told          — the applicant was told (answered, transferred, referred, a case opened, an outcome notified)
 * superseded    — escalated again before the applicant was told; the later escalation carries the matter on
 */
export type EscalationStage = 'waitingLeader' | 'waitingTell' | 'told' | 'superseded';

export interface EscalationDeadline {
  readonly escalationEventId: string;
  readonly escalatedOn: IsoDate;
  readonly dueDate: IsoDate;
  /** The due date counted days of a year without a confirmed schedule. */
  readonly provisional: boolean;
  readonly decidedOn?: IsoDate;
  readonly toldOn?: IsoDate;
  readonly stage: EscalationStage;
  /**
   * Missed: decided or told after the due date, or still waiting after it. A fact that stays once it happened —
   * a late answer leaves the escalation late after it is resolved.
   */
  readonly late: boolean;
  /** Working days past the due date: until it was told (or superseded), else until today. 0 when not late. */
  readonly daysLate: number;
}

/** The limit in working days from the bureau's settings (art. 12), the default where none is set. */
export function escalationAnswerDays(settings: Pick<Settings, 'escalationAnswerDays'> | undefined): number {
  return settings?.escalationAnswerDays ?? DEFAULT_ESCALATION_ANSWER_DAYS;
}

/** Every escalation of the contact, oldest first, with its due date and whether it was (or is) late. */
export function escalationDeadlines(
  state: Pick<ContactState, 'escalations'>,
  calendar: WorkingCalendar,
  settings: Pick<Settings, 'escalationAnswerDays'> | undefined,
  today: IsoDate,
): EscalationDeadline[] {
  const days = escalationAnswerDays(settings);
  return state.escalations.map((record, i) => {
    const next = state.escalations[i + 1];
    return deadlineOf(record, next, calendar, days, today);
  });
}

/** The latest escalation's deadline (the one the inbox and the end-of-day check show), or null if never escalated. */
export function escalationDeadline(
  state: Pick<ContactState, 'escalations'>,
  calendar: WorkingCalendar,
  settings: Pick<Settings, 'escalationAnswerDays'> | undefined,
  today: IsoDate,
): EscalationDeadline | null {
  return escalationDeadlines(state, calendar, settings, today).at(-1) ?? null;
}

/** The escalations still waiting for a leader or for the applicant to be told. */
export function isEscalationPending(deadline: EscalationDeadline | null): boolean {
  return deadline !== null && (deadline.stage === 'waitingLeader' || deadline.stage === 'waitingTell');
}

function deadlineOf(
  record: EscalationRecord,
  next: EscalationRecord | undefined,
  calendar: WorkingCalendar,
  days: number,
  today: IsoDate,
): EscalationDeadline {
  const escalatedOn = beijingDate(record.at);
  const due = calendar.addWorkingDays(escalatedOn, days);
  const decidedOn = record.decidedAt ? beijingDate(record.decidedAt) : undefined;
  const toldOn = record.toldAt ? beijingDate(record.toldAt) : undefined;
  const stage: EscalationStage = toldOn ? 'told' : next ? 'superseded' : decidedOn ? 'waitingTell' : 'waitingLeader';
  // Where the clock stops: the day the applicant was told, the day it was escalated again, or today. A decision
  // comes before the telling, so the telling's day alone says whether both were in time.
  const stoppedOn = toldOn ?? (next ? beijingDate(next.at) : today);
  const late = stoppedOn > due.date;
  return {
    escalationEventId: record.eventId,
    escalatedOn,
    dueDate: due.date,
    provisional: due.provisional,
    decidedOn,
    toldOn,
    stage,
    late,
    daysLate: late ? Math.max(1, calendar.countWorkingDays(due.date, stoppedOn).days) : 0,
  };
}

/**
 * The calendar day in Beijing (UTC+8, no daylight saving) of an ISO timestamp with any offset: a '…Z' stamp sliced
 * as a string would give the UTC day, a day early before 08:00.
 */
function beijingDate(iso: string): IsoDate {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`not a timestamp: ${iso}`);
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}
