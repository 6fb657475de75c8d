import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/model/caseEvents.ts';
import type { ContactEvent } from '../../../../shared/model/contactEvents.ts';
import { foldCase } from '../../../../shared/rules/case.ts';
import { foldContact } from '../../../../shared/rules/contact.ts';
import { foldRating } from '../../../../shared/rules/rating.ts';
import { satisfactionRates, validRatingOutcomes } from '../../../../shared/rules/rates.ts';
import { caseFacts } from '../../../../shared/rules/reports/caseFacts.ts';
import { contactFacts } from '../../../../shared/rules/reports/contactFacts.ts';
import type { AggregateFacts, FactContext, ReportFact } from '../../../../shared/rules/reports/facts.ts';
import { figures, type FigureGroup } from '../../../../shared/rules/reports/figures.ts';
import { periodOf } from '../../../../shared/rules/reports/periods.ts';
import { ratingFacts } from '../../../../shared/rules/reports/ratingFacts.ts';
import { warnings } from '../../../../shared/rules/reports/warnings.ts';
import { contactEvent, contactOpened } from '../builders.ts';
import { accepted, caseEv, completed, inOrder, opened, resultNotified } from '../caseBuilders.ts';
import { calendar, given, ratingEv, SUPERVISOR } from '../followUpBuilders.ts';

// A seeded month (March 2026) of one small bureau, built through the real folds, whose figures are computed BY HAND
// below. The 2026 schedule: Mon 2026-03-30, Tue 03-31, Wed 04-01, Thu 04-02 (today), Fri 04-03, Sat 04-04 and
// Sun 04-05 rest, Mon 04-06 清明 rest, Tue 04-07 works. Departments: zhang-wei and li-na at the window
// (dept-window), liu-yang in 高新科 (dept-hightech), he-jianguo a leader (dept-leaders).
const TODAY = '2026-04-02';
const DEPARTMENTS: Record<string, string> = {
  'zhang-wei': 'dept-window',
  'li-na': 'dept-window',
  'liu-yang': 'dept-hightech',
  'he-jianguo': 'dept-leaders',
};
const ctx: FactContext = { calendar, today: TODAY, departmentOf: (id) => DEPARTMENTS[id] };
const isLeader = (id: string) => id === 'he-jianguo';

// ---- contacts -------------------------------------------------------------------------------------------------
const bj = (day: string, hm: string) => Date.parse(`${day}T${hm}:00+08:00`);
function contact(id: string, channel: string, staffId: string, day: string, hm: string, then: ContactEvent[] = []) {
  const open = contactOpened({ ms: bj(day, hm), contactId: id, staffId });
  const first = { ...open, payload: { ...open.payload, channel } } as ContactEvent;
  const state = foldContact([first, ...then], { isLeader });
  if (!state) throw new Error(id);
  return state;
}
const act = (type: ContactEvent['type'], payload: object, id: string, staffId: string, day: string, hm: string) =>
  contactEvent(type, payload as never, { ms: bj(day, hm), contactId: id, staffId });
const transferTo = (id: string, by: string, day: string, hm: string) =>
  act(
    'contact.transferred',
    {
      toDepartmentId: 'dept-hightech',
      toStaffId: 'liu-yang',
      toldApplicant: { departmentName: '高新科', handlerName: '刘洋', phone: '0377-63176320' },
    },
    id,
    by,
    day,
    hm,
  );
const answer = (id: string, by: string, day: string, hm: string) =>
  act('contact.answered', { answer: '已答复' }, id, by, day, hm);

