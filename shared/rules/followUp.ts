import type { FollowUpEvent, FollowUpRatings, FollowUpSubject } from '../model/followUpEvents.ts';
import type { StaffId } from '../model/ids.ts';
import type { FollowUpMeans } from '../model/satisfaction.ts';
import { isBadLevel } from '../model/satisfaction.ts';
import { beijingDate } from './case.ts';
import { byCausalOrder } from './contact.ts';
import { maySpeakForApplicant } from './followUpPermissions.ts';
import { mayTakeRectificationStep, type RectifierFacts } from './rectificationPermissions.ts';
import type { IsoDate } from './isoDate.ts';
import {
  applyRectificationStep,
  isRectificationClosed,
  openRectification,
  type RectificationState,
  type RectificationStep,
} from './rectification.ts';

// Chapter 7 服务回访: the follow-ups of one matter folded. Order-independent like foldContact: de-duplicated by
// eventId, sorted causally; what breaks a rule is kept and flagged for a person, never dropped.

export interface FollowUpFlag {
  /**
   * notAllowed: by a person whose work is followed up (art. 27–28; any rectification step too), a leader report to
   * someone not a leader, or a rectification step by someone outside its departments who is neither supervisor nor
   * leader; conflictingTransition: a rectification step recorded twice; outOfOrder: a step before the one it follows
   * (a rectification before any dissatisfied record, a decision before the call-back, feedback before a decision, an
   * outcome before any suggestion) — kept, never applied;
   * subjectMismatch: the event's subject is not this aggregate's (the schema refuses it; kept for old logs).
   */
  readonly code: 'notAllowed' | 'conflictingTransition' | 'outOfOrder' | 'subjectMismatch';
  readonly eventIds: readonly string[];
}

interface Act {
  readonly by: StaffId;
  readonly at: string;
  readonly eventId: string;
}

export interface FollowUpRecord extends Act {
  /** The day it was recorded (Beijing). */
  readonly on: IsoDate;
  readonly means: FollowUpMeans;
  readonly resultAsRecorded: 'yes' | 'partly' | 'no';
  readonly ratings: FollowUpRatings;
  readonly opinions?: string;
  readonly suggestions?: string;
  /** art. 30 反映强烈、意见较大, as marked or by the rule (isStrongDissatisfaction). */
  readonly strong: boolean;
}

export interface FollowUpState {
  readonly subject: FollowUpSubject;
  /** Tries that did not reach the applicant. */
  readonly attempts: readonly (Act & { readonly means: FollowUpMeans; readonly note?: string })[];
  readonly records: readonly FollowUpRecord[];
  readonly latest?: FollowUpRecord;
  /** art. 30 加强跟踪回访: the latest record is 差评 and no rectification has closed it since. */
  readonly dissatisfied: boolean;
  /** Followed up, and not (or no longer) dissatisfied. */
  readonly resolved: boolean;
  /** Some record was strong dissatisfaction (art. 30): a leader must be told. */
  readonly strong: boolean;
  readonly leaderReports: readonly (Act & { readonly leaderId: StaffId; readonly note?: string })[];
  /** Strong, and no leader told yet: shown in the leaders' inboxes at once. */
  readonly leaderReportDue: boolean;
  /** art. 30 完善相关制度: every decision on the suggestions, latest last. */
  readonly suggestionOutcomes: readonly (Act & {
    readonly outcome: 'adopted' | 'notAdopted' | 'underStudy';
    readonly note: string;
  })[];
  /** Rectifications opened by dissatisfied records; the last is the current one. */
  readonly rectifications: readonly RectificationState[];
  readonly flags: readonly FollowUpFlag[];
  readonly lastHlc: string;
  readonly eventCount: number;
}

export interface FollowUpFoldContext {
  /** Everyone whose work is followed up (the task's excludedStaffIds): none of them may follow it up. */
  readonly excludedStaffIds?: readonly string[];
  readonly isLeader?: (staffId: string) => boolean;
  /**
   * Who may take a rectification step (rectificationPermissions.ts): the staff directory's roles and departments, and
   * the departments whose work the rectification is (followUpRectifierDepartments). Without staffOf, anyone.
   */
  readonly staffOf?: (staffId: string) => RectifierFacts | undefined;
  readonly rectifierDepartmentIds?: readonly (string | undefined)[];
}

/**
 * art. 30: strong dissatisfaction (反映强烈、意见较大) is what the person following up marked, or an overall
 * 非常不满意 — the bureau's rule, exported so it can be shown where the rule is explained.
 */
export function isStrongDissatisfaction(record: {
  readonly strong: boolean;
  readonly ratings: FollowUpRatings;
}): boolean {
  return record.strong || record.ratings.overall === 'veryDissatisfied';
}

/** A record whose overall rating is 差评 (不满意, 非常不满意): dissatisfied, and it opens rectification. */
export function isDissatisfiedRecord(record: { readonly ratings: FollowUpRatings }): boolean {
  return isBadLevel(record.ratings.overall);
}

