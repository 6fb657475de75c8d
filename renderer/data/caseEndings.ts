import { CLOSURE_REASONS, WITHDRAWAL_MEANS } from '../../shared/model/caseEvents.ts';
import type { AgencyId, StaffId } from '../../shared/model/ids.ts';
import { CASE_ENDED } from '../../shared/rules/case.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { appendEvents } from './append.ts';
import { authorId, type Author } from './author.ts';
import { today } from './calendar.ts';
import { caseOf } from './caseOperations.ts';
import { deemedAcceptedOn } from './caseTimes.ts';
import type { DeskDb } from './db.ts';
import { invalid, leader } from './operations.ts';

// How a case ends other than by completion: a leader-approved 不予受理, the applicant's withdrawal, or closure
// without acceptance. Each is a real end with its reason, and each has its slip.

const BEFORE_ACCEPTANCE = ['checking', 'supplementRequested'];

/** A date the clerk typed: not in the future, not before the materials came in. */
function dayInRange(on: IsoDate, receivedOn: IsoDate, field: string) {
  if (on > today()) throw invalid(field, 'dateInFuture');
  if (on < receivedOn) throw invalid(field, 'dateBeforeReceipt');
}

// art. 8(二) 说"不"提级管理 + art. 11: 不予受理 is proposed with its reason and basis to a leader; final only when approved.
export async function proposeRejection(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { toLeaderId: StaffId; reason: string; legalBasis: string; competentAgencyId?: AgencyId },
) {
  await leader(db, input.toLeaderId);
  const row = await caseOf(db, caseId);
  if (row.status === 'rejectionPending') throw invalid('form', 'rejectionAlreadyPending');
  if (!BEFORE_ACCEPTANCE.includes(row.status)) throw invalid('form', 'rejectOnlyBeforeAcceptance');
  // 行政许可法 §32: once it counts as accepted, the answer is a decision on the merits (completed, not granted).
  if (deemedAcceptedOn(row, today())) throw invalid('form', 'rejectAfterDeemed');
  if (input.competentAgencyId && !(await db.refs.get(['agency', input.competentAgencyId]))) {
    throw invalid('competentAgencyId', 'agencyRequired');
  }
  await appendEvents(db, author, [{ type: 'case.rejectionProposed', aggregateId: caseId, payload: input }]);
}

/** The leader approves the proposed 不予受理 (its notice becomes printable) or overrules it with a reason (online, proven). */
export async function reviewRejection(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { decision: 'approved'; note?: string } | { decision: 'overruled'; note: string },
) {
  await leader(db, authorId(author), 'form');
  if ((await caseOf(db, caseId)).status !== 'rejectionPending') throw invalid('form', 'noPendingRejection');
  await appendEvents(db, author, [{ type: 'case.rejectionReviewed', aggregateId: caseId, payload: input }]);
}

// 撤回申请: the applicant withdraws, before or after acceptance; the case ends at their wish.
export async function withdrawCase(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { on: IsoDate; how: (typeof WITHDRAWAL_MEANS)[number]; reason?: string },
) {
  const row = await caseOf(db, caseId);
  if (CASE_ENDED.includes(row.status)) throw invalid('form', 'caseAlreadyEnded');
  if (!WITHDRAWAL_MEANS.includes(input.how)) throw invalid('how', 'withdrawalHowRequired');
  dayInRange(input.on, row.receivedOn, 'on');
  await appendEvents(db, author, [{ type: 'case.withdrawn', aggregateId: caseId, payload: input }]);
}

// 办件终结: a case never accepted ends with its reason (e.g. the supplement never came). No legal effect is claimed.
export async function closeCase(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { on: IsoDate; reason: (typeof CLOSURE_REASONS)[number]; note: string },
) {
  const row = await caseOf(db, caseId);
  if (!BEFORE_ACCEPTANCE.includes(row.status)) throw invalid('form', 'closeOnlyBeforeAcceptance');
  // 行政许可法 §32: once it counts as accepted it is no longer "never accepted": it is decided on the merits, or withdrawn.
  if (deemedAcceptedOn(row, today())) throw invalid('form', 'closeAfterDeemed');
  if (!CLOSURE_REASONS.includes(input.reason)) throw invalid('reason', 'closureReasonRequired');
  dayInRange(input.on, row.receivedOn, 'on');
  await appendEvents(db, author, [{ type: 'case.closed', aggregateId: caseId, payload: input }]);
}