const t3 = transferTo('C3', 'li-na', '2026-03-30', '09:10');
const t4 = transferTo('C4', 'zhang-wei', '2026-03-27', '16:10');
const t8 = transferTo('C8', 'zhang-wei', '2026-03-02', '09:05');
const t9 = transferTo('C9', 'li-na', '2026-03-03', '10:05');
const CONTACTS = [
  // C1 answered on the last day of March.
  contact('C1', 'visit', 'zhang-wei', '2026-03-31', '10:00', [answer('C1', 'zhang-wei', '2026-03-31', '10:05')]),
  // C2 came at 07:30 on 1 April in Beijing — 23:30 on 31 March in UTC: it is April's, not March's.
  contact('C2', 'visit', 'zhang-wei', '2026-04-01', '07:30', [answer('C2', 'zhang-wei', '2026-04-01', '07:35')]),
  // C3 transferred Mon 03-30, accepted Tue 03-31: by the end of the next working day, 1 working day.
  contact('C3', 'call', 'li-na', '2026-03-30', '09:00', [
    t3,
    act('contact.transferAccepted', { transferEventId: t3.eventId }, 'C3', 'liu-yang', '2026-03-31', '15:00'),
  ]),
  // C4 transferred Fri 03-27 (due Mon 03-30), accepted Wed 04-01: 3 working days, late by 2 (Tue, Wed), breach
  // from 03-31.
  contact('C4', 'call', 'zhang-wei', '2026-03-27', '16:00', [
    t4,
    act('contact.transferAccepted', { transferEventId: t4.eventId }, 'C4', 'liu-yang', '2026-04-01', '10:00'),
  ]),
  // C5 transferred Tue 03-31 (due Wed 04-01), still waiting today: judged not in time, late 1 day from 04-02.
  contact('C5', 'online', 'li-na', '2026-03-31', '17:00', [transferTo('C5', 'li-na', '2026-03-31', '17:05')]),
  // C6 registered Mon 03-30 and answered only the next morning: undisposed at the end of its day (art. 9).
  contact('C6', 'call', 'li-na', '2026-03-30', '10:00', [answer('C6', 'li-na', '2026-03-31', '09:00')]),
  // C7 escalated Tue 03-31, assigned by the leader 04-01, applicant not told yet: due 5 working days on, 04-08.
  contact('C7', 'letter', 'zhang-wei', '2026-03-31', '11:00', [
    act(
      'contact.escalated',
      { toLeaderId: 'he-jianguo', reason: '管辖不明' },
      'C7',
      'zhang-wei',
      '2026-03-31',
      '11:10',
    ),
    act('contact.assigned', { toStaffId: 'zhang-wei' }, 'C7', 'he-jianguo', '2026-04-01', '09:00'),
  ]),
  // C8 transferred on 03-02, returned the same day by liu-yang, then answered by zhang-wei: ended answered.
  contact('C8', 'call', 'zhang-wei', '2026-03-02', '09:00', [
    t8,
    act(
      'contact.transferReturned',
      { transferEventId: t8.eventId, reason: '非本科职责' },
      'C8',
      'liu-yang',
      '2026-03-02',
      '11:00',
    ),
    answer('C8', 'zhang-wei', '2026-03-02', '14:00'),
  ]),
  // C9 transferred Tue 03-03 (due Wed 03-04), accepted Thu 03-05: 2 working days, late 1, breach from 03-05.
  contact('C9', 'call', 'li-na', '2026-03-03', '10:00', [
    t9,
    act('contact.transferAccepted', { transferEventId: t9.eventId }, 'C9', 'liu-yang', '2026-03-05', '10:00'),
  ]),
];

