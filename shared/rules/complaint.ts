import type {
  Complainant,
  ComplaintChannel,
  ComplaintDecision,
  ComplaintEvent,
  ComplaintLink,
  ComplaintStage,
  FindingGround,
  MeasureEntry,
} from '../model/complaintEvents.ts';
import type { StaffId } from '../model/ids.ts';
import { DEFAULT_COMPLAINT_SETTINGS, type ComplaintSettings } from '../model/reference.ts';
import type { FollowUpMeans } from '../model/satisfaction.ts';
import type { WorkingCalendar } from './calendar.ts';
import { beijingDate } from './case.ts';
import {
  isAssignedInvestigator,
  isRecused,
  mayBeInvestigator,
  mayDecideComplaint,
  recusalOf,
  type Recusal,
} from './complaintPermissions.ts';
import type { StaffFacts } from './followUpPermissions.ts';
import type { IsoDate } from './isoDate.ts';

// 过错追究 (art. 31–33): one complaint folded from its own HQ log (model/complaintEvents.ts; never a desk event).
// Order-independent like foldRating: de-duplicated by eventId, ordered by HQ's time of storing and then eventId.
// Whatever breaks a rule is kept and flagged, never applied and never dropped. The path:
// received → dismissed (不予立案) → [told] → closed, or received → investigating (立案调查) → findingsClosed →
// decided (处理决定) → [told] → closed. A named complainant is told of either outcome before the complaint is
// closed; an anonymous one cannot be. The stage clocks are in rules/complaintDeadlines.ts.

export interface ComplaintFlag {
  /**
   * notAllowed: the actor may not do this (not a leader, not an assigned investigator, not the invited accused,
   * unknown or inactive); recused: the actor or an investigator named stands aside (the recusal rule); outOfOrder:
   * not at this stage (findings after they were closed, a decision before them, closing before the complainant
   * was told…); conflictingTransition: a second dismissal or order, closing of findings, statement, decision,
   * telling or closing; statementPending: a founded decision before every accused person stated their side,
   * declined, or let the day passed (陈述申辩); statementTooShort: an invitation giving less time than the
   * settings; notAccused: a statement, waiver or measure for someone not accused (a correction: not in the
   * decision); measuresRequired: a founded decision about staff that names no measure for any of them; duplicateReceived: a second intake of the same complaint; eventBeforeReceived: arrived before it.
   */
  readonly code:
    | 'notAllowed'
    | 'recused'
    | 'outOfOrder'
    | 'conflictingTransition'
    | 'statementPending'
    | 'statementTooShort'
    | 'notAccused'
    | 'measuresRequired'
    | 'duplicateReceived'
    | 'eventBeforeReceived';
  readonly eventIds: readonly string[];
}

export type ComplaintStatus =
  'received' | 'dismissed' | 'investigating' | 'findingsClosed' | 'decided' | 'told' | 'closed';

export interface ComplaintAct {
  readonly by: StaffId;
  readonly at: string;
  readonly eventId: string;
  /** The Beijing day HQ recorded the act: the clocks count from it. */
  readonly on: IsoDate;
}

export interface StatementRecord {
  readonly staffId: string;
  readonly invitations: readonly (ComplaintAct & { readonly dueOn: IsoDate })[];
  /** The latest day of any invitation: an invitation can give more time, never less. */
  readonly dueOn?: IsoDate;
  readonly given?: ComplaintAct & { readonly text: string };
  readonly waived?: ComplaintAct & { readonly note: string };
}

