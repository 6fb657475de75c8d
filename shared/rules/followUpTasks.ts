import type { FollowUpSettings } from '../model/reference.ts';
import { beijingDate, type CaseState } from './case.ts';
import { type ContactState } from './contact.ts';
import type { WorkingCalendar } from './calendar.ts';
import type { FollowUpState } from './followUp.ts';
import type { IsoDate } from './isoDate.ts';

// art. 27: a matter applied for is followed up after it ends. Tasks are derived, not evented: every desk and the
// server compute the same tasks from the same cases, contacts, settings and calendar, so there is nothing to
// duplicate or to lose between desks. Follow-ups themselves are events (model/followUpEvents.ts).

/** The supervisors' follow-up team, or the department whose work it was (settings.followUp.owner). */
export type FollowUpOwner =
  { readonly kind: 'supervisors' } | { readonly kind: 'department'; readonly departmentId: string };

export interface FollowUpTask {
  readonly subject: { readonly kind: 'case' | 'contact'; readonly id: string };
  /** The day the matter ended (办结, 不予受理, 撤回, 终结; a contact's answer, referral or refusal). */
  readonly endedOn: IsoDate;
  /** settings.followUp.dueDays working days after endedOn. */
  readonly dueOn: IsoDate;
  /** The due day rests on a year whose working-day calendar is not confirmed yet. */
  readonly dueProvisional: boolean;
  readonly owner: FollowUpOwner;
  /** Everyone whose work is followed up: the task never goes to them and they never record it. */
  readonly excludedStaffIds: readonly string[];
}

export interface FollowUpTaskInput {
  readonly cases: readonly CaseState[];
  readonly contacts: readonly ContactState[];
  readonly settings: FollowUpSettings;
  readonly calendar: WorkingCalendar;
  /** A staff member's department, from the directory (undefined: unknown, the supervisors take the task). */
  readonly departmentOf: (staffId: string) => string | undefined;
}

/**
 * A stable share in [0, 1) for an id: FNV-1a 32-bit over its UTF-16 code units, divided by 2^32. The same on every
 * desk and the server, so a contact is sampled or not everywhere alike, and a bureau cannot pick whom to ask.
 */
export function sampleOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32;
}

/** settings.followUp.contactSampleRate: 0 follows up no contact, 1 every one. */
export function isContactSampled(contactId: string, rate: number): boolean {
  return sampleOf(contactId) < rate;
}

const CASE_ENDS = ['completed', 'rejected', 'withdrawn', 'closed'] as const;
/** Contacts that ended without a case; a contact that opened one is followed up through its case. */
const CONTACT_ENDS = ['answered', 'referred', 'refused'] as const;

function caseEndedOn(c: CaseState): IsoDate | undefined {
  switch (c.status) {
    case 'completed':
      return c.completion?.completedOn;
    case 'rejected':
      return c.rejection ? beijingDate(c.rejection.approvedAt ?? c.rejection.at) : undefined;
    case 'withdrawn':
      return c.withdrawal?.on;
    case 'closed':
      return c.closure?.on;
    default:
      return undefined;
  }
}

function present(ids: readonly (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined))].sort();
}

/** Whose work a contact was: who registered it, was first asked, carried it, and who disposed of it. */
function contactPeople(c: ContactState): (string | undefined)[] {
  return [
    c.openedBy,
    c.firstInquiryStaffId,
    c.responsibleStaffId,
    c.transfer?.toStaffId,
    c.answer?.by,
    c.referral?.by,
    c.refusal?.by,
    c.refusal?.decidedBy,
  ];
}

/** Whose work a case was: who opened, accepted, handled and ended it, and the contact it came from. */
function casePeople(c: CaseState, contact: ContactState | undefined): (string | undefined)[] {
  return [
    c.openedBy,
    c.acceptance?.by,
    c.handlerStaffId,
    c.completion?.by,
    c.rejection?.by,
    c.rejection?.approvedBy,
    ...(contact ? [contact.firstInquiryStaffId, contact.responsibleStaffId] : []),
  ];
}

/** Every follow-up task the ended cases and the sampled ended contacts call for, ordered by due day. */
export function followUpTasks(input: FollowUpTaskInput): FollowUpTask[] {
  const { settings, calendar, departmentOf } = input;
  const contactsById = new Map(input.contacts.map((c) => [c.contactId, c]));
  const task = (
    subject: FollowUpTask['subject'],
    endedOn: IsoDate,
    workOf: string,
    people: (string | undefined)[],
  ): FollowUpTask => {
    const due = calendar.addWorkingDays(endedOn, settings.dueDays);
    const departmentId = settings.owner === 'department' ? departmentOf(workOf) : undefined;
    return {
      subject,
      endedOn,
      dueOn: due.date,
      dueProvisional: due.provisional,
      owner: departmentId ? { kind: 'department', departmentId } : { kind: 'supervisors' },
      excludedStaffIds: present(people),
    };
  };
  const tasks: FollowUpTask[] = [];
  for (const c of input.cases) {
    const endedOn = (CASE_ENDS as readonly string[]).includes(c.status) ? caseEndedOn(c) : undefined;
    if (!endedOn) continue;
    const people = casePeople(c, contactsById.get(c.contactId));
    tasks.push(task({ kind: 'case', id: c.caseId }, endedOn, c.handlerStaffId, people));
  }
  for (const c of input.contacts) {
    if (!(CONTACT_ENDS as readonly string[]).includes(c.status) || c.cases.length > 0 || !c.endedAt) continue;
    if (!isContactSampled(c.contactId, settings.contactSampleRate)) continue;
    tasks.push(
      task({ kind: 'contact', id: c.contactId }, beijingDate(c.endedAt), c.responsibleStaffId, contactPeople(c)),
    );
  }
  return tasks.sort((a, b) =>
    a.dueOn !== b.dueOn ? (a.dueOn < b.dueOn ? -1 : 1) : a.subject.id < b.subject.id ? -1 : 1,
  );
}

export interface FollowUpTaskStatus {
  /** pending: not yet followed up (tries may have failed); dissatisfied: art. 30, follow up again; done. */
  readonly status: 'pending' | 'dissatisfied' | 'done';
  /** Still pending after its due day: shown red. */
  readonly overdue: boolean;
  /** The first record came on or before the due day (undefined while none). */
  readonly onTime?: boolean;
  readonly attempts: number;
}

/** Where a task stands today, from the fold of its follow-ups (null: none yet). */
export function followUpTaskStatus(
  task: FollowUpTask,
  state: FollowUpState | null,
  today: IsoDate,
): FollowUpTaskStatus {
  const first = state?.records[0];
  const attempts = state?.attempts.length ?? 0;
  if (!state || !first) return { status: 'pending', overdue: today > task.dueOn, attempts };
  return {
    status: state.dissatisfied ? 'dissatisfied' : 'done',
    overdue: false,
    onTime: first.on <= task.dueOn,
    attempts,
  };
}