// ---- cases (all promised 5 working days) ----------------------------------------------------------------------
const HANDLER = { staffId: 'liu-yang' };
function kase(id: string, events: CaseEvent[]) {
  const state = foldCase(
    inOrder(events).map((e) => ({ ...e, aggregateId: id }) as CaseEvent),
    { isLeader },
  );
  if (!state) throw new Error(id);
  return state;
}
const k4Extension = caseEv(
  'case.extensionRequested',
  { days: 5, reason: '需专家评审' },
  { on: '2026-03-30', ...HANDLER },
);
const k6Proposal = caseEv(
  'case.rejectionProposed',
  { reason: '  ', legalBasis: '  ', toLeaderId: 'he-jianguo' },
  { on: '2026-03-10', staffId: 'zhang-wei' },
);
const CASES = [
  // K1 accepted Tue 03-24, due Tue 03-31 (25,26,27,30,31), completed and told on 03-31: on time, in March.
  kase('K1', [
    opened('2026-03-24'),
    accepted('2026-03-24', {}, HANDLER),
    completed('2026-03-31'),
    resultNotified('2026-03-31'),
  ]),
  // K2 accepted Mon 03-16, due Mon 03-23, completed and told Wed 03-25: late by 2, both from 03-24.
  kase('K2', [
    opened('2026-03-16'),
    accepted('2026-03-16', {}, HANDLER),
    completed('2026-03-25'),
    resultNotified('2026-03-25'),
  ]),
  // K3 accepted Mon 03-02, due Mon 03-09, still running: overdue from 03-10, 18 working days by 04-02.
  kase('K3', [opened('2026-03-02'), accepted('2026-03-02', {}, HANDLER)]),
  // K4 accepted Thu 03-26 (due 04-02), 5 days more asked and approved 03-30: due Fri 04-10 (04-06 is 清明).
  kase('K4', [
    opened('2026-03-26'),
    accepted('2026-03-26', {}, HANDLER),
    k4Extension,
    caseEv(
      'case.extensionDecided',
      { requestEventId: k4Extension.eventId, decision: 'approved' },
      { on: '2026-03-30', staffId: 'he-jianguo' },
    ),
  ]),
  // K5 received Wed 03-25 with a material missing, told at once, accepted Fri 03-27: due Fri 04-03, 1 day left.
  kase('K5', [
    opened('2026-03-25'),
    caseEv('case.materialsChecked', { checks: [{ materialId: 'm1', state: 'missing' }] }, { on: '2026-03-25' }),
    caseEv('case.supplementRequested', { requestedOn: '2026-03-25', materialIds: ['m1'] }, { on: '2026-03-25' }),
    accepted('2026-03-27', {}, HANDLER),
  ]),
  // K6 received 03-10 by zhang-wei, a "no" with a blank reason and basis approved 03-11 (an old log).
  kase('K6', [
    opened('2026-03-10'),
    k6Proposal,
    caseEv('case.rejectionReviewed', { decision: 'approved' }, { on: '2026-03-11', staffId: 'he-jianguo' }),
  ]),
];

// ---- ratings of liu-yang's work -------------------------------------------------------------------------------
function rating(
  key: string,
  on: string,
  level: string | null,
  extra: Record<string, unknown> = {},
  steps: ReturnType<typeof ratingEv>[] = [],
) {
  const state = foldRating([given(on, level, extra, { on, aggregateId: key }), ...steps]);
  if (!state) throw new Error(key);
  return state;
}
const step = (
  key: string,
  type: 'rating.verified' | 'rating.rectified' | 'rating.feedbackGiven',
  on: string,
  payload: object,
) => ratingEv(type, payload as never, { on, staffId: SUPERVISOR, aggregateId: key });
const RATINGS = [
  rating('R1', '2026-03-10', 'verySatisfied'),
  rating('R2', '2026-03-11', 'satisfied', { source: 'qr' }),
  rating('R3', '2026-03-12', 'basicallySatisfied'),
  rating('R4', '2026-03-13', null),
  // R5 差评 16 March (due Mon 03-23): verified, rectified, told, now 满意 — closed in time.
  rating('R5', '2026-03-16', 'dissatisfied', {}, [
    step('R5', 'rating.verified', '2026-03-17', { on: '2026-03-17', means: 'phone', note: '已核实' }),
    step('R5', 'rating.rectified', '2026-03-18', { mode: 'immediate', note: '已整改' }),
    step('R5', 'rating.feedbackGiven', '2026-03-19', { on: '2026-03-19', how: 'phone', newLevel: 'satisfied' }),
  ]),
  // R6 差评 Fri 03-20 (due Fri 03-27), nothing done: late from 03-28, 4 working days by 04-02.
  rating('R6', '2026-03-20', 'veryDissatisfied'),
];

const derived: AggregateFacts[] = [
  ...CONTACTS.map((s) => contactFacts(s, ctx)),
  ...CASES.map((s) => caseFacts(s, ctx)),
  ...RATINGS.map((s) => ratingFacts(s, ctx)),
];
const FACTS: ReportFact[] = derived.flatMap((a) => a.facts);
const MARCH = periodOf('month', '2026-03-15');
const group = (groups: FigureGroup[], g: string) => {
  const found = groups.find((x) => x.group === g);
  if (!found) throw new Error(`no group ${g}`);
  return found.figures;
};
/** [numerator, denominator] of a figure. */
const nd = (f: { numerator: number; denominator: number }) => [f.numerator, f.denominator];