const RECTIFICATION_STEPS = {
  'followUp.verified': 'verified',
  'followUp.rectified': 'rectified',
  'followUp.feedbackGiven': 'feedbackGiven',
} as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** null when there is no event yet (a task with no follow-up is derived, not folded: rules/followUpTasks.ts). */
export function foldFollowUp(
  events: readonly FollowUpEvent[],
  context: FollowUpFoldContext = {},
): FollowUpState | null {
  const unique = new Map<string, FollowUpEvent>();
  for (const e of events) unique.set(e.eventId, e);
  const ordered = [...unique.values()].sort(byCausalOrder);
  const first = ordered[0];
  if (!first) return null;

  const excluded = context.excludedStaffIds ?? [];
  const s: Mutable<Omit<FollowUpState, 'resolved' | 'leaderReportDue' | 'latest'>> = {
    subject: { ...first.payload.subject, id: first.aggregateId } as FollowUpSubject,
    attempts: [],
    records: [],
    dissatisfied: false,
    strong: false,
    leaderReports: [],
    suggestionOutcomes: [],
    rectifications: [],
    flags: [],
    lastHlc: first.hlc,
    eventCount: 0,
  };
  const flag = (code: FollowUpFlag['code'], e: FollowUpEvent) => s.flags.push({ code, eventIds: [e.eventId] });

  for (const e of ordered) {
    s.lastHlc = e.hlc;
    s.eventCount += 1;
    if (e.payload.subject.id !== e.aggregateId) {
      flag('subjectMismatch', e);
      continue;
    }
    const act: Act = { by: e.staffId, at: e.occurredAt, eventId: e.eventId };
    switch (e.type) {
      case 'followUp.attempted':
        if (!maySpeakForApplicant(excluded, e.staffId)) flag('notAllowed', e);
        else s.attempts.push({ ...act, means: e.payload.means, ...(e.payload.note ? { note: e.payload.note } : {}) });
        break;
      case 'followUp.recorded': {
        if (!maySpeakForApplicant(excluded, e.staffId)) {
          flag('notAllowed', e);
          break;
        }
        const { subject: _subject, opinions, suggestions, ...rest } = e.payload;
        const record: FollowUpRecord = {
          ...act,
          ...rest,
          on: beijingDate(e.occurredAt),
          ...(opinions ? { opinions } : {}),
          ...(suggestions ? { suggestions } : {}),
          strong: isStrongDissatisfaction(e.payload),
        };
        s.records.push(record);
        s.strong ||= record.strong;
        s.dissatisfied = isDissatisfiedRecord(record);
        const current = s.rectifications.at(-1);
        // art. 30 加强跟踪回访: a dissatisfied record opens rectification unless one is still open.
        if (s.dissatisfied && (!current || isRectificationClosed(current))) {
          s.rectifications.push(openRectification(e.eventId, record.on));
        }
        break;
      }
      case 'followUp.suggestionConsidered':
        if (!s.records.some((r) => r.suggestions)) flag('outOfOrder', e);
        s.suggestionOutcomes.push({ ...act, outcome: e.payload.outcome, note: e.payload.note });
        break;
      case 'followUp.leaderInformed':
        if (context.isLeader && !context.isLeader(e.payload.leaderId)) {
          flag('notAllowed', e);
          break;
        }
        s.leaderReports.push({
          ...act,
          leaderId: e.payload.leaderId,
          ...(e.payload.note ? { note: e.payload.note } : {}),
        });
        break;
      case 'followUp.verified':
      case 'followUp.rectified':
      case 'followUp.feedbackGiven':
        applyStep(s, e, act, context, flag);
        break;
    }
  }
  const latest = s.records.at(-1);
  return {
    ...s,
    ...(latest ? { latest } : {}),
    resolved: latest !== undefined && !s.dissatisfied,
    leaderReportDue: s.strong && s.leaderReports.length === 0,
  };
}

function applyStep(
  s: Mutable<Pick<FollowUpState, 'rectifications' | 'dissatisfied'>>,
  e: Extract<FollowUpEvent, { type: keyof typeof RECTIFICATION_STEPS }>,
  act: Act,
  context: FollowUpFoldContext,
  flag: (code: FollowUpFlag['code'], e: FollowUpEvent) => void,
): void {
  const current = s.rectifications.at(-1);
  if (!current) return flag('outOfOrder', e);
  const { staffOf, rectifierDepartmentIds = [], excludedStaffIds = [] } = context;
  // The person followed up takes no step (not even the decision): their own 差评 is closed by someone else.
  if (excludedStaffIds.includes(e.staffId)) return flag('notAllowed', e);
  if (staffOf && !mayTakeRectificationStep(e.staffId, staffOf(e.staffId), rectifierDepartmentIds, excludedStaffIds)) {
    return flag('notAllowed', e);
  }
  const { subject: _subject, ...payload } = e.payload;
  const step = { step: RECTIFICATION_STEPS[e.type], payload } as RectificationStep;
  const applied = applyRectificationStep(current, step, act);
  // A step taken twice or out of order is kept on the log, flagged, and changes nothing.
  if (applied.problem) return flag(applied.problem, e);
  s.rectifications[s.rectifications.length - 1] = applied.state;
  // The applicant told, and not 差评 again: the dissatisfaction is closed (art. 30 尽量做到让对方满意).
  if (step.step === 'feedbackGiven' && !isBadLevel(step.payload.newLevel)) s.dissatisfied = false;
}
