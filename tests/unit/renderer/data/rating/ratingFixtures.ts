import type { ContactId, StaffId } from '../../../../../shared/model/ids.ts';
import type { ReferenceDoc } from '../../../../../shared/model/reference.ts';
import type { RatingLevel } from '../../../../../shared/model/satisfaction.ts';
import type { InvalidEventError } from '../../../../../renderer/data/append.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { recordContact } from '../../../../../renderer/data/operations.ts';
import { recordPadRating } from '../../../../../renderer/data/ratings.ts';
import { mergeReferenceDocs } from '../../../../../renderer/data/references.ts';
import { freshDeskDb, withDirectory } from '../deskDb.ts';

// A desk with the small directory, a supervisor of the 机关党委 and bad ratings given at the window's pad.

export const clerk = 'zhang-wei' as StaffId; // 政务服务窗口
export const supervisorId = 'huang-xiuying' as StaffId;
export const leaderId = 'he-jianguo' as StaffId; // 政务服务窗口, leader
export const otherDept = 'sun-li' as StaffId; // 高新科

const SUPERVISOR = {
  kind: 'staff',
  id: 'huang-xiuying',
  rev: 1,
  hlc: '000000000000002-00000-hq-huang-xiuying',
  updatedAt: '2026-11-28T00:00:00.000Z',
  body: {
    id: 'huang-xiuying',
    name: '黄秀英',
    departmentId: 'dept-party',
    rank: 'sectionChief',
    title: '科长',
    roles: ['supervisor'],
    active: true,
  },
} as ReferenceDoc;

export async function ratingDesk(): Promise<DeskDb> {
  const db = await withDirectory(freshDeskDb());
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [SUPERVISOR]));
  return db;
}

/** A visit registered by `by`, rated at the pad. */
export async function ratedVisit(
  db: DeskDb,
  level: RatingLevel | null = 'dissatisfied',
  by: StaffId = clerk,
): Promise<ContactId> {
  const contactId = await recordContact(db, by, {
    channel: 'visit',
    visitor: { name: '王芳' },
    matter: '咨询技术合同认定登记',
    askedStaffIds: [],
  });
  await recordPadRating(db, by, {
    contactId,
    ratedStaffId: by,
    level,
    reasons: level === 'dissatisfied' || level === 'veryDissatisfied' ? ['longWait'] : [],
    ...(level ? { comment: '排队太久' } : {}),
  });
  return contactId;
}

export const messages = (e: unknown) => (e as InvalidEventError).issues.map((i) => i.message);

export async function ratingEventTypes(db: DeskDb, key: string): Promise<string[]> {
  const rows = await db.events.where('[aggregate+aggregateId]').equals(['rating', key]).toArray();
  return rows.map((r) => r.event.type).sort();
}
