import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/model/caseEvents.ts';
import type { ContactEvent } from '../../../../shared/model/contactEvents.ts';
import { foldCase } from '../../../../shared/rules/case.ts';
import { foldContact } from '../../../../shared/rules/contact.ts';
import { foldRating } from '../../../../shared/rules/rating.ts';
import { caseFacts } from '../../../../shared/rules/reports/caseFacts.ts';
import { contactFacts, firstDisposedOn } from '../../../../shared/rules/reports/contactFacts.ts';
import {
  UNKNOWN_DEPARTMENT,
  type BreachFact,
  type FactContext,
  type ReportFact,
} from '../../../../shared/rules/reports/facts.ts';
import { figures } from '../../../../shared/rules/reports/figures.ts';
import { periodOf } from '../../../../shared/rules/reports/periods.ts';
import { ratingFacts } from '../../../../shared/rules/reports/ratingFacts.ts';
import { warnings } from '../../../../shared/rules/reports/warnings.ts';
import { contactEvent, contactOpened } from '../builders.ts';
import { accepted, caseEv, completed, inOrder, opened, resultNotified } from '../caseBuilders.ts';
import { calendar, given } from '../followUpBuilders.ts';

// The rows' ids, articles and "still growing" flags one by one, and the orders a report is read in. 2026: Mon 03-02 …
// Thu 04-02 is today; 04-04 to 04-06 rest (清明).
const TODAY = '2026-04-02';
const ctx: FactContext = { calendar, today: TODAY, departmentOf: (id) => `dept-of-${id}` };
const bj = (day: string, hm = '10:00') => Date.parse(`${day}T${hm}:00+08:00`);
const ev = (type: ContactEvent['type'], payload: object, day: string, staffId = 'clerk', hm = '11:00') =>
  contactEvent(type, payload as never, { ms: bj(day, hm), contactId: 'C', staffId });
const contact = (day: string, then: ContactEvent[] = []) =>
  foldContact([contactOpened({ ms: bj(day), contactId: 'C', staffId: 'clerk' }), ...then], {
    isLeader: (id) => id === 'boss',
  })!;
const transferred = (day: string, hm = '11:00') =>
  ev(
    'contact.transferred',
    {
      toDepartmentId: 'd2',
      toStaffId: 'handler',
      toldApplicant: { departmentName: '科', handlerName: '某', phone: '0377-1' },
    },
    day,
    'clerk',
    hm,
  );
const kase = (events: CaseEvent[]) => foldCase(inOrder(events), { isLeader: (id) => id === 'he-jianguo' })!;
const H = { staffId: 'liu-yang' };
const pick = (facts: readonly ReportFact[], kind: string, code?: string) =>
  facts.filter((f) => f.kind === kind && (code === undefined || ('code' in f && f.code === code)));

