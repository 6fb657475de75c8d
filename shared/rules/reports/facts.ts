import type { Channel } from '../../model/contactEvents.ts';
import type { RatingLevel } from '../../model/satisfaction.ts';
import type { Settings } from '../../model/reference.ts';
import type { WorkingCalendar } from '../calendar.ts';
import type { BreachCode, ProcedureStepLimit } from '../caseTimeliness.ts';
import type { IsoDate } from '../isoDate.ts';

// Supervision reports (art. 4, issue 15): the FACT ROWS HQ keeps so a report never folds the log per request.
//
// At a bureau's scale (≈ 1 million events over five years) a month's report must answer in ≤ 2 s on SQLite and on
// PostgreSQL, so HQ keeps one small row per thing that counts, written as events arrive, and aggregates the rows
// with SQL (GROUP BY period, department, staff member). This folder defines those rows and what they mean:
//   contactFacts.ts / caseFacts.ts / ratingFacts.ts — the rows one folded aggregate contributes now;
//   figures.ts  — the figures of a period per bureau, department or person: the in-memory ORACLE the SQL version
//                 is tested against (both engines must equal it);
//   warnings.ts — the 预警 / 黄牌 / 红牌 list, from the same rows.
//
// The projection's contract: after every event of an aggregate, fold it, derive its facts and REPLACE all rows of
// that aggregate (`recordId`) with them. A fact depends only on the aggregate's state, the calendar, the bureau's
// settings, the directory's departments and today; when `settled` is false some row of the aggregate can still
// change with the date alone (a due day comes closer, a breach grows a day), so the projection re-derives every
// unsettled aggregate once each Beijing day begins. A settled aggregate changes only with a new event of its own.
//
// Facts hold no personal data — ids, Beijing days, codes and numbers only (no names, phones, ID numbers, matters,
// reasons): the drill-down opens the record behind a fact (`recordId`) with the reader's own session.

/** What deriving needs besides the folded state. */
export interface FactContext {
  readonly calendar: WorkingCalendar;
  /** The Beijing day the facts are derived on. */
  readonly today: IsoDate;
  /**
   * The department a staff member belongs to in the directory when the facts are derived: the work is counted for
   * the department the person was in when the row was last written. Unknown people count under UNKNOWN_DEPARTMENT.
   */
  readonly departmentOf: (staffId: string) => string | undefined;
  readonly settings?: Pick<Settings, 'escalationAnswerDays' | 'followUp'>;
  /** art. 16 环节时限: the steps of a case's catalog version; without it no step is judged. */
  readonly stepsOf?: (serviceItemId: string, catalogRev: number) => readonly ProcedureStepLimit[] | undefined;
}

/** The department of a person the directory does not know (a fact is never dropped for it). */
export const UNKNOWN_DEPARTMENT = '-';

interface FactBase {
  /** Unique among all facts. */
  readonly id: string;
  /** The aggregate the fact comes from: the drill-down opens it; the projection replaces rows by it. */
  readonly recordId: string;
  /** The Beijing day the fact counts on in a period (per kind below). */
  readonly day: IsoDate;
  readonly departmentId: string;
  readonly staffId: string;
}

/**
 * art. 8: how the matter left the first-inquiry person's hands. escalated: ever escalated (art. 8(4), whatever the
 * leader then decided); transferred: a transfer accepted or waiting (a returned one is undone); else the status:
 * answered, referred, refusedAfterReview (a leader approved the "no"), caseOpened, refusalUnderReview, undisposed.
 */
export const CONTACT_ENDINGS = [
  'answered',
  'transferred',
  'referred',
  'escalated',
  'refusedAfterReview',
  'caseOpened',
  'refusalUnderReview',
  'undisposed',
] as const;
export type ContactEnding = (typeof CONTACT_ENDINGS)[number];

/** One contact, on the day it was registered, of its first-inquiry responsible person (art. 7). */
export interface ContactFact extends FactBase {
  readonly kind: 'contact';
  readonly channel: Channel;
  readonly ending: ContactEnding;
  /** art. 8–9: nothing disposed of it by the end of the day it came in (false while that day is not over). */
  readonly undisposedAtDayEnd: boolean;
}

/**
 * art. 8(3): one transfer, of the receiving handler and department, on the day it was sent; a returned one (the
 * fold keeps only the last return) on the day it was returned, of the handler who returned it.
 */
export interface TransferFact extends FactBase {
  readonly kind: 'transfer';
  readonly outcome: 'accepted' | 'pending' | 'returned';
  /** By the end of the next working day after it was sent (absent on a returned one). */
  readonly dueOn?: IsoDate;
  readonly acceptedOn?: IsoDate;
  /** Working days after the day it was sent until it was accepted (0: the same day). */
  readonly workingDaysToAccept?: number;
  /** Accepted by the due day; false also while still waiting past it; absent while it is not yet judged. */
  readonly acceptedWithinNextWorkingDay?: boolean;
}

/** art. 12: one escalation, of the person who escalated it, on the day it was escalated. */
export interface EscalationFact extends FactBase {
  readonly kind: 'escalation';
  readonly leaderId: string;
  readonly dueOn: IsoDate;
  /** inTime / late: told in time or not (late also while still waiting past the due day); superseded: escalated again. */
  readonly outcome: 'inTime' | 'late' | 'pending' | 'superseded';
}

