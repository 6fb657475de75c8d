import type { FollowUpSubject } from '../../../shared/model/followUpEvents.ts';
import type { LowRatingReason, RatingLevel } from '../../../shared/model/satisfaction.ts';
import { isBadLevel } from '../../../shared/model/satisfaction.ts';
import type { WorkingCalendar } from '../../../shared/rules/calendar.ts';
import type { FollowUpOwner } from '../../../shared/rules/followUpTasks.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { RatingState } from '../../../shared/rules/rating.ts';
import {
  rectificationStatus,
  type RectificationState,
  type RectificationStatus,
} from '../../../shared/rules/rectification.ts';
import type { CaseRow, ContactRow } from '../db.ts';
import type { FollowUpTaskView } from '../followUps.ts';
import type { RatingView } from './ratingViews.ts';

// 差评整改: one list of every bad rating to rectify, whether given at the window's pad, by a slip's QR code, or in a
// follow-up record whose overall level is 不满意/非常不满意, each with its stage and due day (settings.followUp.rectifyDays
// working days, shared/rules/rectification.ts).

/** Where the steps are recorded: the rating's own aggregate, or the follow-up of the case or contact. */
export type RectificationTarget =
  { readonly origin: 'rating'; readonly key: string } | { readonly origin: 'followUp'; readonly subjectId: string };

export interface RectificationItem {
  /** Unique in the list: a follow-up may have opened several rectifications over time. */
  readonly id: string;
  readonly target: RectificationTarget;
  readonly rectification: RectificationState;
  /** Steps may still be taken on it: a rating's own, or a follow-up's latest (earlier ones were closed). */
  readonly current: boolean;
  readonly status: RectificationStatus;
  /** pad / qr, or the follow-up record that was dissatisfied. */
  readonly source: 'pad' | 'qr' | 'followUp';
  readonly level: RatingLevel;
  readonly reasons: readonly LowRatingReason[];
  /** The applicant's comment (pad, QR) or opinions (follow-up). */
  readonly comment?: string;
  /** The day of the bad rating. */
  readonly ratedOn: IsoDate;
  /** The person whose service was rated (the handler of a followed-up case, its responsible person of a contact). */
  readonly ratedStaffId?: string;
  /** Everyone who may not speak for the applicant here: the rated person, or everyone whose work was followed up. */
  readonly excludedStaffIds: readonly string[];
  /** The department whose work it was. */
  readonly departmentId?: string;
  /** The follow-up task's owner (follow-ups only): it rectifies too. */
  readonly followUpOwner?: FollowUpOwner;
  /** The followed-up case or contact (follow-ups only), named in every step's payload. */
  readonly followUpSubject?: FollowUpSubject;
  readonly contactId?: string;
  readonly matter?: string;
  readonly applicant?: string;
  /** A rating invalidated by an upheld appeal: kept, nothing more to rectify. */
  readonly invalid?: { readonly reason: string };
  readonly rating?: RatingState;
}

export interface RectifyRules {
  readonly calendar: WorkingCalendar;
  readonly rectifyDays: number;
  readonly today: IsoDate;
}

const statusOf = (r: RectificationState, rules: RectifyRules) =>
  rectificationStatus(r, rules.calendar, rules.rectifyDays, rules.today);