describe('contact rows, one by one', () => {
  it('names each row it adds by a stable id', () => {
    const transfer = transferred('2026-04-01');
    const { facts } = contactFacts(contact('2026-04-01', [transfer]), ctx);
    // Sent 04-01, due 04-02 (today): still in time — not judged on its due day.
    expect(facts.map((f) => f.id)).toEqual(['C', transfer.eventId, `${transfer.eventId}:due`]);
    expect(facts[1]).not.toHaveProperty('acceptedWithinNextWorkingDay');
    const late = contactFacts(contact('2026-03-30', [transferred('2026-03-30')]), ctx).facts;
    expect(late.map((f) => f.id).at(-1)).toMatch(/:transferLate$/);
    expect(late.at(-1)).toMatchObject({ ongoing: true, article: 'art. 8(3)' });
  });

  it('waits for the applicant to be told after a leader decided, and names the escalation rows', () => {
    const escalation = ev('contact.escalated', { toLeaderId: 'boss', reason: '管辖不明' }, TODAY);
    const decided = contactFacts(
      contact(TODAY, [escalation, ev('contact.assigned', { toStaffId: 'clerk' }, TODAY, 'boss', '12:00')]),
      ctx,
    );
    expect(pick(decided.facts, 'due')).toEqual([
      {
        kind: 'due',
        id: `${escalation.eventId}:due`,
        recordId: 'C',
        day: '2026-04-10',
        staffId: 'clerk',
        departmentId: 'dept-of-clerk',
        code: 'escalationAnswer',
        article: 'art. 12',
      },
    ]);
    expect(pick(decided.facts, 'escalation')[0]).toMatchObject({ outcome: 'pending' });
    const old = ev('contact.escalated', { toLeaderId: 'boss', reason: '管辖不明' }, '2026-03-02');
    const late = contactFacts(
      contact('2026-03-02', [old, ev('contact.assigned', { toStaffId: 'clerk' }, '2026-03-03', 'boss')]),
      ctx,
    );
    expect(pick(late.facts, 'breach').map((f) => [f.id, 'ongoing' in f && f.ongoing])).toEqual([
      [`${old.eventId}:escalationLate`, true],
    ]);
  });

  it('takes the earliest act as the first disposition, wherever it stands', () => {
    // Transferred 03-02, accepted 03-03, then the handler escalated it 03-04.
    const transfer = transferred('2026-03-02');
    const state = contact('2026-03-02', [
      transfer,
      ev('contact.transferAccepted', { transferEventId: transfer.eventId }, '2026-03-03', 'handler'),
      ev('contact.escalated', { toLeaderId: 'boss', reason: '管辖不明' }, '2026-03-04', 'handler'),
    ]);
    expect(firstDisposedOn(state)).toBe('2026-03-02');
  });

  it('takes a reason of blanks for no reason', () => {
    const refusal = ev('contact.refusalProposed', { toLeaderId: 'boss', reason: '  ', basis: '某办法' }, '2026-03-02');
    const { facts } = contactFacts(contact('2026-03-02', [refusal]), ctx);
    expect(pick(facts, 'breach')).toEqual([
      {
        kind: 'breach',
        id: `${refusal.eventId}:refusalWithoutReason`,
        recordId: 'C',
        day: '2026-03-02',
        staffId: 'clerk',
        departmentId: 'dept-of-clerk',
        code: 'refusalWithoutReason',
        article: 'art. 8(2)',
        days: 0,
        ongoing: false,
      },
    ]);
  });
});

