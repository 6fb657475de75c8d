import type { Staff } from '../../../shared/model/reference.ts';
import type { WorkingCalendar } from '../../../shared/rules/calendar.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { DeskDb } from '../db.ts';
import { followUpSettingsOf, readFollowUpTask, readFollowUpTasks, type FollowUpTaskView } from '../followUps.ts';
import { listReference } from '../references.ts';
import { readRatingView, readRatingViews } from './ratingViews.ts';
import {
  byUrgency,
  followUpItems,
  ratingItem,
  type RectificationItem,
  type RectificationTarget,
  type RectifyRules,
} from './rectificationItems.ts';

// The reads behind 差评整改: the bad ratings and the dissatisfied follow-ups, each read once per change.

async function rulesOf(db: DeskDb, calendar: WorkingCalendar, today: IsoDate): Promise<RectifyRules> {
  return { calendar, rectifyDays: (await followUpSettingsOf(db)).rectifyDays, today };
}

async function itemsOfFollowUps(
  db: DeskDb,
  views: readonly FollowUpTaskView[],
  staff: readonly Staff[],
  rules: RectifyRules,
): Promise<RectificationItem[]> {
  const open = views.filter((v) => (v.state?.rectifications.length ?? 0) > 0);
  const departmentOf = new Map(staff.map((s) => [s.id as string, s.departmentId as string]));
  const caseIds = open.filter((v) => v.task.subject.kind === 'case').map((v) => v.task.subject.id);
  const contactIds = open.filter((v) => v.task.subject.kind === 'contact').map((v) => v.task.subject.id);
  const [cases, contacts] = await Promise.all([db.cases.bulkGet(caseIds), db.contacts.bulkGet(contactIds)]);
  const caseById = new Map(cases.flatMap((c) => (c ? [[c.caseId as string, c]] : [])));
  const contactById = new Map(contacts.flatMap((c) => (c ? [[c.contactId as string, c]] : [])));
  return open.flatMap((view) => {
    const caseRow = caseById.get(view.task.subject.id);
    const contact = contactById.get(view.task.subject.id);
    const work = { ...(caseRow ? { caseRow } : {}), ...(contact ? { contact } : {}), departmentOf: (id: string) => departmentOf.get(id) };
    return followUpItems(view, work, rules);
  });
}

/** Every bad rating and dissatisfied follow-up this desk holds, as rectifications, most urgent first. */
export async function readRectificationItems(
  db: DeskDb,
  calendar: WorkingCalendar,
  today: IsoDate,
): Promise<RectificationItem[]> {
  const [rules, ratings, followUps, staff] = await Promise.all([
    rulesOf(db, calendar, today),
    readRatingViews(db),
    readFollowUpTasks(db, calendar, today),
    listReference(db, 'staff'),
  ]);
  const fromRatings = ratings.flatMap((v) => ratingItem(v, rules) ?? []);
  return [...fromRatings, ...(await itemsOfFollowUps(db, followUps, staff, rules))].sort(byUrgency);
}

/** The current rectification of one rating or follow-up (undefined: nothing to rectify there). */
export async function readRectificationItem(
  db: DeskDb,
  target: RectificationTarget,
  calendar: WorkingCalendar,
  today: IsoDate,
): Promise<RectificationItem | undefined> {
  const rules = await rulesOf(db, calendar, today);
  if (target.origin === 'rating') {
    const view = await readRatingView(db, target.key);
    return view ? ratingItem(view, rules) : undefined;
  }
  const [view, staff] = await Promise.all([
    readFollowUpTask(db, target.subjectId, calendar, today),
    listReference(db, 'staff'),
  ]);
  if (!view) return undefined;
  return (await itemsOfFollowUps(db, [view], staff, rules)).find((i) => i.current);
}
