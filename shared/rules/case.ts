import type { CaseEvent } from '../model/caseEvents.ts';
import type { LegacyPauseReason } from '../model/deadline.ts';
import type { Intake } from '../model/caseEvents.ts';
import type { StaffId } from '../model/ids.ts';
import { byCausalOrder, type FoldContext } from './contact.ts';
import type { WorkingCalendar } from './calendar.ts';
import { caseDeadline, type DeadlineInput } from './deadline.ts';
import type { IsoDate } from './isoDate.ts';

/**
 * checking            — materials being checked against the catalog's list (art. 10–11)
 * supplementRequested — told once, exactly what to supplement; the clock has not started
 * rejectionPending    — 不予受理 proposed with reason and basis, waiting for a leader (art. 8(二), art. 11)
 * running             — accepted: the working-day clock runs (art. 14–19)
 * rejected / completed / withdrawn / closed — ended: not accepted (leader-approved), done, withdrawn by the
 *                       applicant (撤回申请), or ended without acceptance (办件终结, e.g. the supplement never came)
 */
export const CASE_STATUSES = [
  'checking',
  'supplementRequested',
  'rejectionPending',
  'running',
  'rejected',
  'completed',
  'withdrawn',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_ENDED: readonly CaseStatus[] = ['rejected', 'completed', 'withdrawn', 'closed'];

/**
 * 行政许可法 §32: incomplete materials are told at once or within five days of receipt; if not, the application
 * counts as accepted from the day the materials were received. The regulation (art. 11, 立即) asks for "at once"
 * when the applicant is at the window; this outer limit applies when the materials were left for review.
 */
export const SUPPLEMENT_LEGAL_LIMIT_DAYS = 5;

export interface CaseFlag {
  /** conflictingTransition: two desks moved the case in ways that exclude each other; notAllowed: a role rule broken. */
  readonly code: 'conflictingTransition' | 'notAllowed' | 'eventBeforeOpened';
  readonly eventIds: readonly string[];
}

interface Act {
  readonly by: StaffId;
  readonly at: string;
  readonly eventId: string;
}

export interface ExtensionRequest extends Act {
  readonly days: number;
  readonly reason: string;
  readonly decision?: 'approved' | 'refused';
  readonly decidedBy?: StaffId;
  readonly decidedAt?: string;
  readonly decisionNote?: string;
}

export interface RejectionProposal extends Act {
  readonly reason: string;
  readonly legalBasis: string;
  readonly competentAgencyId?: string;
  readonly toLeaderId: StaffId;
  /** The status the case returns to when the leader overrules. */
  readonly fromStatus: 'checking' | 'supplementRequested';
  readonly decision?: 'approved' | 'overruled';
  readonly decidedBy?: StaffId;
  readonly decidedAt?: string;
  readonly decisionNote?: string;
}

export interface CaseState {
  readonly caseId: string;
  readonly contactId: string;
  readonly serviceItemId: string;
  readonly catalogRev: number;
  /** The day the materials were received (the opened day on older cases). */
  readonly receivedOn: IsoDate;
  readonly intake: Intake;
  /** The limits of the case's catalog version, when the opening event recorded them (older cases: absent). */
  readonly openedLimits?: { readonly promisedLimitDays: number; readonly statutoryLimitDays?: number };
  readonly openedAt: string;
  readonly openedBy: StaffId;
  readonly openedDeviceId: string;
  /** Who handles the case now: the one who accepted it, else the one who opened it. */
  readonly handlerStaffId: StaffId;
  readonly status: CaseStatus;
  readonly checks: Readonly<
    Record<string, { readonly state: 'received' | 'missing' | 'nonConforming'; readonly note?: string }>
  >;
  /**
   * art. 11: the Beijing day a check first found a material missing or non-conforming, and the day a later check
   * found everything received (absent while something is still missing). The supplement notice was owed from then,
   * so a missed one stays a breach after the case is answered or the materials came in (issue 12 review B1).
   */
  readonly foundIncomplete?: { readonly since: IsoDate; readonly until?: IsoDate };
  readonly supplement?: Act & { readonly requestedOn: IsoDate; readonly materialIds: readonly string[] };
  readonly acceptance?: Act & {
    readonly acceptedOn: IsoDate;
    readonly promisedLimitDays: number;
    readonly statutoryLimitDays?: number;
    /** 视为受理 (§32): accepted from receipt because the supplement notice was not given in time. */
    readonly deemed?: boolean;
  };
  /** Every proposal to reject, decided or not (a leader may overrule one and approve a later one). */
  readonly rejectionProposals: readonly RejectionProposal[];
  /** The final 不予受理: set when a leader approves a proposal (or by a legacy one-step case.rejected). */
  readonly rejection?: Act & {
    readonly reason: string;
    readonly legalBasis: string;
    readonly competentAgencyId?: string;
    /** The leader who approved it; absent on a legacy one-step rejection. */
    readonly approvedBy?: StaffId;
    readonly approvedAt?: string;
  };
  readonly withdrawal?: Act & { readonly on: IsoDate; readonly how: string; readonly reason?: string };
  readonly closure?: Act & { readonly on: IsoDate; readonly reason: string; readonly note: string };
  /** art. 16 环节时限: step 0 begins at acceptance; each case.stepAdvanced begins the next. */
  readonly steps: readonly (Act & { readonly step: number; readonly from: IsoDate })[];
  readonly pauses: readonly (Act & {
    readonly from: IsoDate;
    readonly to?: IsoDate;
    readonly reason: LegacyPauseReason;
    readonly note: string;
  })[];
  readonly extensions: readonly ExtensionRequest[];
  readonly notifications: readonly (Act & { readonly about: 'extension' | 'result'; readonly how: string })[];
  readonly completion?: Act & {
    readonly completedOn: IsoDate;
    readonly outcome: 'granted' | 'notGranted' | 'done';
    readonly result: string;
  };
  readonly flags: readonly CaseFlag[];
  readonly lastHlc: string;
  readonly eventCount: number;
}

/**
 * 行政许可法 §32 (art. 11's outer limit): the last day a supplement notice, an acceptance or a "no" may come: the
 * SUPPLEMENT_LEGAL_LIMIT_DAYS-th working day after receipt. After it, the application counts as accepted.
 */
export function supplementLegalLimit(state: Pick<CaseState, 'receivedOn'>, calendar: WorkingCalendar): IsoDate {
  return calendar.addWorkingDays(state.receivedOn, SUPPLEMENT_LEGAL_LIMIT_DAYS).date;
}

const laterOf = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earlierOf = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/**
 * The day an act that ends a duty counts for: the day the desk typed, but never before the Beijing day it was
 * recorded — a date typed back cannot make a late act timely (issue 12 review B3, B5); one typed later only
 * makes it stricter.
 */
export function actDay(typed: IsoDate, at: string): IsoDate {
  return laterOf(typed, beijingDate(at));
}

/**
 * The first day the application was answered: told to supplement, accepted, proposed for 不予受理 (a proposal the
 * leader overruled answered nothing), or ended by the applicant or the office — each on the day it was recorded
 * (`actDay`). Undefined while nobody answered.
 */
export function firstAnswerDay(state: CaseState): IsoDate | undefined {
  const days: IsoDate[] = [];
  if (state.supplement) days.push(actDay(state.supplement.requestedOn, state.supplement.at));
  if (state.acceptance) days.push(actDay(state.acceptance.acceptedOn, state.acceptance.at));
  for (const p of state.rejectionProposals) if (p.decision !== 'overruled') days.push(beijingDate(p.at));
  if (state.rejection) days.push(beijingDate(state.rejection.at));
  if (state.withdrawal) days.push(actDay(state.withdrawal.on, state.withdrawal.at));
  if (state.closure) days.push(actDay(state.closure.on, state.closure.at));
  return days.length ? days.reduce(earlierOf) : undefined;
}

/**
 * The day an ended case stopped: completed, withdrawn or closed (on the day recorded, `actDay`), or a 不予受理
 * approved; undefined while it has not ended.
 */
export function caseEndDay(state: CaseState): IsoDate | undefined {
  if (state.completion) return actDay(state.completion.completedOn, state.completion.at);
  if (state.withdrawal) return actDay(state.withdrawal.on, state.withdrawal.at);
  if (state.closure) return actDay(state.closure.on, state.closure.at);
  if (state.rejection) return beijingDate(state.rejection.approvedAt ?? state.rejection.at);
  return undefined;
}

/**
 * 视为受理 (行政许可法 §32, design decision 1): the day the application counts as accepted from — the day of receipt —
 * when nothing answered it within SUPPLEMENT_LEGAL_LIMIT_DAYS working days, or when a deemed acceptance was
 * recorded (whatever day it names: review D6); undefined otherwise. A case nobody has answered yet is judged on
 * `today` (without `today`, only what the events prove).
 */
export function deemedAcceptanceOn(state: CaseState, calendar: WorkingCalendar, today?: IsoDate): IsoDate | undefined {
  if (state.acceptance?.deemed) return state.receivedOn;
  const answered = firstAnswerDay(state) ?? today;
  if (answered === undefined || answered <= supplementLegalLimit(state, calendar)) return undefined;
  return state.receivedOn;
}

/** How one extension request stands against the due date in force when it was made and when it was decided. */
export interface ExtensionVerdict {
  readonly request: ExtensionRequest;
  /** The Beijing days the request was made and, when decided, the decision taken. */
  readonly requestedOn: IsoDate;
  readonly decidedOn?: IsoDate;
  /** The due date in force on those days (earlier extensions and pauses that count included). */
  readonly dueAtRequest: IsoDate;
  readonly dueAtDecision?: IsoDate;
  readonly requestedInTime: boolean;
  readonly decidedInTime?: boolean;
  /** Approved, requested and approved on or before the due date in force: only then it adds its days. */
  readonly counts: boolean;
}

/** How one pause stands: like an extension, it counts only when recorded on or before the due date in force then. */
export interface PauseVerdict {
  readonly pause: CaseState['pauses'][number];
  /** The Beijing day the pause was recorded, and the due date in force that day. */
  readonly recordedOn: IsoDate;
  readonly dueAtRecording: IsoDate;
  readonly counts: boolean;
}

/** The due date as it stood on `day`: pauses begun later unknown, one still running on that day open through it. */
export function dueDateOn(input: DeadlineInput, calendar: WorkingCalendar, day: IsoDate): IsoDate {
  const pauses = input.pauses
    .filter((p) => p.from <= day)
    .map((p) => (p.to !== undefined && p.to <= day ? p : { from: p.from }));
  return caseDeadline({ ...input, pauses }, calendar, day).dueDate;
}

/** Where the clock starts and with which limit, or null while it does not run. */
function clockStart(state: CaseState, calendar: WorkingCalendar, today?: IsoDate) {
  const deemedOn = deemedAcceptanceOn(state, calendar, today);
  const opened = state.openedLimits?.promisedLimitDays;
  if (state.acceptance) {
    const recorded = state.acceptance.promisedLimitDays;
    return {
      // A day typed after the day the acceptance was recorded would start the clock late: the earlier one counts.
      acceptedOn: deemedOn ?? earlierOf(state.acceptance.acceptedOn, beijingDate(state.acceptance.at)),
      // art. 15: never longer than the limit of the catalog version the case was opened on (review D4).
      limitDays: opened === undefined ? recorded : Math.min(recorded, opened),
    };
  }
  if (deemedOn === undefined || opened === undefined) return null;
  return { acceptedOn: deemedOn, limitDays: opened };
}

export interface ClockVerdicts {
  /** The clock's input: only the pauses and extensions that count. */
  readonly input: DeadlineInput;
  readonly pauses: readonly PauseVerdict[];
  readonly extensions: readonly ExtensionVerdict[];
}

/**
 * art. 17 / 18(1)(2), design decision 2, review B2: pauses and extensions in the order of the days they were
 * recorded, each judged against the due date in force that day. One recorded after it is kept on the record but
 * adds nothing, so nothing done once a case is late makes it on time again.
 */
function judgeClock(
  start: { acceptedOn: IsoDate; limitDays: number },
  state: CaseState,
  calendar: WorkingCalendar,
): ClockVerdicts {
  const pauses: { from: IsoDate; to?: IsoDate; recordedOn: IsoDate }[] = [];
  const extensions: { days: number; on: IsoDate }[] = [];
  const dueOn = (day: IsoDate) =>
    dueDateOn(
      {
        ...start,
        pauses: pauses.filter((p) => p.recordedOn <= day),
        extensions: extensions.filter((x) => x.on <= day),
      },
      calendar,
      day,
    );
  const pauseVerdicts = new Map<number, PauseVerdict>();
  const extensionResults = new Map<number, ExtensionVerdict>();
  const acts = [
    ...state.pauses.map((pause, i) => ({ day: beijingDate(pause.at), i, pause })),
    ...state.extensions.map((request, i) => ({ day: beijingDate(request.decidedAt ?? request.at), i, request })),
  ].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const act of acts) {
    if ('pause' in act) {
      const dueAtRecording = dueOn(act.day);
      const counts = act.day <= dueAtRecording;
      // A pause counts from the day it was recorded at the earliest: typed further back it would move a due date
      // after the fact (the loophole review B2 left open), so the typed day only counts when it is stricter.
      const from = laterOf(act.pause.from, act.day);
      const to = act.pause.to === undefined ? undefined : laterOf(act.pause.to, from);
      if (counts) pauses.push({ from, to, recordedOn: act.day });
      pauseVerdicts.set(act.i, { pause: act.pause, recordedOn: act.day, dueAtRecording, counts });
      continue;
    }
    const { request } = act;
    const requestedOn = beijingDate(request.at);
    const dueAtRequest = dueOn(requestedOn);
    const requestedInTime = requestedOn <= dueAtRequest;
    if (request.decidedAt === undefined) {
      extensionResults.set(act.i, { request, requestedOn, dueAtRequest, requestedInTime, counts: false });
      continue;
    }
    const decidedOn = act.day;
    const dueAtDecision = dueOn(decidedOn);
    const decidedInTime = decidedOn <= dueAtDecision;
    const counts = request.decision === 'approved' && requestedInTime && decidedInTime;
    if (counts) extensions.push({ days: request.days, on: decidedOn });
    extensionResults.set(act.i, {
      request,
      requestedOn,
      decidedOn,
      dueAtRequest,
      dueAtDecision,
      requestedInTime,
      decidedInTime,
      counts,
    });
  }
  return {
    input: {
      ...start,
      pauses: pauses.map((p) => ({ from: p.from, to: p.to })),
      extensions: extensions.map((x) => ({ days: x.days })),
    },
    pauses: state.pauses.map((_, i) => pauseVerdicts.get(i)!),
    extensions: state.extensions.map((_, i) => extensionResults.get(i)!),
  };
}

