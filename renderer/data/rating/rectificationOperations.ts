import type { RectificationMode } from '../../../shared/model/rectification.ts';
import type { FollowUpMeans, RatingLevel } from '../../../shared/model/satisfaction.ts';
import type { EventDraft } from '../../../shared/model/events.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import { appendEvents } from '../append.ts';
import { authorId, type Author } from '../author.ts';
import { deskCalendar, today } from '../calendar.ts';
import type { DeskDb } from '../db.ts';
import { activeStaff, invalid } from '../operations.ts';
import type { RectificationItem, RectificationTarget } from './rectificationItems.ts';
import { maySpeakFor, mayWorkOnRectification } from './rectificationPermissions.ts';
import { readRectificationItem } from './rectificationReads.ts';

// 差评整改, step by step: 核实回访 → 立行立改 / 限期整改 / 解释说明 → 反馈. Each step once and in order; the desk
// refuses before writing whatever the folds would flag (a second step, a step out of order, any step by
// the rated person), so what the desk writes is never flagged on any replica.

export interface VerifyInput {
  readonly on: IsoDate;
  readonly means: FollowUpMeans;
  readonly note: string;
}
export interface RectifyInput {
  readonly mode: RectificationMode;
  readonly dueOn?: IsoDate | undefined;
  readonly note: string;
}
export interface FeedbackInput {
  readonly on: IsoDate;
  readonly how: FollowUpMeans;
  readonly newLevel?: RatingLevel | undefined;
  readonly note?: string | undefined;
}

type Step = 'verified' | 'rectified' | 'feedbackGiven';

/** The item and its author, checked: it exists, is still open, and is this person's work. */
async function openItem(db: DeskDb, author: Author, target: RectificationTarget) {
  const item = await readRectificationItem(db, target, deskCalendar(), today());
  if (!item) throw invalid('form', 'rectificationNotFound');
  if (item.invalid) throw invalid('form', 'ratingInvalidated');
  const staff = await activeStaff(db, authorId(author), 'form');
  if (!mayWorkOnRectification(staff, item)) throw invalid('form', 'rectificationNotYours');
  // The rated person takes none of the steps (shared/rules/rectificationPermissions.ts mayTakeRectificationStep).
  if (!maySpeakFor(staff, item)) throw invalid('form', 'ratedMayNotRectify');
  return { item, staff };
}

/** A day the step was taken: not after today, not before the bad rating (nor before `after`, the step it follows). */
function checkDay(field: string, on: IsoDate, item: RectificationItem, after?: IsoDate): void {
  // Not a day at all (left empty): the shared schema refuses it under its field, in its own words.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) return;
  if (on > today()) throw invalid(field, 'dayInFuture');
  if (on < item.ratedOn) throw invalid(field, 'dayBeforeRating');
  if (after !== undefined && on < after) throw invalid(field, 'dayBeforeVerification');
}

function draft(target: RectificationTarget, item: RectificationItem, step: Step, payload: object): EventDraft {
  if (target.origin === 'rating') {
    return { type: `rating.${step}`, aggregateId: target.key, payload } as EventDraft;
  }
  // A follow-up names its subject in every payload (the fold refuses one about another matter).
  const subject = item.followUpSubject;
  const followUpPayload: object = { subject, ...payload };
  return { type: `followUp.${step}`, aggregateId: target.subjectId, payload: followUpPayload } as EventDraft;
}

/** 核实回访: the applicant is called back about the bad rating — never by the person rated. */
export async function verifyRectification(
  db: DeskDb,
  author: Author,
  target: RectificationTarget,
  input: VerifyInput,
): Promise<void> {
  const { item } = await openItem(db, author, target);
  if (item.rectification.verification) throw invalid('form', 'alreadyVerified');
  checkDay('on', input.on, item);
  await appendEvents(db, author, [draft(target, item, 'verified', input)]);
}

/** 立行立改 / 限期整改 (with the day the fix is done by) / 解释说明, once the call-back has verified the rating. */
export async function recordRectification(
  db: DeskDb,
  author: Author,
  target: RectificationTarget,
  input: RectifyInput,
): Promise<void> {
  const { item } = await openItem(db, author, target);
  if (item.rectification.decision) throw invalid('form', 'alreadyRectified');
  if (!item.rectification.verification) throw invalid('form', 'verifyFirst');
  if (input.mode === 'byDate' && input.dueOn !== undefined && input.dueOn < today()) {
    throw invalid('dueOn', 'dueOnPassed');
  }
  const { dueOn, ...rest } = input;
  await appendEvents(db, author, [
    draft(target, item, 'rectified', input.mode === 'byDate' ? { ...rest, dueOn } : rest),
  ]);
}

/** 反馈: the applicant is told what was done, and may rate again — a new level never recorded by the person rated. */
export async function giveRectificationFeedback(
  db: DeskDb,
  author: Author,
  target: RectificationTarget,
  input: FeedbackInput,
): Promise<void> {
  const { item } = await openItem(db, author, target);
  if (item.rectification.feedback) throw invalid('form', 'alreadyFedBack');
  if (!item.rectification.decision) throw invalid('form', 'rectifyFirst');
  checkDay('on', input.on, item, item.rectification.verification?.on);
  const { newLevel, note, ...rest } = input;
  await appendEvents(db, author, [
    draft(target, item, 'feedbackGiven', { ...rest, ...(newLevel ? { newLevel } : {}), ...(note ? { note } : {}) }),
  ]);
}
