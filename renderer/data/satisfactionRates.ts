import type { RatingEvent } from '../../shared/model/ratingEvents.ts';
import type { Staff } from '../../shared/model/reference.ts';
import type { WorkingCalendar } from '../../shared/rules/calendar.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import {
  followUpRates,
  outcomeOfFollowUp,
  satisfactionRates,
  validRatingOutcomes,
  type FollowUpRates,
  type RatedOutcome,
  type SatisfactionRates,
} from '../../shared/rules/rates.ts';
import { foldRating, type RatingState } from '../../shared/rules/rating.ts';
import type { DeskDb } from './db.ts';
import { readFollowUpTasksCached } from './followUpTaskCache.ts';
import type { FollowUpTaskView } from './followUps.ts';
import { ratingFoldContext } from './rating/ratingViews.ts';
import { listReference } from './references.ts';

// 好差评 and chapter 7 published rates (issue 13 item 7) for the 服务回访 board's 统计: the definitions are
// shared/rules/rates.ts; this only gathers, for one period, who each rating and task belongs to.
//   - A window or QR rating counts in the period it was given (ratedOn), for the person rated.
//   - A follow-up record counts as a rating in the period of its first record, for the person whose work it was.
//   - Coverage and on-time follow-up count the tasks due within the period (due by then, so both can reach 100 %).

export type AllRates = SatisfactionRates & FollowUpRates;

export interface RatesPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface RatesGroup {
  /** A staff id or a department id ('' for work the directory cannot place). */
  readonly id: string;
  readonly rates: AllRates;
}

export interface SatisfactionRatesReport {
  readonly period: RatesPeriod;
  readonly byStaff: readonly RatesGroup[];
  readonly byDepartment: readonly RatesGroup[];
  readonly bureau: AllRates;
}

/** One counted item: a rating outcome or a task, with whose work and which department it was. */
interface Attributed<T> {
  readonly staffId: string;
  readonly departmentId: string;
  readonly item: T;
}

/** Every stored rating folded (一次一评: a second rating of the same key is a duplicate the fold never counts). */
export async function readRatingStates(db: DeskDb, staff: readonly Staff[]): Promise<RatingState[]> {
  const rows = await db.events.where('[aggregate+aggregateId]').between(['rating', ''], ['rating', '\uffff']).toArray();
  const logs = new Map<string, RatingEvent[]>();
  for (const row of rows) {
    const list = logs.get(row.aggregateId) ?? [];
    list.push(row.event as RatingEvent);
    logs.set(row.aggregateId, list);
  }
  // 复核 and 整改 by the wrong person are flagged by the fold, never applied: the rates count what the desk shows.
  const context = ratingFoldContext(staff);
  const states: RatingState[] = [];
  for (const events of logs.values()) {
    const state = foldRating(events, context);
    if (state) states.push(state);
  }
  return states;
}

const within = (day: IsoDate, period: RatesPeriod) => day >= period.from && day <= period.to;

function ratesOf(outcomes: readonly RatedOutcome[], tasks: readonly FollowUpTaskView[]): AllRates {
  const states = new Map(tasks.map((v) => [v.task.subject.id, v.state]));
  return {
    ...satisfactionRates(outcomes),
    ...followUpRates(
      tasks.map((v) => v.task),
      (id) => states.get(id),
    ),
  };
}

function grouped(
  key: 'staffId' | 'departmentId',
  outcomes: readonly Attributed<RatedOutcome>[],
  tasks: readonly Attributed<FollowUpTaskView>[],
): RatesGroup[] {
  const ids = [...new Set([...outcomes, ...tasks].map((a) => a[key]))].sort();
  return ids.map((id) => ({
    id,
    rates: ratesOf(
      outcomes.filter((o) => o[key] === id).map((o) => o.item),
      tasks.filter((t) => t[key] === id).map((t) => t.item),
    ),
  }));
}

/** The rates of a period: per staff member, per department (of the staff member) and for the whole bureau. */
export function ratesReport(
  period: RatesPeriod,
  ratings: readonly RatingState[],
  tasks: readonly FollowUpTaskView[],
  departmentOf: (staffId: string) => string | undefined,
): SatisfactionRatesReport {
  const outcomes: Attributed<RatedOutcome>[] = [];
  for (const rating of ratings) {
    if (!within(rating.ratedOn, period)) continue;
    // validRatingOutcomes drops an invalidated (appeal upheld) or misfiled rating.
    for (const item of validRatingOutcomes([rating])) {
      outcomes.push({ staffId: rating.ratedStaffId, departmentId: departmentOf(rating.ratedStaffId) ?? '', item });
    }
  }
  const counted: Attributed<FollowUpTaskView>[] = [];
  for (const view of tasks) {
    const staffId = view.workOf ?? '';
    const departmentId = (view.workOf && departmentOf(view.workOf)) ?? view.departmentId ?? '';
    const first = view.state?.records[0];
    const outcome = view.state ? outcomeOfFollowUp(view.state) : undefined;
    if (first && outcome && within(first.on, period)) outcomes.push({ staffId, departmentId, item: outcome });
    if (within(view.task.dueOn, period)) counted.push({ staffId, departmentId, item: view });
  }
  return {
    period,
    byStaff: grouped('staffId', outcomes, counted),
    byDepartment: grouped('departmentId', outcomes, counted),
    bureau: ratesOf(
      outcomes.map((o) => o.item),
      counted.map((t) => t.item),
    ),
  };
}

/**
 * Read and compute the rates of a period from this desk's log: every rating, and the follow-up tasks as the board
 * holds them (followUpTaskCache.ts).
 */
export async function readSatisfactionRates(
  db: DeskDb,
  calendar: WorkingCalendar,
  today: IsoDate,
  period: RatesPeriod,
): Promise<SatisfactionRatesReport> {
  const staff = await listReference(db, 'staff');
  const [ratings, tasks] = await Promise.all([readRatingStates(db, staff), readFollowUpTasksCached(db, calendar, today)]);
  const departments = new Map(staff.map((s) => [s.id as string, s.departmentId]));
  return ratesReport(period, ratings, tasks, (id) => departments.get(id));
}
