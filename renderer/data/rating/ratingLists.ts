import type { Staff } from '../../../shared/model/reference.ts';
import { isBadLevel } from '../../../shared/model/satisfaction.ts';
import { hasAppealDeciderRole } from '../../../shared/rules/followUpPermissions.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { RatingView } from './ratingViews.ts';

// Who sees which ratings (评价记录, 申诉复核): pure filters over the folded views, so the screens and tests agree.

/** 评价记录: everyone their own services; department heads their department's; supervisors and leaders all. */
export function ratingsVisibleTo(staff: Staff, views: readonly RatingView[]): RatingView[] {
  if (staff.roles.includes('supervisor') || staff.roles.includes('leader')) return [...views];
  const department = staff.roles.includes('deptHead') ? staff.departmentId : undefined;
  return views.filter(
    (v) => v.state.ratedStaffId === staff.id || (department !== undefined && v.departmentId === department),
  );
}

/** Ratings given between two days (Beijing), both included; an empty bound is open. */
export function ratingsInPeriod(views: readonly RatingView[], from?: IsoDate | '', to?: IsoDate | ''): RatingView[] {
  return views.filter((v) => (!from || v.state.ratedOn >= from) && (!to || v.state.ratedOn <= to));
}

/** 申诉: this person's own 差评 (appealed or not, decided or not), newest first as read. */
export function ownBadRatings(staff: Pick<Staff, 'id'>, views: readonly RatingView[]): RatingView[] {
  return views.filter((v) => v.state.ratedStaffId === staff.id && isBadLevel(v.state.level));
}

/** 复核: appeals waiting for a decision this person may take (a supervisor or leader, never on their own rating). */
export function appealsToDecide(staff: Staff, views: readonly RatingView[]): RatingView[] {
  if (!staff.active || !hasAppealDeciderRole(staff)) return [];
  return views.filter(
    (v) => v.state.appeal && !v.state.appeal.decision && v.state.ratedStaffId !== staff.id,
  );
}

/** Appeals already decided, for supervisors and leaders to look back on. */
export function decidedAppeals(views: readonly RatingView[]): RatingView[] {
  return views.filter((v) => v.state.appeal?.decision);
}