/**
 * The clock with the verdict on each pause and extension, or null while the clock does not run: before acceptance,
 * and on a case that ended without it unless it counted as accepted by then. It runs from the acceptance day, or
 * from the day of receipt when the application counts as accepted (§32, `deemedAcceptanceOn`; before any
 * acceptance was recorded, with the limits the opening recorded, if any). Only pauses and extensions recorded on or
 * before the due date in force that day count (art. 17, 18(1)): nothing recorded later makes an overdue case on
 * time again. An ended case keeps the clock it had: its breaches are judged up to the day it ended (review B4).
 */
export function clockVerdicts(state: CaseState, calendar: WorkingCalendar, today?: IsoDate): ClockVerdicts | null {
  const start = clockStart(state, calendar, today);
  return start && judgeClock(start, state, calendar);
}

/** The clock's input (art. 14–19), or null while the clock does not run: see `clockVerdicts`. */
export function caseClock(state: CaseState, calendar: WorkingCalendar, today?: IsoDate): DeadlineInput | null {
  return clockVerdicts(state, calendar, today)?.input ?? null;
}

export function pendingExtension(state: CaseState): ExtensionRequest | undefined {
  return state.extensions.find((e) => e.decision === undefined);
}

/** The rejection proposal still waiting for a leader, if any (art. 8(二)). */
export function pendingRejection(state: CaseState): RejectionProposal | undefined {
  return state.rejectionProposals.find((p) => p.decision === undefined);
}