export interface ComplaintState {
  readonly complaintId: string;
  readonly received: ComplaintAct & { readonly deviceId: string };
  readonly channel: ComplaintChannel;
  readonly receivedOn: IsoDate;
  readonly complainant: Complainant;
  readonly accusedStaffIds: readonly string[];
  readonly accusedDepartmentIds: readonly string[];
  readonly account: string;
  readonly links: readonly ComplaintLink[];
  readonly referenceNo?: string;
  readonly recusal: Recusal;
  readonly status: ComplaintStatus;
  readonly dismissal?: ComplaintAct & { readonly reason: string };
  readonly investigation?: ComplaintAct & { readonly investigatorIds: readonly string[]; readonly note?: string };
  readonly investigatorChanges: readonly (ComplaintAct & {
    readonly investigatorIds: readonly string[];
    readonly reason: string;
  })[];
  /** Assigned now: those of the last order or change. */
  readonly investigatorIds: readonly string[];
  readonly findings: readonly (ComplaintAct & {
    readonly text: string;
    readonly evidenceLinks: readonly ComplaintLink[];
  })[];
  readonly findingsClosed?: ComplaintAct & { readonly summary: string; readonly ground: FindingGround };
  /** One per accused staff member, in the order they were named. */
  readonly statements: readonly StatementRecord[];
  readonly decision?: ComplaintAct & ComplaintDecision;
  readonly told?: ComplaintAct & { readonly toldOn: IsoDate; readonly how: FollowUpMeans; readonly note?: string };
  readonly extensions: readonly (ComplaintAct & {
    readonly stage: ComplaintStage;
    readonly days: number;
    readonly reason: string;
    readonly approved: boolean;
  })[];
  readonly closure?: ComplaintAct & { readonly note?: string };
  /** New entries with their reasons: the decision itself is never edited. */
  readonly corrections: readonly (ComplaintAct & MeasureEntry & { readonly reason: string })[];
  readonly flags: readonly ComplaintFlag[];
  readonly eventCount: number;
}

export interface ComplaintFoldContext {
  /** The directory HQ proves roles, departments and activity by. */
  readonly staff: (staffId: string) => StaffFacts | undefined;
  readonly calendar: WorkingCalendar;
  readonly settings?: ComplaintSettings;
}

