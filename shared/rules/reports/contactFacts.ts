import { beijingDate } from '../case.ts';
import { isEnded, type ContactState } from '../contact.ts';
import { escalationDeadlines } from '../escalationDeadline.ts';
import { addDays, type IsoDate } from '../isoDate.ts';
import {
  departmentFor,
  noneOpen,
  workingDaysLate,
  type AggregateFacts,
  type ContactEnding,
  type FactContext,
  type ReportFact,
} from './facts.ts';

// The report rows of one contact (art. 7–9, 12): the contact itself, its transfer, its escalations, the breaches
// (on the calendar day after the missed due day, as caseTimeliness.ts dates them) and the duties still due. See
// facts.ts for the projection's contract.

/** art. 8: see CONTACT_ENDINGS. */
export function contactEnding(state: ContactState): ContactEnding {
  if (state.escalations.length > 0) return 'escalated';
  if (state.status === 'transferPending' || state.transfer?.acceptedAt !== undefined) return 'transferred';
  switch (state.status) {
    case 'answered':
    case 'referred':
    case 'caseOpened':
      return state.status;
    case 'refused':
      return 'refusedAfterReview';
    case 'refusalPending':
      return 'refusalUnderReview';
    default:
      return 'undisposed';
  }
}

/**
 * The Beijing day of the first disposition: the earliest act that disposed of the matter. A returned transfer
 * counts from its return, the only time the fold keeps of it (the transfer itself was no later).
 */
export function firstDisposedOn(state: ContactState): IsoDate | undefined {
  const acts = [
    state.answer,
    state.transfer,
    state.lastReturn,
    state.referral,
    state.escalations[0],
    state.refusal,
    state.cases[0],
  ];
  const days = acts.flatMap((a) => (a ? [beijingDate(a.at)] : []));
  return days.length ? days.reduce((a, b) => (b < a ? b : a)) : undefined;
}

export function contactFacts(state: ContactState, ctx: FactContext): AggregateFacts {
  const { calendar, today } = ctx;
  const recordId = state.contactId;
  const day = beijingDate(state.openedAt);
  const of = (staffId: string) => ({ recordId, staffId, departmentId: departmentFor(ctx, staffId) });
  const disposedOn = firstDisposedOn(state);
  const facts: ReportFact[] = [
    {
      kind: 'contact',
      id: recordId,
      day,
      ...of(state.firstInquiryStaffId),
      channel: state.channel,
      ending: contactEnding(state),
      undisposedAtDayEnd: today > day && (disposedOn === undefined || disposedOn > day),
    },
  ];

  const transfer = state.transfer;
  if (transfer) {
    // art. 8(3): accepted by the end of the next working day after the day it was sent (Beijing day).
    const sentOn = beijingDate(transfer.at);
    const dueOn = calendar.endOfNextWorkingDay(sentOn).date;
    const who = { ...of(transfer.toStaffId), departmentId: transfer.toDepartmentId };
    const acceptedOn = transfer.acceptedAt === undefined ? undefined : beijingDate(transfer.acceptedAt);
    if (acceptedOn !== undefined) {
      facts.push({
        kind: 'transfer',
        id: transfer.eventId,
        day: sentOn,
        ...who,
        outcome: 'accepted',
        dueOn,
        acceptedOn,
        workingDaysToAccept: calendar.countWorkingDays(sentOn, acceptedOn).days,
        acceptedWithinNextWorkingDay: acceptedOn <= dueOn,
      });
    } else {
      // Waiting past the due day it is judged (not in time); before, not yet.
      const late = today > dueOn ? { acceptedWithinNextWorkingDay: false } : {};
      facts.push({ kind: 'transfer', id: transfer.eventId, day: sentOn, ...who, outcome: 'pending', dueOn, ...late });
    }
    const metOn = acceptedOn ?? today;
    if (metOn > dueOn) {
      facts.push({
        kind: 'breach',
        id: `${transfer.eventId}:transferLate`,
        day: addDays(dueOn, 1),
        ...who,
        code: 'transferLate',
        article: 'art. 8(3)',
        days: workingDaysLate(calendar, dueOn, metOn),
        ongoing: acceptedOn === undefined,
      });
    } else if (acceptedOn === undefined) {
      facts.push({
        kind: 'due',
        id: `${transfer.eventId}:due`,
        day: dueOn,
        ...who,
        code: 'transferAcceptance',
        article: 'art. 8(3)',
      });
    }
  }
  if (state.lastReturn) {
    const r = state.lastReturn;
    facts.push({ kind: 'transfer', id: r.eventId, day: beijingDate(r.at), ...of(r.by), outcome: 'returned' });
  }

  // art. 12: each escalation answered and told within the bureau's limit, of the person who escalated it.
  const deadlines = escalationDeadlines(state, calendar, ctx.settings, today);
  deadlines.forEach((d, i) => {
    const record = state.escalations[i]!;
    const waiting = d.stage === 'waitingLeader' || d.stage === 'waitingTell';
    const outcome = d.stage === 'superseded' ? 'superseded' : d.late ? 'late' : waiting ? 'pending' : 'inTime';
    const who = of(record.by);
    const id = d.escalationEventId;
    facts.push({
      kind: 'escalation',
      id,
      day: d.escalatedOn,
      ...who,
      leaderId: record.toLeaderId,
      dueOn: d.dueDate,
      outcome,
    });
    if (d.late) {
      facts.push({
        kind: 'breach',
        id: `${id}:escalationLate`,
        day: addDays(d.dueDate, 1),
        ...who,
        code: 'escalationLate',
        article: 'art. 12',
        days: d.daysLate,
        ongoing: waiting,
      });
    } else if (waiting) {
      facts.push({
        kind: 'due',
        id: `${id}:due`,
        day: d.dueDate,
        ...who,
        code: 'escalationAnswer',
        article: 'art. 12',
      });
    }
  });

  // art. 8(2) 说"不"提级管理: a "no" goes up with its reason and basis; one without them is a breach at once.
  const refusal = state.refusal;
  if (refusal && (refusal.reason.trim() === '' || refusal.basis.trim() === '')) {
    facts.push({
      kind: 'breach',
      id: `${refusal.eventId}:refusalWithoutReason`,
      day: beijingDate(refusal.at),
      ...of(refusal.by),
      code: 'refusalWithoutReason',
      article: 'art. 8(2)',
      days: 0,
      ongoing: false,
    });
  }

  // Ended means disposed of, so "undisposed at day end" is final; a waiting escalation leaves a due or a breach row.
  return { recordId, facts, settled: isEnded(state) && noneOpen(facts) };
}