/**
 * art. 16: the step the running case is at and the day it began — step 0 from acceptance, then each
 * case.stepAdvanced; null before acceptance.
 */
export function currentStep(state: CaseState): { step: number; from: IsoDate } | null {
  const last = state.steps.at(-1);
  if (last) return { step: last.step, from: last.from };
  return state.acceptance
    ? { step: 0, from: earlierOf(state.acceptance.acceptedOn, beijingDate(state.acceptance.at)) }
    : null;
}

/**
 * The calendar day in Beijing (UTC+8, no daylight saving) of an ISO timestamp with any offset: the day a desk's
 * act counts for. Slicing the string would give the UTC day for a '…Z' stamp, a day early before 08:00.
 */
export function beijingDate(iso: string): IsoDate {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`not a timestamp: ${iso}`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export function openPause(state: CaseState): CaseState['pauses'][number] | undefined {
  return state.pauses.find((p) => p.to === undefined);
}

/** Fold a case's events; order-independent (de-duplicated, causally sorted) like foldContact. */
export function foldCase(events: readonly CaseEvent[], context: FoldContext = {}): CaseState | null {
  const unique = new Map<string, CaseEvent>();
  for (const e of events) unique.set(e.eventId, e);
  let state: CaseState | null = null;
  const early: string[] = [];
  for (const e of [...unique.values()].sort(byCausalOrder)) {
    if (e.type === 'case.opened') {
      if (state) continue;
      // Older cases did not record the day of receipt: the day they were opened, in Beijing (not the UTC date).
      // A day of receipt after that day is not believed: nothing is received in the future (review D6).
      const openedOn = beijingDate(e.occurredAt);
      const typed = e.payload.receivedOn as IsoDate | undefined;
      const future = typed !== undefined && typed > openedOn;
      state = {
        caseId: e.aggregateId,
        contactId: e.payload.contactId,
        serviceItemId: e.payload.serviceItemId,
        catalogRev: e.payload.catalogRev,
        receivedOn: typed === undefined || future ? openedOn : typed,
        intake: e.payload.intake ?? 'inPerson',
        ...(e.payload.promisedLimitDays === undefined
          ? {}
          : {
              openedLimits: {
                promisedLimitDays: e.payload.promisedLimitDays,
                statutoryLimitDays: e.payload.statutoryLimitDays,
              },
            }),
        rejectionProposals: [],
        steps: [],
        openedAt: e.occurredAt,
        openedBy: e.staffId,
        openedDeviceId: e.deviceId,
        handlerStaffId: e.staffId,
        status: 'checking',
        checks: {},
        pauses: [],
        extensions: [],
        notifications: [],
        flags: [
          ...(early.length ? [{ code: 'eventBeforeOpened' as const, eventIds: [...early] }] : []),
          ...(future ? [{ code: 'notAllowed' as const, eventIds: [e.eventId] }] : []),
        ],
        lastHlc: e.hlc,
        eventCount: 1,
      };
      continue;
    }
    if (!state) {
      early.push(e.eventId);
      continue;
    }
    state = { ...applyCaseEvent(state, e, context), lastHlc: e.hlc, eventCount: state.eventCount + 1 };
  }
  return state;
}

function flag(state: CaseState, code: CaseFlag['code'], eventId: string): CaseState {
  return { ...state, flags: [...state.flags, { code, eventIds: [eventId] }] };
}

/**
 * The last day a pause counts: the day given, but not after the Beijing day the act that ended it was recorded (a
 * resume dated ahead would stretch the clock, review B2), nor before the pause began.
 */
function pauseEnd(from: IsoDate, on: IsoDate, at: string): IsoDate {
  return laterOf(from, earlierOf(on, beijingDate(at)));
}

/** The pauses with the open one, if any, ended by an act on `on` recorded at `at`. */
function endOpenPause(state: CaseState, on: IsoDate, at: string): CaseState['pauses'] {
  const open = openPause(state);
  return state.pauses.map((p) => (p === open ? { ...p, to: pauseEnd(p.from, on, at) } : p));
}

/** art. 11: the day a check first found something incomplete, and the day nothing was any more. */
function incompleteSpan(state: CaseState, checks: CaseState['checks'], day: IsoDate): CaseState['foundIncomplete'] {
  const found = state.foundIncomplete;
  if (Object.values(checks).some((c) => c.state !== 'received')) return { since: found?.since ?? day };
  return found && { since: found.since, until: found.until ?? day };
}

/** art. 15, review D4/D6: an acceptance whose limits are not those of the opening, or a deemed one not from receipt. */
function acceptanceBroken(state: CaseState, p: Extract<CaseEvent, { type: 'case.accepted' }>['payload']): boolean {
  const limits = state.openedLimits;
  const otherLimits =
    limits !== undefined &&
    (limits.promisedLimitDays !== p.promisedLimitDays || limits.statutoryLimitDays !== p.statutoryLimitDays);
  return otherLimits || (p.deemed === true && p.acceptedOn !== state.receivedOn);
}

const BEFORE_ACCEPTANCE: readonly CaseStatus[] = ['checking', 'supplementRequested'];

function applyCaseEvent(
  state: CaseState,
  e: Exclude<CaseEvent, { type: 'case.opened' }>,
  context: FoldContext,
): CaseState {
  const act = { by: e.staffId, at: e.occurredAt, eventId: e.eventId };
  const conflict = () => flag(state, 'conflictingTransition', e.eventId);
  switch (e.type) {
    case 'case.materialsChecked': {
      if (!BEFORE_ACCEPTANCE.includes(state.status)) return conflict();
      const checks = { ...state.checks };
      for (const c of e.payload.checks) checks[c.materialId] = { state: c.state, note: c.note };
      const foundIncomplete = incompleteSpan(state, checks, beijingDate(e.occurredAt));
      return { ...state, checks, ...(foundIncomplete && { foundIncomplete }) };
    }
    case 'case.supplementRequested':
      // art. 11 / 一次性告知: one supplement notice lists everything; a second one is a conflict to settle.
      if (state.status !== 'checking') return conflict();
      return {
        ...state,
        status: 'supplementRequested',
        supplement: { ...act, requestedOn: e.payload.requestedOn as IsoDate, materialIds: e.payload.materialIds },
      };
    case 'case.accepted': {
      if (!BEFORE_ACCEPTANCE.includes(state.status)) return conflict();
      // Kept as recorded (the slip printed it) but flagged; the clock holds to the opening's limits and receipt.
      const next: CaseState = {
        ...state,
        status: 'running',
        handlerStaffId: e.staffId,
        acceptance: {
          ...act,
          acceptedOn: e.payload.acceptedOn as IsoDate,
          promisedLimitDays: e.payload.promisedLimitDays,
          statutoryLimitDays: e.payload.statutoryLimitDays,
          deemed: e.payload.deemed,
        },
      };
      return acceptanceBroken(state, e.payload) ? flag(next, 'notAllowed', e.eventId) : next;
    }
    case 'case.rejected':
      // LEGACY one-step 不予受理 (old data; only a leader's proven session may still push one, see staffAuth.ts).
      if (!BEFORE_ACCEPTANCE.includes(state.status)) return conflict();
      return { ...state, status: 'rejected', rejection: { ...act, ...e.payload } };
    case 'case.paused':
      // art. 10–11: from version 2 a running case is never paused "for 补正" (the schema refuses it; a desk that
      // bypassed it is flagged). Version 1 pauses for 'supplement' are history and still count.
      if (e.v >= 2 && e.payload.reason === 'supplement') return flag(state, 'notAllowed', e.eventId);
      if (state.status !== 'running' || openPause(state)) return conflict();
      return {
        ...state,
        pauses: [
          ...state.pauses,
          { ...act, from: e.payload.from as IsoDate, reason: e.payload.reason, note: e.payload.note },
        ],
      };
    case 'case.resumed': {
      const open = openPause(state);
      if (state.status !== 'running' || !open || e.payload.on < open.from) return conflict();
      return { ...state, pauses: endOpenPause(state, e.payload.on as IsoDate, e.occurredAt) };
    }
    case 'case.extensionRequested':
      if (state.status !== 'running' || pendingExtension(state)) return conflict();
      return {
        ...state,
        extensions: [...state.extensions, { ...act, days: e.payload.days, reason: e.payload.reason }],
      };
    case 'case.extensionDecided': {
      // art. 17: only a leader approves an extension.
      if (!context.isLeader?.(e.staffId)) return flag(state, 'notAllowed', e.eventId);
      const request = state.extensions.find((x) => x.eventId === e.payload.requestEventId);
      if (!request || request.decision) return conflict();
      return {
        ...state,
        extensions: state.extensions.map((x) =>
          x === request
            ? {
                ...x,
                decision: e.payload.decision,
                decidedBy: e.staffId,
                decidedAt: e.occurredAt,
                decisionNote: e.payload.note,
              }
            : x,
        ),
      };
    }
    case 'case.applicantNotified':
      return {
        ...state,
        notifications: [...state.notifications, { ...act, about: e.payload.about, how: e.payload.how }],
      };
    case 'case.rejectionProposed': {
      // art. 8(二) + art. 11: a "no" is proposed with reason and basis; it is not final until a leader approves.
      if (state.status !== 'checking' && state.status !== 'supplementRequested') return conflict();
      const { reason, legalBasis, competentAgencyId, toLeaderId } = e.payload;
      const proposal: RejectionProposal = {
        ...act,
        reason,
        legalBasis,
        competentAgencyId,
        toLeaderId: toLeaderId as StaffId,
        fromStatus: state.status,
      };
      return { ...state, status: 'rejectionPending', rejectionProposals: [...state.rejectionProposals, proposal] };
    }
    case 'case.rejectionReviewed': {
      const pending = pendingRejection(state);
      if (state.status !== 'rejectionPending' || !pending) return conflict();
      // art. 8(二): the leader the proposal names, or any leader, decides.
      if (e.staffId !== pending.toLeaderId && !context.isLeader?.(e.staffId))
        return flag(state, 'notAllowed', e.eventId);
      const decided: RejectionProposal = {
        ...pending,
        decision: e.payload.decision,
        decidedBy: e.staffId,
        decidedAt: e.occurredAt,
        decisionNote: e.payload.note,
      };
      const rejectionProposals = state.rejectionProposals.map((p) => (p === pending ? decided : p));
      if (e.payload.decision === 'overruled') return { ...state, status: pending.fromStatus, rejectionProposals };
      return {
        ...state,
        status: 'rejected',
        rejectionProposals,
        rejection: {
          by: pending.by,
          at: pending.at,
          eventId: pending.eventId,
          reason: pending.reason,
          legalBasis: pending.legalBasis,
          competentAgencyId: pending.competentAgencyId,
          approvedBy: e.staffId,
          approvedAt: e.occurredAt,
        },
      };
    }
    case 'case.withdrawn': {
      // 撤回申请: the applicant may withdraw at any time before the case ended; an open pause ends that day.
      if (CASE_ENDED.includes(state.status)) return conflict();
      const on = e.payload.on as IsoDate;
      return {
        ...state,
        status: 'withdrawn',
        pauses: endOpenPause(state, on, e.occurredAt),
        withdrawal: { ...act, on, how: e.payload.how, reason: e.payload.reason },
      };
    }
    case 'case.closed':
      // 办件终结: only a case that was never accepted ends this way (an accepted one is completed or withdrawn).
      if (state.status !== 'checking' && state.status !== 'supplementRequested') return conflict();
      return {
        ...state,
        status: 'closed',
        closure: { ...act, on: e.payload.on as IsoDate, reason: e.payload.reason, note: e.payload.note },
      };
    case 'case.stepAdvanced': {
      // art. 16 环节时限: steps only move forward, on or after the day the current step began. A step begins on the
      // day it was recorded: a day typed back would hide the previous step's overrun (review B5).
      if (state.status !== 'running') return conflict();
      const current = currentStep(state);
      const on = beijingDate(e.occurredAt);
      if (current === null || e.payload.toStep <= current.step || on < current.from) return conflict();
      return { ...state, steps: [...state.steps, { ...act, step: e.payload.toStep, from: on }] };
    }
    case 'case.completed': {
      if (state.status !== 'running') return conflict();
      return {
        ...state,
        status: 'completed',
        pauses: endOpenPause(state, e.payload.completedOn as IsoDate, e.occurredAt),
        completion: {
          ...act,
          completedOn: e.payload.completedOn as IsoDate,
          outcome: e.payload.outcome,
          result: e.payload.result,
        },
      };
    }
  }
}