describe('supervision report facts of a seeded March 2026 (art. 4)', () => {
  it('holds no personal data: only ids, days, codes and numbers', () => {
    const text = JSON.stringify(FACTS);
    for (const personal of ['李明', '13800138000', '咨询', '管辖不明', '非本科职责', '已答复', '刘洋', '需专家评审']) {
      expect(text).not.toContain(personal);
    }
  });

  it('dates a contact by its Beijing day, not the UTC one', () => {
    const c2 = FACTS.find((f) => f.id === 'C2');
    expect(c2).toMatchObject({ kind: 'contact', day: '2026-04-01', staffId: 'zhang-wei', departmentId: 'dept-window' });
  });

  it('knows which aggregates can still change with the date alone', () => {
    const settled = Object.fromEntries(derived.map((a) => [a.recordId, a.settled]));
    // Ended and past their day: C1, C2, C6, C8; a transfer accepted leaves the handler's matter open (C3, C4, C9).
    expect(settled).toMatchObject({
      C1: true,
      C2: true,
      C6: true,
      C8: true,
      C3: false,
      C4: false,
      C5: false,
      C7: false,
    });
    // K1 completed and told; K2 completed and told (late, but final); K6 rejected; K3–K5 running.
    expect(settled).toMatchObject({ K1: true, K2: true, K6: true, K3: false, K4: false, K5: false });
    // R5 closed; R6 still owed; R1–R4 are no 差评.
    expect(settled).toMatchObject({ R1: true, R4: true, R5: true, R6: false });
  });

  it('records the transfer times and the extension with the leader who approved it', () => {
    expect(FACTS.find((f) => f.id === t4.eventId)).toMatchObject({
      kind: 'transfer',
      outcome: 'accepted',
      dueOn: '2026-03-30',
      acceptedOn: '2026-04-01',
      workingDaysToAccept: 3,
      acceptedWithinNextWorkingDay: false,
      staffId: 'liu-yang',
      departmentId: 'dept-hightech',
    });
    expect(FACTS.find((f) => f.id === k4Extension.eventId)).toMatchObject({
      kind: 'extension',
      decision: 'approved',
      approvedBy: 'he-jianguo',
      decidedOn: '2026-03-30',
      counts: true,
      days: 5,
    });
    expect(FACTS.find((f) => f.id === 'K4')).toMatchObject({
      kind: 'case',
      dueOn: '2026-04-10',
      extensionsApproved: 1,
    });
  });
});