export const CASE_ENDINGS = ['completed', 'rejected', 'withdrawn', 'closed'] as const;

/** One case, of its handler, on the day its materials were received. */
export interface CaseFact extends FactBase {
  readonly kind: 'case';
  readonly serviceItemId: string;
  readonly ending?: (typeof CASE_ENDINGS)[number];
  /** The Beijing day it ended (caseEndDay): the day 按时办结率 and result notices count on. */
  readonly endedOn?: IsoDate;
  /** The working-day clock runs (accepted, or deemed accepted). */
  readonly clock: boolean;
  /** The due date in force (judged on the day it ended, or today). */
  readonly dueOn?: IsoDate;
  /** Completed on or before its due date (only on a completed case). */
  readonly onTime?: boolean;
  readonly overdueNow: boolean;
  /** Overdue at some time: still open past its due date, completed late, or ended otherwise past it. */
  readonly everOverdue: boolean;
  readonly pauses: number;
  readonly supplementNotice: boolean;
  readonly extensionsApproved: number;
  /** art. 18(3), on a case whose clock runs and that did not end without a result. */
  readonly resultNotice?: 'inTime' | 'late' | 'pending';
}

/** art. 17: one extension request, of the person who asked, on the day it was asked. */
export interface ExtensionFact extends FactBase {
  readonly kind: 'extension';
  readonly days: number;
  readonly decision: 'approved' | 'refused' | 'pending';
  /** The leader who approved it. */
  readonly approvedBy?: string;
  readonly decidedOn?: IsoDate;
  /** Approved in time, so it moved the due date (clockVerdicts). */
  readonly counts: boolean;
}

/** 好差评 (issue 13): one rating, of the rated person, on the day it was given. See rates.ts for the rates. */
export interface RatingFact extends FactBase {
  readonly kind: 'rating';
  /** Counted in the rates: not invalidated by an upheld appeal, filed under its own service. */
  readonly counted: boolean;
  /** null: declined (未评). */
  readonly level: RatingLevel | null;
  /** Given by QR on the applicant's own phone (主动评价). */
  readonly unprompted: boolean;
  /** 差评 verified by a call-back (核实回访). */
  readonly verified: boolean;
  /** 差评 rectified after its call-back (整改). */
  readonly rectified: boolean;
  /** The applicant's new level after the rectification's feedback. */
  readonly newLevel?: RatingLevel;
}

/**
 * Issue 14 (complaints and accountability, art. 31–33) — the slot its facts go in, of the person complained about,
 * on the day the complaint was registered. No derivation yet: the complaint rules are being built.
 */
export interface ComplaintFact extends FactBase {
  readonly kind: 'complaint';
  /** Decided founded (查实); undefined while undecided. */
  readonly founded?: boolean;
  /** Measures decided (art. 33). */
  readonly measures: number;
}

/** The breaches a report raises a card for: the case clock's (caseTimeliness.ts) and those of the other duties. */
export type BreachFactCode =
  BreachCode | 'transferLate' | 'escalationLate' | 'rectificationLate' | 'refusalWithoutReason';

/** A duty missed, of the person who owed it, on the day the breach began (`since`). */
export interface BreachFact extends FactBase {
  readonly kind: 'breach';
  readonly code: BreachFactCode;
  /** The article it is against, e.g. 'art. 18(1)'. */
  readonly article: string;
  /** Working days late (through today while `ongoing`); 0 where a count makes no sense. */
  readonly days: number;
  /** The duty is still unmet: the count grows each working day. */
  readonly ongoing: boolean;
}

export type DueCode =
  'caseDue' | 'stepDue' | 'resultNotice' | 'transferAcceptance' | 'escalationAnswer' | 'rectification';

/** A duty still open and in time, of the person who owes it, on its due day: what 预警 looks at. */
export interface DueFact extends FactBase {
  readonly kind: 'due';
  readonly code: DueCode;
  readonly article: string;
}

export type ReportFact =
  | ContactFact
  | TransferFact
  | EscalationFact
  | CaseFact
  | ExtensionFact
  | RatingFact
  | ComplaintFact
  | BreachFact
  | DueFact;

/** The rows one aggregate contributes now; the projection replaces all rows of `recordId` with `facts`. */
export interface AggregateFacts {
  readonly recordId: string;
  readonly facts: readonly ReportFact[];
  /** No row can change with the date alone: re-derived only when a new event of the aggregate arrives. */
  readonly settled: boolean;
}

/** The department a fact counts under. */
export function departmentFor(ctx: Pick<FactContext, 'departmentOf'>, staffId: string): string {
  return ctx.departmentOf(staffId) ?? UNKNOWN_DEPARTMENT;
}

/** Working days late from a due day to the day a duty was met (or today); at least 1 once it is late at all. */
export function workingDaysLate(calendar: WorkingCalendar, dueOn: IsoDate, on: IsoDate): number {
  return Math.max(1, calendar.countWorkingDays(dueOn, on).days);
}

/** No row waits on the date: no due duty, no breach still growing. */
export function noneOpen(facts: readonly ReportFact[]): boolean {
  return facts.every((f) => f.kind !== 'due' && !(f.kind === 'breach' && f.ongoing));
}