describe('case rows, one by one', () => {
  it('names the rows of a late running case, which grows and is due no more', () => {
    // Accepted 03-02 (due 03-09), running: overdue from 03-10, still growing; the clock runs.
    const state = kase([opened('2026-03-02'), accepted('2026-03-02', {}, H)]);
    const { facts, settled } = caseFacts(state, ctx);
    expect(facts.map((f) => f.id)).toEqual([state.caseId, `${state.caseId}:overdue`]);
    expect(facts[0]).toMatchObject({
      clock: true,
      overdueNow: true,
      everOverdue: true,
      dueOn: '2026-03-09',
      resultNotice: 'pending',
    });
    expect(facts[0]).not.toHaveProperty('onTime');
    expect(facts[1]).toMatchObject({ ongoing: true, days: 18 });
    expect(settled).toBe(false);
  });

  it('keeps an overdue case withdrawn as ever overdue, not overdue now', () => {
    const state = kase([
      opened('2026-03-02'),
      accepted('2026-03-02', {}, H),
      caseEv('case.withdrawn', { on: '2026-03-16', how: 'written' }, { on: '2026-03-16', ...H }),
    ]);
    const { facts, settled } = caseFacts(state, ctx);
    expect(facts[0]).toMatchObject({
      ending: 'withdrawn',
      endedOn: '2026-03-16',
      overdueNow: false,
      everOverdue: true,
    });
    expect(facts[0]).not.toHaveProperty('resultNotice');
    expect(facts[1]).toMatchObject({ code: 'overdue', ongoing: false, days: 5 });
    expect(settled).toBe(true);
  });

  it('grows only the breach of the step the case is at (art. 16)', () => {
    // Accepted Thu 03-26; step 0 (2 days) due Mon 03-30, left 03-31 (1 day over); step 1 (1 day) due 04-01, over.
    const state = kase([
      opened('2026-03-26'),
      accepted('2026-03-26', {}, H),
      caseEv('case.stepAdvanced', { toStep: 1 }, { on: '2026-03-31', ...H }),
    ]);
    const stepsOf = () => [
      { name: '审查', limitDays: 2 },
      { name: '决定', limitDays: 1 },
    ];
    const { facts } = caseFacts(state, { ...ctx, stepsOf });
    expect(pick(facts, 'breach').map((f) => [f.id, 'ongoing' in f && f.ongoing])).toEqual([
      [`${state.caseId}:stepOverdue:0`, false],
      [`${state.caseId}:stepOverdue:1`, true],
    ]);
  });

  it('grows a supplement notice still owed, and stops it once the materials came in (art. 11)', () => {
    const owed = caseFacts(
      kase([
        opened('2026-04-01'),
        caseEv('case.materialsChecked', { checks: [{ materialId: 'm', state: 'missing' }] }, { on: '2026-04-01' }),
      ]),
      ctx,
    );
    expect(pick(owed.facts, 'breach', 'supplementNotImmediate')[0]).toMatchObject({ ongoing: true, day: '2026-04-02' });
    const cameIn = caseFacts(
      kase([
        opened('2026-03-30'),
        caseEv('case.materialsChecked', { checks: [{ materialId: 'm', state: 'missing' }] }, { on: '2026-03-30' }),
        caseEv('case.materialsChecked', { checks: [{ materialId: 'm', state: 'received' }] }, { on: '2026-03-31' }),
      ]),
      ctx,
    );
    expect(pick(cameIn.facts, 'breach', 'supplementNotImmediate')[0]).toMatchObject({ ongoing: false });
    // Told the day after receipt: late for good, not growing.
    const toldLate = caseFacts(
      kase([
        opened('2026-03-30'),
        caseEv('case.materialsChecked', { checks: [{ materialId: 'm', state: 'missing' }] }, { on: '2026-03-30' }),
        caseEv('case.supplementRequested', { requestedOn: '2026-03-31', materialIds: ['m'] }, { on: '2026-03-31' }),
      ]),
      ctx,
    );
    expect(pick(toldLate.facts, 'breach', 'supplementNotImmediate')[0]).toMatchObject({ ongoing: false, days: 1 });
    const leftForReview = caseFacts(
      kase([
        opened('2026-03-20', { intake: 'leftForReview' }),
        caseEv('case.materialsChecked', { checks: [{ materialId: 'm', state: 'missing' }] }, { on: '2026-03-20' }),
      ]),
      ctx,
    );
    expect(pick(leftForReview.facts, 'breach', 'supplementLate')[0]).toMatchObject({
      ongoing: true,
      article: 'art. 11',
    });
  });

  it('says which of reason and legal basis a 不予受理 lacks, and names that row', () => {
    const rejected = (reason: string, legalBasis: string) => {
      const state = kase([
        opened('2026-03-10'),
        caseEv('case.rejectionProposed', { reason, legalBasis, toLeaderId: 'he-jianguo' }, { on: '2026-03-10' }),
        caseEv('case.rejectionReviewed', { decision: 'approved' }, { on: '2026-03-11', staffId: 'he-jianguo' }),
      ]);
      return pick(caseFacts(state, ctx).facts, 'breach').map((f) => [
        f.id.replace(state.caseId, 'K'),
        f.day,
        'article' in f && f.article,
      ]);
    };
    expect(rejected('不符合条件', '某办法')).toEqual([]);
    expect(rejected('不符合条件', ' ')).toEqual([['K:refusalWithoutReason', '2026-03-11', 'art. 11']]);
    expect(rejected(' ', '某办法')).toEqual([['K:refusalWithoutReason', '2026-03-11', 'art. 11']]);
  });

  it('names a result notice due and keeps a completed, told case final with breaches that no longer grow', () => {
    const dueState = kase([opened('2026-03-26'), accepted('2026-03-26', {}, H), completed('2026-04-01')]);
    expect(pick(caseFacts(dueState, ctx).facts, 'due')).toEqual([
      {
        kind: 'due',
        id: `${dueState.caseId}:resultNotice`,
        recordId: dueState.caseId,
        day: TODAY,
        staffId: 'liu-yang',
        departmentId: 'dept-of-liu-yang',
        code: 'resultNotice',
        article: 'art. 18(3)',
      },
    ]);
    // Accepted 03-16 (due 03-23), completed and told 03-25: both late by 2, neither growing.
    const told = caseFacts(
      kase([
        opened('2026-03-16'),
        accepted('2026-03-16', {}, H),
        completed('2026-03-25'),
        resultNotified('2026-03-25'),
      ]),
      ctx,
    );
    expect(pick(told.facts, 'breach').map((f) => 'ongoing' in f && f.ongoing)).toEqual([false, false]);
    expect(told.facts[0]).toMatchObject({ onTime: false, resultNotice: 'late', overdueNow: false, everOverdue: true });
    expect(told.settled).toBe(true);
    // The case due today while running is due, not late; a request not yet decided is pending and counts nothing.
    const request = caseEv('case.extensionRequested', { days: 2, reason: '需评审' }, { on: '2026-03-30', ...H });
    const running = caseFacts(kase([opened('2026-03-26'), accepted('2026-03-26', {}, H), request]), ctx);
    expect(pick(running.facts, 'due').map((f) => f.id)).toEqual([`${running.recordId}:caseDue`]);
    expect(pick(running.facts, 'extension')).toEqual([
      {
        kind: 'extension',
        id: request.eventId,
        recordId: running.recordId,
        day: '2026-03-30',
        staffId: 'liu-yang',
        departmentId: 'dept-of-liu-yang',
        days: 2,
        decision: 'pending',
        counts: false,
      },
    ]);
  });
});

