import { beforeEach, describe, expect, it } from 'vitest';
import type { ContactId, StaffId } from '../../../../shared/model/ids.ts';
import type { ReferenceDoc } from '../../../../shared/model/reference.ts';
import type { RatingLevel } from '../../../../shared/model/satisfaction.ts';
import { appendEvents } from '../../../../renderer/data/append.ts';
import type { Author } from '../../../../renderer/data/author.ts';
import { deskCalendar, today } from '../../../../renderer/data/calendar.ts';
import { acceptCase, checkMaterials, completeCase, openCase } from '../../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { recordFollowUp } from '../../../../renderer/data/followUpOperations.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import { mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { readSatisfactionRates, type AllRates } from '../../../../renderer/data/satisfactionRates.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { signedInOnline } from './sessions.ts';

// The published rates (issue 13 item 7) read from a desk's real log: window ratings folded one per service, an
// appeal upheld and a duplicate left out, follow-up records counted as ratings, tasks as coverage.

const clerk = 'zhang-wei' as StaffId; // dept-window: rated at the window
const handler = 'li-na' as StaffId; // dept-hightech: handles the cases followed up
const supervisorId = 'huang-xiuying' as StaffId;
const supervisor = signedInOnline(supervisorId);
const leader = signedInOnline('he-jianguo');
let db: DeskDb;

const SUPERVISOR = {
  kind: 'staff',
  id: supervisorId,
  rev: 1,
  hlc: '000000000000002-00000-hq-huang',
  updatedAt: '2026-11-28T00:00:00.000Z',
  body: { id: supervisorId, name: '黄秀英', departmentId: 'dept-window', rank: 'sectionChief', title: '科长', roles: ['supervisor'], active: true },
} as unknown as ReferenceDoc;

async function servedContact(): Promise<ContactId> {
  return recordContact(db, clerk, { channel: 'visit', visitor: { name: '王芳' }, matter: '咨询高企认定', askedStaffIds: [] });
}

/** A rating at the window of the clerk's service (a second one on the same service is a duplicate). */
async function rate(level: RatingLevel | null, contactId?: ContactId): Promise<ContactId> {
  const id = contactId ?? (await servedContact());
  await appendEvents(db, clerk, [
    {
      type: 'rating.given',
      aggregateId: id,
      payload: { service: { kind: 'contact', id }, ratedStaffId: clerk, source: 'pad', level, reasons: [] },
    },
  ]);
  return id;
}

const step = (author: Author, type: string, aggregateId: string, payload: unknown) =>
  appendEvents(db, author, [{ type, aggregateId, payload } as never]);

async function completedCase(): Promise<string> {
  const contactId = await recordContact(db, clerk, { channel: 'visit', visitor: { name: '南阳光电有限公司' }, matter: '技术合同认定登记', askedStaffIds: [] });
  const caseId = await openCase(db, clerk, contactId, 'tech-contract');
  await checkMaterials(db, handler, caseId, [
    { materialId: 'contract-text', state: 'received' },
    { materialId: 'authorisation', state: 'received' },
  ]);
  await acceptCase(db, handler, caseId);
  await completeCase(db, handler, caseId, { outcome: 'granted', result: '已认定登记' });
  return caseId;
}

/** Each rate as "numerator/denominator" ('—' when nothing is counted), to compare with the hand-computed figures. */
const fractions = (r: AllRates) =>
  Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, v.denominator === 0 ? '—' : `${v.numerator}/${v.denominator}`]),
  );

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [SUPERVISOR]));

  // At the window, for the clerk: 非常满意, 满意, 基本满意 (not 好评), 不满意 (verified, rectified, re-rated 满意), 未评.
  const first = await rate('verySatisfied');
  await rate('satisfied');
  await rate('basicallySatisfied');
  const bad = await rate('dissatisfied');
  await rate(null);
  await step(supervisor, 'rating.verified', bad, { on: today(), means: 'phone', note: '属实，等候时间过长' });
  await step(supervisor, 'rating.rectified', bad, { mode: 'immediate', note: '增设取号提醒' });
  await step(supervisor, 'rating.feedbackGiven', bad, { on: today(), how: 'phone', newLevel: 'satisfied' });
  // 一次一评: a second rating of the first service is a duplicate, never counted.
  await rate('dissatisfied', first);
  // 申诉复核: a 非常不满意 appealed by the clerk and upheld by a leader is invalid, never counted.
  const appealed = await rate('veryDissatisfied');
  await step(clerk, 'rating.appealed', appealed, { reason: '服务对象误评，当日系统故障' });
  await step(leader, 'rating.appealDecided', appealed, { upheld: true, reason: '经核实为系统故障所致' });

  // Two cases the handler completed: one followed up (满意, on time), one not yet.
  const followed = await completedCase();
  await completedCase();
  await recordFollowUp(db, supervisor, followed, {
    means: 'phone',
    resultAsRecorded: 'yes',
    ratings: { overall: 'satisfied' },
    strong: false,
  });
});

describe('rates of a period, against hand-computed figures', () => {
  // Both tasks fall due within five working days of today: a period to the end of the year after counts them.
  const period = () => ({ from: today(), to: `${Number(today().slice(0, 4)) + 1}-12-31` });

  it('the bureau: 好评 3 of 5 rated (基本满意 is not 好评), 未评 1 of 6, the appealed and the duplicate left out', async () => {
    const report = await readSatisfactionRates(db, deskCalendar(), today(), period());
    expect(fractions(report.bureau)).toEqual({
      goodRate: '3/5', // 非常满意, 满意 (window) + 满意 (follow-up) over 5 levels given
      proactiveGoodRate: '—', // no QR rating: none given unprompted
      badRate: '1/5', // the one 不满意; the invalidated 非常不满意 and the duplicate 不满意 are not counted
      unratedRate: '1/6',
      badFollowedUpRate: '1/1',
      rectifiedRate: '1/1',
      rectificationSatisfiedRate: '1/1',
      followUpCoverage: '1/2',
      followUpOnTime: '1/2',
    });
    expect(report.bureau.goodRate.value).toBeCloseTo(0.6);
  });

  it('per staff member and per department: window ratings for the person rated, follow-ups for the handler', async () => {
    const report = await readSatisfactionRates(db, deskCalendar(), today(), period());
    const staff = Object.fromEntries(report.byStaff.map((g) => [g.id, fractions(g.rates)]));
    expect(staff[clerk]).toMatchObject({ goodRate: '2/4', badRate: '1/4', unratedRate: '1/5', followUpCoverage: '—' });
    expect(staff[handler]).toMatchObject({
      goodRate: '1/1',
      badRate: '0/1',
      badFollowedUpRate: '—',
      followUpCoverage: '1/2',
      followUpOnTime: '1/2',
    });
    const departments = Object.fromEntries(report.byDepartment.map((g) => [g.id, fractions(g.rates)]));
    expect(departments['dept-window']).toEqual(staff[clerk]);
    expect(departments['dept-hightech']).toEqual(staff[handler]);
  });

  it('counts nothing outside the period: every rate is — rather than 0 %', async () => {
    const report = await readSatisfactionRates(db, deskCalendar(), today(), { from: '2020-01-01', to: '2020-01-31' });
    expect(Object.values(fractions(report.bureau))).toEqual(Array(9).fill('—'));
    expect(report.byStaff).toEqual([]);
  });
});