describe('figures of March 2026, checked by hand', () => {
  it('counts contacts per staff member by channel, ending and undisposed at day end', () => {
    const byStaff = figures(FACTS, MARCH, 'staff');
    // zhang-wei: C1 (visit, answered), C4 (call, transferred), C7 (letter, escalated), C8 (call, answered) — C2 is April's.
    const zw = group(byStaff, 'zhang-wei');
    expect(nd(zw['contacts.total'])).toEqual([4, 4]);
    expect(nd(zw['contacts.channel.call'])).toEqual([2, 4]);
    expect(nd(zw['contacts.channel.visit'])).toEqual([1, 4]);
    expect(nd(zw['contacts.ending.answered'])).toEqual([2, 4]);
    expect(zw['contacts.ending.answered'].factIds).toEqual(['C1', 'C8']);
    expect(nd(zw['contacts.ending.transferred'])).toEqual([1, 4]);
    expect(nd(zw['contacts.ending.escalated'])).toEqual([1, 4]);
    expect(nd(zw['contacts.undisposedAtDayEnd'])).toEqual([0, 4]);
    // li-na: C3, C5, C9 transferred (C5 still waiting), C6 answered the day after.
    const ln = group(byStaff, 'li-na');
    expect(nd(ln['contacts.ending.transferred'])).toEqual([3, 4]);
    expect(nd(ln['contacts.undisposedAtDayEnd'])).toEqual([1, 4]);
    expect(ln['contacts.undisposedAtDayEnd'].factIds).toEqual(['C6']);
    expect(nd(ln['contacts.channel.online'])).toEqual([1, 4]);
  });

  it('counts transfers against the receiving handler: in time, working days to accept, returns', () => {
    const hightech = group(figures(FACTS, MARCH, 'department'), 'dept-hightech');
    // Judged: C3 (in time), C4 (late), C5 (waiting past 04-01), C9 (late) → 1 of 4; C8's return is not a sending.
    expect(nd(hightech['transfers.acceptedInTime'])).toEqual([1, 4]);
    // Accepted: C3 1, C4 3, C9 2 working days → sum 6 of 3, mean 2, median 2.
    const days = hightech['transfers.workingDaysToAccept'];
    expect([days.numerator, days.denominator, days.rate, days.median]).toEqual([6, 3, 2, 2]);
    // Returned: C8's, of the 5 transfer rows (4 sent + 1 returned).
    expect(nd(hightech['transfers.returned'])).toEqual([1, 5]);
    expect(hightech['transfers.returned'].factIds).toEqual([
      FACTS.find((f) => f.kind === 'transfer' && f.outcome === 'returned')!.id,
    ]);
  });

  it('computes the case figures per department, a case ended on 31 March counting in March', () => {
    const byDept = figures(FACTS, MARCH, 'department');
    const hightech = group(byDept, 'dept-hightech');
    // Received in March by liu-yang: K1 03-24, K2 03-16, K3 03-02, K4 03-26, K5 03-25.
    expect(nd(hightech['cases.received'])).toEqual([5, 5]);
    expect(nd(hightech['cases.overdueNow'])).toEqual([1, 5]); // K3
    expect(nd(hightech['cases.everOverdue'])).toEqual([2, 5]); // K2, K3
    expect(nd(hightech['cases.extended'])).toEqual([1, 5]); // K4
    expect(nd(hightech['cases.supplementNotice'])).toEqual([1, 5]); // K5
    expect(nd(hightech['cases.paused'])).toEqual([0, 5]);
    // 按时办结率: completed in March K1 (on time, 31 March) and K2 (late) → 1 of 2; result told in time the same.
    expect(nd(hightech['cases.onTime'])).toEqual([1, 2]);
    expect(hightech['cases.onTime'].rate).toBe(0.5);
    expect(hightech['cases.onTime'].factIds).toEqual(['K1']);
    expect(nd(hightech['cases.resultNotifiedInTime'])).toEqual([1, 2]);
    expect(nd(hightech['cases.rejected'])).toEqual([0, 2]);
    expect(nd(hightech['extensions.approved'])).toEqual([1, 1]);
    // dept-window: K6, received and rejected in March; nothing completed, so 按时办结率 is 0 of 0 — no rate.
    const window = group(byDept, 'dept-window');
    expect(nd(window['cases.rejected'])).toEqual([1, 1]);
    expect(window['cases.onTime']).toMatchObject({ numerator: 0, denominator: 0, rate: null });
    // April holds K1's ending no more.
    const april = group(figures(FACTS, periodOf('month', TODAY), 'bureau'), 'bureau');
    expect(nd(april['cases.onTime'])).toEqual([0, 0]);
  });

  it('computes the rating rates as rates.ts does', () => {
    const ly = group(figures(FACTS, MARCH, 'staff'), 'liu-yang');
    // Rated R1 R2 R3 R5 R6 (R4 declined): 好评 R1 R2 → 2/5; 差评 R5 R6 → 2/5; 未评 1/6; by QR only R2, 好评 → 1/1;
    // 差评回访 R5 → 1/2; 整改 R5 → 1/2; 整改满意 R5 (now 满意) → 1/1.
    expect(nd(ly['ratings.goodRate'])).toEqual([2, 5]);
    expect(nd(ly['ratings.badRate'])).toEqual([2, 5]);
    expect(nd(ly['ratings.unratedRate'])).toEqual([1, 6]);
    expect(nd(ly['ratings.proactiveGoodRate'])).toEqual([1, 1]);
    expect(nd(ly['ratings.badFollowedUpRate'])).toEqual([1, 2]);
    expect(nd(ly['ratings.rectifiedRate'])).toEqual([1, 2]);
    expect(nd(ly['ratings.rectificationSatisfiedRate'])).toEqual([1, 1]);
    const rates = satisfactionRates(validRatingOutcomes(RATINGS));
    for (const [name, r] of Object.entries(rates)) {
      const f = ly[`ratings.${name}` as keyof typeof ly];
      expect([name, f.numerator, f.denominator]).toEqual([name, r.numerator, r.denominator]);
    }
  });

  it('adds up: the bureau is the sum of its departments and of its staff', () => {
    const bureau = group(figures(FACTS, MARCH, 'bureau'), 'bureau');
    expect(nd(bureau['contacts.total'])).toEqual([8, 8]);
    expect(nd(bureau['cases.received'])).toEqual([6, 6]);
    for (const by of ['department', 'staff'] as const) {
      const groups = figures(FACTS, MARCH, by);
      for (const key of Object.keys(bureau) as (keyof typeof bureau)[]) {
        const sum = groups.reduce(
          (s, g) => [s[0]! + g.figures[key].numerator, s[1]! + g.figures[key].denominator],
          [0, 0],
        );
        expect([key, ...sum]).toEqual([key, bureau[key].numerator, bureau[key].denominator]);
      }
    }
  });

  it('counts the week Monday to Sunday', () => {
    // 30 March – 5 April: C1 C2 C3 C5 C6 C7 registered; transfers C3 (in time) and C5 (late).
    const week = group(figures(FACTS, periodOf('week', TODAY), 'bureau'), 'bureau');
    expect(nd(week['contacts.total'])).toEqual([6, 6]);
    expect(nd(week['transfers.acceptedInTime'])).toEqual([1, 2]);
  });
});