describe('rating rows, one by one', () => {
  it('gives a rating with no 差评 no rectification at all', () => {
    const { facts, settled } = ratingFacts(
      foldRating([given('2026-03-02', 'satisfied', {}, { on: '2026-03-02', aggregateId: 'R' })])!,
      ctx,
    );
    expect(facts).toEqual([
      {
        kind: 'rating',
        id: 'R',
        recordId: 'R',
        day: '2026-03-02',
        staffId: 'liu-yang',
        departmentId: 'dept-of-liu-yang',
        counted: true,
        level: 'satisfied',
        unprompted: false,
        verified: false,
        rectified: false,
      },
    ]);
    expect(settled).toBe(true);
  });

  it('names the rectification rows', () => {
    const bad = foldRating([given('2026-03-30', 'dissatisfied', {}, { on: '2026-03-30', aggregateId: 'R' })])!;
    expect(ratingFacts(bad, ctx).facts.map((f) => f.id)).toEqual(['R', 'R:rectification']);
    const late = ratingFacts(bad, { ...ctx, today: '2026-04-20' });
    expect(late.facts.map((f) => f.id)).toEqual(['R', 'R:rectificationLate']);
    expect(late.settled).toBe(false);
  });
});

describe('the orders a report is read in', () => {
  const breach = (id: string, day: string, staffId: string, days = 1): BreachFact => ({
    kind: 'breach',
    id,
    recordId: id,
    day,
    departmentId: 'd',
    staffId,
    code: 'overdue',
    article: 'art. 18(1)',
    days,
    ongoing: false,
  });

  it('sorts cards of one level by day, then by fact id', () => {
    const facts = [
      breach('z', '2026-04-02', 's1'),
      breach('b', '2026-04-01', 's2'),
      breach('a', '2026-04-01', 's3'),
      breach('c', '2026-04-01', 's4'),
    ];
    expect(warnings(facts, periodOf('month', TODAY), { calendar, today: TODAY }).map((c) => c.factId)).toEqual([
      'a',
      'b',
      'c',
      'z',
    ]);
    expect(
      warnings([...facts].reverse(), periodOf('month', TODAY), { calendar, today: TODAY }).map((c) => c.factId),
    ).toEqual(['a', 'b', 'c', 'z']);
  });

  it('lists groups in id order, drill-down ids sorted, and values with nothing to count as no median', () => {
    const facts = [breach('z', '2026-04-02', 's2'), breach('b', '2026-04-01', 's1')];
    const contacts: ReportFact[] = [
      {
        kind: 'contact',
        id: 'c2',
        recordId: 'c2',
        day: TODAY,
        departmentId: 'd',
        staffId: 's2',
        channel: 'call',
        ending: 'answered',
        undisposedAtDayEnd: false,
      },
      {
        kind: 'contact',
        id: 'c1',
        recordId: 'c1',
        day: TODAY,
        departmentId: 'd',
        staffId: 's2',
        channel: 'call',
        ending: 'answered',
        undisposedAtDayEnd: false,
      },
      {
        kind: 'contact',
        id: 'c0',
        recordId: 'c0',
        day: TODAY,
        departmentId: 'd',
        staffId: 's1',
        channel: 'visit',
        ending: 'answered',
        undisposedAtDayEnd: false,
      },
    ];
    const groups = figures([...facts, ...contacts], periodOf('month', TODAY), 'staff');
    expect(groups.map((g) => g.group)).toEqual(['s1', 's2']);
    expect(groups[1]!.figures['contacts.channel.call'].factIds).toEqual(['c1', 'c2']);
    expect(groups[1]!.figures['transfers.workingDaysToAccept']).toMatchObject({
      numerator: 0,
      denominator: 0,
      rate: null,
      median: null,
    });
    expect(UNKNOWN_DEPARTMENT).toBe('-');
  });
});
