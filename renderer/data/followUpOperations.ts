import type { z } from 'zod';
import type { FollowUpSubject, followUpRecordedPayload, SUGGESTION_OUTCOMES } from '../../shared/model/followUpEvents.ts';
import type { StaffId } from '../../shared/model/ids.ts';
import type { Staff } from '../../shared/model/reference.ts';
import type { FollowUpMeans } from '../../shared/model/satisfaction.ts';
import { mayRecordFollowUp } from '../../shared/rules/followUpPermissions.ts';
import { strongByBureauRule } from '../../shared/rules/strongDissatisfaction.ts';
import { appendEvents } from './append.ts';
import { authorId, type Author } from './author.ts';
import { deskCalendar, today } from './calendar.ts';
import type { DeskDb } from './db.ts';
import { followUpSettingsOf, readFollowUpTask, type FollowUpTaskView } from './followUps.ts';
import { activeStaff, invalid, leader } from './operations.ts';

// The acts of a follow-up (art. 27–30). Each asks the shared predicates before it writes: a follow-up is recorded by
// its task's owner and never by a person whose work is followed up; the folds judge again on every replica.

type RecordInput = Omit<z.input<typeof followUpRecordedPayload>, 'subject'>;

async function taskOf(db: DeskDb, subjectId: string): Promise<FollowUpTaskView> {
  const view = await readFollowUpTask(db, subjectId, deskCalendar(), today());
  if (!view) throw invalid('form', 'followUpNoTask');
  return view;
}

const subjectOf = (view: FollowUpTaskView) => view.task.subject as FollowUpSubject;

/** The owner of the task who is not followed up, and a task still open (a done one needs no more calls). */
async function recorderOf(db: DeskDb, author: Author, view: FollowUpTaskView): Promise<Staff> {
  const staff = await activeStaff(db, authorId(author), 'form');
  if (!mayRecordFollowUp(staff, view.task)) throw invalid('form', 'followUpNotYours');
  if (view.status.status === 'done') throw invalid('form', 'followUpAlreadyDone');
  return staff;
}

/** Tried and did not reach the applicant (art. 30 counts the tries). */
export async function recordAttempt(
  db: DeskDb,
  author: Author,
  subjectId: string,
  input: { means: FollowUpMeans; note?: string },
): Promise<void> {
  const view = await taskOf(db, subjectId);
  await recorderOf(db, author, view);
  await appendEvents(db, author, [
    { type: 'followUp.attempted', aggregateId: subjectId, payload: { subject: subjectOf(view), ...input } },
  ]);
}

/** art. 28: the follow-up record. A dissatisfied one keeps the task open for another follow-up (art. 30). */
export async function recordFollowUp(db: DeskDb, author: Author, subjectId: string, input: RecordInput): Promise<void> {
  const view = await taskOf(db, subjectId);
  await recorderOf(db, author, view);
  // art. 30: the bureau's rule marks 反映强烈 as well as the person following up; the record carries it from today.
  const { strongWhen } = await followUpSettingsOf(db);
  const strong = input.strong || strongByBureauRule(input.ratings ?? {}, strongWhen);
  await appendEvents(db, author, [
    { type: 'followUp.recorded', aggregateId: subjectId, payload: { subject: subjectOf(view), ...input, strong } },
  ]);
}

/** art. 30 完善相关制度: the bureau (a leader or supervisor) records what became of the applicant's suggestions. */
export async function considerSuggestion(
  db: DeskDb,
  author: Author,
  subjectId: string,
  input: { outcome: (typeof SUGGESTION_OUTCOMES)[number]; note: string },
): Promise<void> {
  const view = await taskOf(db, subjectId);
  const staff = await activeStaff(db, authorId(author), 'form');
  if (!staff.roles.includes('leader') && !staff.roles.includes('supervisor')) throw invalid('form', 'followUpNotBureau');
  if (!view.state?.records.some((r) => r.suggestions)) throw invalid('form', 'followUpNoSuggestions');
  await appendEvents(db, author, [
    { type: 'followUp.suggestionConsidered', aggregateId: subjectId, payload: { subject: subjectOf(view), ...input } },
  ]);
}

/**
 * art. 30 及时向领导报告: strong dissatisfaction reported to a leader — by the task's owner naming the leader, or by
 * a leader taking it from their inbox (leaderId = themselves).
 */
export async function informLeader(
  db: DeskDb,
  author: Author,
  subjectId: string,
  input: { leaderId: StaffId; note?: string },
): Promise<void> {
  const view = await taskOf(db, subjectId);
  await leader(db, input.leaderId, 'leaderId');
  const staff = await activeStaff(db, authorId(author), 'form');
  if (staff.id !== input.leaderId && !mayRecordFollowUp(staff, view.task)) throw invalid('form', 'followUpNotYours');
  if (!view.state?.strong) throw invalid('form', 'followUpNotStrong');
  if (!view.state.leaderReportDue) throw invalid('form', 'followUpLeaderAlreadyInformed');
  await appendEvents(db, author, [
    { type: 'followUp.leaderInformed', aggregateId: subjectId, payload: { subject: subjectOf(view), ...input } },
  ]);
}