describe('warnings (预警 / 黄牌 / 红牌), checked by hand', () => {
  it('raises the March cards with the article and the rule that raised each', () => {
    const cards = warnings(FACTS, MARCH, { calendar, today: TODAY });
    const brief = cards.map((c) => [c.level, c.rule, c.code, c.article, c.recordId, c.staffId, c.day, c.days]);
    expect(brief).toEqual([
      ['red', 'lateBeyond', 'overdue', 'art. 18(1)', 'K3', 'liu-yang', '2026-03-10', 18],
      ['red', 'noReason', 'refusalWithoutReason', 'art. 11', 'K6', 'zhang-wei', '2026-03-11', 0],
      ['red', 'lateBeyond', 'rectificationLate', 'art. 30', 'R6', 'liu-yang', '2026-03-28', 4],
      // liu-yang was late accepting C9 on 03-05: C4's lateness on 03-31 is a repeat within 30 days.
      ['red', 'repeated', 'transferLate', 'art. 8(3)', 'C4', 'liu-yang', '2026-03-31', 2],
      ['yellow', 'lateWithin', 'transferLate', 'art. 8(3)', 'C9', 'liu-yang', '2026-03-05', 1],
      ['yellow', 'lateWithin', 'completedLate', 'art. 18(1)', 'K2', 'liu-yang', '2026-03-24', 2],
      ['yellow', 'lateWithin', 'resultNotifiedLate', 'art. 18(3)', 'K2', 'liu-yang', '2026-03-24', 2],
    ]);
  });

  it('warns this week of what is due within two working days, and nothing for a past month', () => {
    const cards = warnings(FACTS, periodOf('week', TODAY), { calendar, today: TODAY });
    // K5 is due Fri 04-03 (1 left); K4 (04-10, 5 left) and C7's answer (04-08, 3 left) are not yet warned of.
    expect(cards.filter((c) => c.level === 'warning').map((c) => [c.code, c.recordId, c.day, c.days])).toEqual([
      ['caseDue', 'K5', '2026-04-03', 1],
    ]);
    // C5 waiting since 04-01's due day: late 1 day from 04-02, liu-yang's third transferLate in 30 days.
    expect(cards.filter((c) => c.code === 'transferLate').map((c) => [c.recordId, c.level, c.rule])).toEqual([
      ['C4', 'red', 'repeated'],
      ['C5', 'red', 'repeated'],
    ]);
    expect(warnings(FACTS, MARCH, { calendar, today: TODAY }).some((c) => c.level === 'warning')).toBe(false);
  });
});