/** HQ's order of storing, then eventId, so every reader folds the same log the same way. */
export function byStoredOrder(a: ComplaintEvent, b: ComplaintEvent): number {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta - tb;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** 陈述申辩: the earliest day an invitation may name, `statementDays` working days after the day it is recorded. */
export function earliestStatementDueOn(
  invitedOn: IsoDate,
  calendar: WorkingCalendar,
  settings: ComplaintSettings = DEFAULT_COMPLAINT_SETTINGS,
): IsoDate {
  return calendar.addWorkingDays(invitedOn, settings.statementDays).date;
}

/** Whether the accused person has been heard: stated their side, declined in writing, or let the day pass. */
export function statementSettled(statement: StatementRecord, on: IsoDate): boolean {
  // Never invited, the day never passes: `on` is not after itself.
  return Boolean(statement.given || statement.waived) || (statement.dueOn ?? on) < on;
}

/** null while the complaint.received event has not arrived. */
export function foldComplaint(events: readonly ComplaintEvent[], context: ComplaintFoldContext): ComplaintState | null {
  const unique = new Map<string, ComplaintEvent>();
  for (const e of events) unique.set(e.eventId, e);
  const ordered = [...unique.values()].sort(byStoredOrder);

  let state = null as ComplaintState | null;
  const flags: ComplaintFlag[] = [];
  const early: string[] = [];
  const flag = (code: ComplaintFlag['code'], e: ComplaintEvent) => flags.push({ code, eventIds: [e.eventId] });
  for (const e of ordered) {
    const act: ComplaintAct = { by: e.staffId, at: e.at, eventId: e.eventId, on: beijingDate(e.at) };
    if (e.type === 'complaint.received') {
      if (state) flag('duplicateReceived', e);
      else state = received(e, act, early, context);
    } else if (!state) {
      early.push(e.eventId);
    } else {
      state = apply(state, e, act, context, flag);
    }
    if (state) state = { ...state, eventCount: state.eventCount + 1 };
  }
  const folded = state as ComplaintState | null;
  return folded ? { ...folded, flags: [...folded.flags, ...flags] } : null;
}

function received(
  e: Extract<ComplaintEvent, { type: 'complaint.received' }>,
  act: ComplaintAct,
  early: string[],
  context: ComplaintFoldContext,
): ComplaintState {
  const p = e.payload;
  const settings = context.settings ?? DEFAULT_COMPLAINT_SETTINGS;
  const departmentOf = (id: string) => context.staff(id)?.departmentId;
  return {
    complaintId: e.complaintId,
    received: { ...act, deviceId: e.deviceId },
    channel: p.channel,
    receivedOn: p.receivedOn,
    complainant: p.complainant,
    accusedStaffIds: p.accusedStaffIds,
    accusedDepartmentIds: p.accusedDepartmentIds,
    account: p.account,
    links: p.links,
    ...(p.referenceNo ? { referenceNo: p.referenceNo } : {}),
    recusal: recusalOf(
      p.accusedStaffIds,
      p.accusedDepartmentIds,
      departmentOf,
      settings.recuseSameDepartment,
      (id) => context.staff(id)?.roles.includes('leader') ?? false,
    ),
    status: 'received',
    investigatorChanges: [],
    investigatorIds: [],
    findings: [],
    statements: p.accusedStaffIds.map((staffId) => ({ staffId, invitations: [] })),
    extensions: [],
    corrections: [],
    flags: early.length ? [{ code: 'eventBeforeReceived', eventIds: [...early] }] : [],
    eventCount: early.length, // the early events counted too; the received one is added by the caller
  };
}

type Flag = (code: ComplaintFlag['code'], e: ComplaintEvent) => void;
type Later = Exclude<ComplaintEvent, { type: 'complaint.received' }>;

/** Who the actor is, as the directory proves it; an unknown staff id may do nothing privileged. */
function judgeActor(state: ComplaintState, e: Later, context: ComplaintFoldContext) {
  const staff = context.staff(e.staffId);
  const recused = staff !== undefined && isRecused(staff, state.recusal);
  return {
    leader: staff !== undefined && mayDecideComplaint(staff, state.recusal),
    investigator: staff !== undefined && !recused && isAssignedInvestigator(staff, state),
    recused,
  };
}

const BEFORE_DECISION: readonly ComplaintStatus[] = ['investigating', 'findingsClosed'];

function apply(
  state: ComplaintState,
  e: Later,
  act: ComplaintAct,
  context: ComplaintFoldContext,
  flag: Flag,
): ComplaintState {
  const who = judgeActor(state, e, context);
  // The stages' acts are a leader's, an investigator's, or either's; a refused actor is named as recused when the
  // recusal rule is what stops them.
  const refuse = () => {
    flag(who.recused ? 'recused' : 'notAllowed', e);
    return state;
  };
  switch (e.type) {
    case 'complaint.dismissed':
      if (!who.leader) return refuse();
      if (state.status !== 'received') return conflicting(state, e, flag);
      return { ...state, status: 'dismissed', dismissal: { ...act, reason: e.payload.reason } };
    case 'complaint.investigationOrdered':
    case 'complaint.investigatorsChanged': {
      if (!who.leader) return refuse();
      const ordering = e.type === 'complaint.investigationOrdered';
      if (ordering ? state.status !== 'received' : state.status !== 'investigating') {
        return ordering ? conflicting(state, e, flag) : outOfOrder(state, e, flag);
      }
      const problem = investigatorProblem(e.payload.investigatorIds, state.recusal, context);
      if (problem) {
        flag(problem, e);
        return state;
      }
      const investigatorIds = e.payload.investigatorIds;
      if (e.type === 'complaint.investigationOrdered') {
        const investigation = { ...act, investigatorIds, ...note(e) };
        return { ...state, status: 'investigating', investigatorIds, investigation };
      }
      const change = { ...act, investigatorIds, reason: e.payload.reason };
      return { ...state, investigatorIds, investigatorChanges: [...state.investigatorChanges, change] };
    }
    case 'complaint.findingRecorded':
    case 'complaint.findingsClosed':
      if (!who.investigator) return refuse();
      if (state.status !== 'investigating') {
        return e.type === 'complaint.findingsClosed' && state.findingsClosed
          ? conflicting(state, e, flag)
          : outOfOrder(state, e, flag);
      }
      if (e.type === 'complaint.findingRecorded') {
        const finding = { ...act, text: e.payload.text, evidenceLinks: e.payload.evidenceLinks };
        return { ...state, findings: [...state.findings, finding] };
      }
      return { ...state, status: 'findingsClosed', findingsClosed: { ...act, ...e.payload } };
    case 'complaint.statementInvited':
    case 'complaint.statementGiven':
    case 'complaint.statementWaived':
      return statement(state, e, act, who, context, flag);
    case 'complaint.decided':
      if (!who.leader) return refuse();
      return decide(state, e, act, flag);
    case 'complaint.complainantTold':
      if (!who.leader && !who.investigator) return refuse();
      if (state.told) return conflicting(state, e, flag);
      // An anonymous complainant left no way to be told (art. 31 告知投诉人 applies to a named one).
      if (state.complainant.anonymous) return outOfOrder(state, e, flag);
      if (state.status !== 'decided' && state.status !== 'dismissed') return outOfOrder(state, e, flag);
      return { ...state, status: 'told', told: { ...act, toldOn: e.payload.on, how: e.payload.how, ...note(e) } };
    case 'complaint.extensionDecided': {
      if (!who.leader) return refuse();
      if (!stageRunning(state, e.payload.stage)) return outOfOrder(state, e, flag);
      return { ...state, extensions: [...state.extensions, { ...act, ...e.payload }] };
    }
    case 'complaint.closed': {
      if (!who.leader && !who.investigator) return refuse();
      if (state.closure) return conflicting(state, e, flag);
      // A named complainant is told first; an anonymous one cannot be.
      const decided = state.status === 'decided' || state.status === 'dismissed';
      if (state.status !== 'told' && !(decided && state.complainant.anonymous)) return outOfOrder(state, e, flag);
      return { ...state, status: 'closed', closure: { ...act, ...note(e) } };
    }
    case 'complaint.measureCorrected': {
      if (!who.leader) return refuse();
      const decision = state.decision;
      if (decision?.outcome !== 'founded') return outOfOrder(state, e, flag);
      if (!decision.measures.some((m) => m.staffId === e.payload.staffId)) {
        flag('notAccused', e);
        return state;
      }
      return { ...state, corrections: [...state.corrections, { ...act, ...e.payload }] };
    }
  }
}

const note = (e: { payload: { note?: string | undefined } }) => (e.payload.note ? { note: e.payload.note } : {});

function conflicting(state: ComplaintState, e: ComplaintEvent, flag: Flag): ComplaintState {
  flag('conflictingTransition', e);
  return state;
}

function outOfOrder(state: ComplaintState, e: ComplaintEvent, flag: Flag): ComplaintState {
  flag('outOfOrder', e);
  return state;
}

/** Every investigator named must be known, active and not stand aside; recusal is named when it is the reason. */
function investigatorProblem(
  ids: readonly string[],
  recusal: Recusal,
  context: ComplaintFoldContext,
): 'recused' | 'notAllowed' | undefined {
  for (const id of ids) {
    const staff = context.staff(id);
    if (staff && isRecused(staff, recusal)) return 'recused';
    if (!staff || !mayBeInvestigator(staff, recusal)) return 'notAllowed';
  }
  return undefined;
}

/** The stage an extension lengthens must be the one running now. */
function stageRunning(state: ComplaintState, stage: ComplaintStage): boolean {
  switch (stage) {
    case 'acceptance':
      return state.status === 'received';
    case 'investigation':
      return state.status === 'investigating';
    case 'decision':
      return state.status === 'findingsClosed';
    case 'telling':
      return !state.complainant.anonymous && (state.status === 'decided' || state.status === 'dismissed');
  }
}

type StatementEvent = Extract<
  ComplaintEvent,
  { type: 'complaint.statementInvited' | 'complaint.statementGiven' | 'complaint.statementWaived' }
>;

/** 陈述申辩: invited by an investigator or a leader; given only by the invited accused; waived in writing. */
function statement(
  state: ComplaintState,
  e: StatementEvent,
  act: ComplaintAct,
  who: ReturnType<typeof judgeActor>,
  context: ComplaintFoldContext,
  flag: Flag,
): ComplaintState {
  const staffId = e.type === 'complaint.statementGiven' ? e.staffId : e.payload.staffId;
  const current = state.statements.find((s) => s.staffId === staffId);
  const byTheAccused = e.type !== 'complaint.statementInvited' && e.staffId === staffId;
  if (!who.leader && !who.investigator && !byTheAccused) {
    flag(who.recused ? 'recused' : 'notAllowed', e);
    return state;
  }
  if (!current) {
    flag(e.type === 'complaint.statementGiven' ? 'notAllowed' : 'notAccused', e);
    return state;
  }
  if (!BEFORE_DECISION.includes(state.status)) return outOfOrder(state, e, flag);
  let next: StatementRecord;
  if (e.type === 'complaint.statementInvited') {
    if (e.payload.dueOn < earliestStatementDueOn(act.on, context.calendar, context.settings)) {
      flag('statementTooShort', e);
      return state;
    }
    const invitations = [...current.invitations, { ...act, dueOn: e.payload.dueOn }];
    // A later invitation can give more time, never less: the latest day of any counts (ISO days sort as days).
    next = {
      ...current,
      invitations,
      dueOn: invitations
        .map((i) => i.dueOn)
        .sort()
        .at(-1),
    };
  } else {
    if (current.given || current.waived) return conflicting(state, e, flag);
    if (e.type === 'complaint.statementGiven') {
      // Only the accused person named in an invitation states their side.
      if (!byTheAccused || current.invitations.length === 0) {
        flag('notAllowed', e);
        return state;
      }
      next = { ...current, given: { ...act, text: e.payload.text } };
    } else {
      // 陈述申辩 is the accused person's right: only they decline it, in their own name with their own session, and
      // only once invited (told of the right). Nobody else records a waiver for them; without their word the
      // invitation's day passing is what lets a founded decision go ahead.
      if (!byTheAccused || current.invitations.length === 0) {
        flag('notAllowed', e);
        return state;
      }
      next = { ...current, waived: { ...act, note: e.payload.note } };
    }
  }
  return { ...state, statements: state.statements.map((s) => (s.staffId === staffId ? next : s)) };
}

/**
 * art. 31 查实追责 by a leader who does not stand aside, once the findings are closed. A founded decision names only
 * accused staff and comes after every accused person was heard (stated, declined, or let the invitation's day pass).
 */
function decide(
  state: ComplaintState,
  e: Extract<ComplaintEvent, { type: 'complaint.decided' }>,
  act: ComplaintAct,
  flag: Flag,
): ComplaintState {
  if (state.decision) return conflicting(state, e, flag);
  if (state.status !== 'findingsClosed') return outOfOrder(state, e, flag);
  const p = e.payload;
  if (p.outcome === 'founded') {
    if (p.measures.some((m) => !state.accusedStaffIds.includes(m.staffId))) {
      flag('notAccused', e);
      return state;
    }
    if (!state.statements.every((s) => statementSettled(s, act.on))) {
      flag('statementPending', e);
      return state;
    }
    // art. 33 追责: a founded complaint about staff names the measures taken against at least one of them.
    if (state.accusedStaffIds.length > 0 && p.measures.length === 0) {
      flag('measuresRequired', e);
      return state;
    }
  }
  return { ...state, status: 'decided', decision: { ...act, ...p } };
}