/** The rectification of a bad rating (undefined for any other rating). */
export function ratingItem(view: RatingView, rules: RectifyRules): RectificationItem | undefined {
  const { state } = view;
  if (!state.rectification || !isBadLevel(state.level)) return undefined;
  const status = statusOf(state.rectification, rules);
  return {
    id: `rating:${state.ratingKey}`,
    target: { origin: 'rating', key: state.ratingKey },
    rectification: state.rectification,
    current: state.invalid === undefined,
    // An invalidated rating is never overdue: there is nothing left to rectify.
    status: state.invalid ? { ...status, overdue: false } : status,
    source: state.source,
    level: state.level,
    reasons: state.reasons,
    ...(state.comment ? { comment: state.comment } : {}),
    ratedOn: state.ratedOn,
    ratedStaffId: state.ratedStaffId,
    excludedStaffIds: [state.ratedStaffId],
    ...(view.departmentId ? { departmentId: view.departmentId } : {}),
    ...(view.contactId ? { contactId: view.contactId } : {}),
    ...(view.matter ? { matter: view.matter } : {}),
    ...(view.applicant ? { applicant: view.applicant } : {}),
    ...(state.invalid ? { invalid: { reason: state.invalid.reason } } : {}),
    rating: state,
  };
}

/** What a follow-up item needs beyond the task view: whose work it was, from the case or contact row. */
export interface FollowUpWork {
  readonly caseRow?: CaseRow;
  readonly contact?: ContactRow;
  readonly departmentOf: (staffId: string) => string | undefined;
}

/**
 * The department whose work a followed-up matter was: the case's, else the task owner's, else the contact's responsible
 * person's. The desk's list and the follow-up fold's context (followUpRectifierContext) both read it from here.
 */
export function followUpWorkDepartment(owner: FollowUpOwner, work: FollowUpWork): string | undefined {
  const ratedStaffId = work.caseRow?.handlerStaffId ?? work.contact?.responsibleStaffId;
  return (
    work.caseRow?.departmentId ??
    (owner.kind === 'department' ? owner.departmentId : ratedStaffId ? work.departmentOf(ratedStaffId) : undefined)
  );
}

/** Every rectification a follow-up opened (art. 30 加强跟踪回访: each dissatisfied record after a closed one). */
export function followUpItems(view: FollowUpTaskView, work: FollowUpWork, rules: RectifyRules): RectificationItem[] {
  const state = view.state;
  if (!state) return [];
  const ratedStaffId = work.caseRow?.handlerStaffId ?? work.contact?.responsibleStaffId;
  const owner = view.task.owner;
  const departmentId = followUpWorkDepartment(owner, work);
  const contactId = work.caseRow?.contactId ?? work.contact?.contactId;
  return state.rectifications.flatMap((rectification, i) => {
    const record = state.records.find((r) => r.eventId === rectification.openedByEventId);
    const level = record?.ratings.overall;
    if (!record || !isBadLevel(level)) return [];
    return [
      {
        id: `followUp:${view.task.subject.id}:${rectification.openedByEventId}`,
        target: { origin: 'followUp', subjectId: view.task.subject.id },
        rectification,
        current: i === state.rectifications.length - 1,
        status: statusOf(rectification, rules),
        source: 'followUp',
        level,
        reasons: [],
        ...(record.opinions ? { comment: record.opinions } : {}),
        ratedOn: record.on,
        ...(ratedStaffId ? { ratedStaffId } : {}),
        excludedStaffIds: view.task.excludedStaffIds,
        ...(departmentId ? { departmentId } : {}),
        followUpOwner: owner,
        followUpSubject: view.task.subject as FollowUpSubject,
        ...(contactId ? { contactId } : {}),
        ...(view.matter ? { matter: view.matter } : {}),
        ...(view.applicant ? { applicant: view.applicant } : {}),
      } satisfies RectificationItem,
    ];
  });
}

/** Overdue first, then by due day, then the newest rating first. */
export function byUrgency(a: RectificationItem, b: RectificationItem): number {
  const open = (i: RectificationItem) => (i.status.stage === 'done' || i.invalid ? 1 : 0);
  return (
    open(a) - open(b) ||
    Number(b.status.overdue) - Number(a.status.overdue) ||
    (a.status.dueOn < b.status.dueOn ? -1 : a.status.dueOn > b.status.dueOn ? 1 : 0) ||
    (a.ratedOn < b.ratedOn ? 1 : a.ratedOn > b.ratedOn ? -1 : 0)
  );
}
