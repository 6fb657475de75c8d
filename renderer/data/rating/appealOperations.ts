import { isBadLevel } from '../../../shared/model/satisfaction.ts';
import { hasAppealDeciderRole } from '../../../shared/rules/followUpPermissions.ts';
import { appendEvents } from '../append.ts';
import { authorId, type Author } from '../author.ts';
import type { DeskDb } from '../db.ts';
import { activeStaff, invalid } from '../operations.ts';
import { readRatingView, type RatingView } from './ratingViews.ts';

// 申诉复核: the rated person appeals a bad rating once; a supervisor or leader who is not that person decides it. An
// upheld appeal makes the rating invalid (kept, shown, left out of the rates), so the decision is privileged: it needs
// the decider's own session verified online (appendEvents refuses it otherwise, as the server would).

async function ratingOf(db: DeskDb, key: string): Promise<RatingView> {
  const view = await readRatingView(db, key);
  if (!view) throw invalid('form', 'ratingNotFound');
  return view;
}

/** 申诉: only the rated person, only against a valid 差评, once. */
export async function appealRating(db: DeskDb, author: Author, key: string, input: { reason: string }): Promise<void> {
  const { state } = await ratingOf(db, key);
  await activeStaff(db, authorId(author), 'form');
  if (state.ratedStaffId !== authorId(author)) throw invalid('form', 'appealNotRatedPerson');
  if (!isBadLevel(state.level)) throw invalid('form', 'appealNotBad');
  if (state.invalid) throw invalid('form', 'ratingInvalidated');
  if (state.appeal) throw invalid('form', 'alreadyAppealed');
  await appendEvents(db, author, [{ type: 'rating.appealed', aggregateId: key, payload: input }]);
}

/** 复核: a supervisor or leader, not the rated person, decides a pending appeal: upheld (差评无效) or not (维持差评). */
export async function decideAppeal(
  db: DeskDb,
  author: Author,
  key: string,
  input: { upheld: boolean; reason: string },
): Promise<void> {
  const { state } = await ratingOf(db, key);
  const staff = await activeStaff(db, authorId(author), 'form');
  if (!hasAppealDeciderRole(staff)) throw invalid('form', 'appealDeciderRole');
  if (staff.id === state.ratedStaffId) throw invalid('form', 'appealOwnRating');
  if (!state.appeal) throw invalid('form', 'noAppeal');
  if (state.appeal.decision) throw invalid('form', 'appealAlreadyDecided');
  await appendEvents(db, author, [{ type: 'rating.appealDecided', aggregateId: key, payload: input }]);
}
