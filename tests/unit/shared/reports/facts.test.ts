import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/model/caseEvents.ts';
import type { ContactEvent } from '../../../../shared/model/contactEvents.ts';
import { foldCase } from '../../../../shared/rules/case.ts';
import { foldContact } from '../../../../shared/rules/contact.ts';
import { foldRating } from '../../../../shared/rules/rating.ts';
import { caseFacts } from '../../../../shared/rules/reports/caseFacts.ts';
import { contactEnding, contactFacts, firstDisposedOn } from '../../../../shared/rules/reports/contactFacts.ts';
import { UNKNOWN_DEPARTMENT, type FactContext, type ReportFact } from '../../../../shared/rules/reports/facts.ts';
import { figures } from '../../../../shared/rules/reports/figures.ts';
import { periodOf } from '../../../../shared/rules/reports/periods.ts';
import { ratingFacts } from '../../../../shared/rules/reports/ratingFacts.ts';
import { contactEvent, contactOpened } from '../builders.ts';
import { accepted, caseEv, completed, inOrder, opened } from '../caseBuilders.ts';
import { calendar, given, HANDLER, ratingEv, SUPERVISOR } from '../followUpBuilders.ts';

// Each rule of the fact rows at its edges, through the real folds. Days are Beijing days of 2026: Mon 03-02 …,
// Thu 04-02 is today, Fri 04-03, 04-04 to 04-06 rest (清明), Tue 04-07.
const TODAY = '2026-04-02';
const ctx: FactContext = {
  calendar,
  today: TODAY,
  departmentOf: (id) => (id === 'nobody' ? undefined : `dept-of-${id}`),
};
const isLeader = (id: string) => id === 'boss';
const bj = (day: string, hm = '10:00') => Date.parse(`${day}T${hm}:00+08:00`);
const ev = (type: ContactEvent['type'], payload: object, day: string, staffId = 'clerk', hm = '11:00') =>
  contactEvent(type, payload as never, { ms: bj(day, hm), contactId: 'C', staffId });
function contact(day: string, then: ContactEvent[] = [], staffId = 'clerk') {
  const state = foldContact([contactOpened({ ms: bj(day), contactId: 'C', staffId }), ...then], { isLeader });
  if (!state) throw new Error('no contact');
  return state;
}
const kinds = (facts: readonly ReportFact[]) =>
  facts.map((f) => (f.kind === 'breach' || f.kind === 'due' ? `${f.kind}:${f.code}` : f.kind));

describe('contact facts (art. 7–9, 12)', () => {
  it('names how the matter left the first-inquiry person: each art. 8 way', () => {
    const referral = {
      agencyId: 'agency-1',
      toldApplicant: { agencyName: '市场监管局', phone: '0377-12345678', address: '某路1号' },
      explanation: '不属本局职责',
    };
    const refusal = { toLeaderId: 'boss', reason: '不符合条件', basis: '某办法第三条' };
    expect(contactEnding(contact('2026-03-02', [ev('contact.referred', referral, '2026-03-02')]))).toBe('referred');
    expect(contactEnding(contact('2026-03-02', [ev('contact.refusalProposed', refusal, '2026-03-02')]))).toBe(
      'refusalUnderReview',
    );
    const refused = contact('2026-03-02', [
      ev('contact.refusalProposed', refusal, '2026-03-02'),
      ev('contact.refusalReviewed', { decision: 'approved' }, '2026-03-03', 'boss'),
    ]);
    expect(contactEnding(refused)).toBe('refusedAfterReview');
    expect(
      contactEnding(
        contact('2026-03-02', [ev('contact.caseOpened', { caseId: 'K', serviceItemId: 'item' }, '2026-03-02')]),
      ),
    ).toBe('caseOpened');
    expect(contactEnding(contact('2026-03-02'))).toBe('undisposed');
    // Escalated first, then the assigned person transferred it: the first-inquiry person escalated it.
    const escalatedThenTransferred = contact('2026-03-02', [
      ev('contact.escalated', { toLeaderId: 'boss', reason: '管辖不明' }, '2026-03-02'),
      ev('contact.assigned', { toStaffId: 'clerk' }, '2026-03-03', 'boss'),
      ev(
        'contact.transferred',
        {
          toDepartmentId: 'd2',
          toStaffId: 'handler',
          toldApplicant: { departmentName: '科', handlerName: '某', phone: '0377-1' },
        },
        '2026-03-03',
      ),
    ]);
    expect(contactEnding(escalatedThenTransferred)).toBe('escalated');
    expect(firstDisposedOn(escalatedThenTransferred)).toBe('2026-03-02');
    expect(firstDisposedOn(contact('2026-03-02'))).toBeUndefined();
  });

  it('is not undisposed at day end while its day is not over, and stays unsettled', () => {
    const { facts, settled } = contactFacts(contact(TODAY), ctx);
    expect(facts[0]).toMatchObject({ kind: 'contact', day: TODAY, ending: 'undisposed', undisposedAtDayEnd: false });
    expect(settled).toBe(false);
    const yesterday = contactFacts(contact('2026-04-01'), ctx);
    expect(yesterday.facts[0]).toMatchObject({ undisposedAtDayEnd: true });
    expect(yesterday.settled).toBe(false);
  });

  it('counts a person the directory does not know under the unknown department, never drops them', () => {
    const { facts } = contactFacts(contact('2026-03-02', [], 'nobody'), ctx);
    expect(facts[0]).toMatchObject({ staffId: 'nobody', departmentId: UNKNOWN_DEPARTMENT });
    expect(contactFacts(contact('2026-03-02'), ctx).facts[0]).toMatchObject({ departmentId: 'dept-of-clerk' });
  });

  it('keeps a transfer still in time as due, not yet judged', () => {
    const transfer = ev(
      'contact.transferred',
      {
        toDepartmentId: 'd2',
        toStaffId: 'handler',
        toldApplicant: { departmentName: '科', handlerName: '某', phone: '0377-1' },
      },
      TODAY,
    );
    const { facts, settled } = contactFacts(contact(TODAY, [transfer]), ctx);
    expect(kinds(facts)).toEqual(['contact', 'transfer', 'due:transferAcceptance']);
    expect(facts[1]).toEqual({
      kind: 'transfer',
      id: transfer.eventId,
      recordId: 'C',
      day: TODAY,
      staffId: 'handler',
      departmentId: 'd2',
      outcome: 'pending',
      dueOn: '2026-04-03',
    });
    expect(facts[2]).toMatchObject({ day: '2026-04-03', staffId: 'handler', article: 'art. 8(3)' });
    expect(settled).toBe(false);
  });

  it('counts a transfer accepted on the rest day after its due day as one day late', () => {
    // Sent Thu 03-26, due Fri 03-27, accepted Sat 03-28: no working day passed, yet it was late.
    const transfer = ev(
      'contact.transferred',
      {
        toDepartmentId: 'd2',
        toStaffId: 'handler',
        toldApplicant: { departmentName: '科', handlerName: '某', phone: '0377-1' },
      },
      '2026-03-26',
    );
    const acceptance = ev('contact.transferAccepted', { transferEventId: transfer.eventId }, '2026-03-28', 'handler');
    const { facts } = contactFacts(contact('2026-03-26', [transfer, acceptance]), ctx);
    expect(facts[1]).toMatchObject({
      outcome: 'accepted',
      dueOn: '2026-03-27',
      workingDaysToAccept: 1,
      acceptedWithinNextWorkingDay: false,
    });
    expect(facts[2]).toMatchObject({
      kind: 'breach',
      code: 'transferLate',
      day: '2026-03-28',
      days: 1,
      ongoing: false,
    });
    // Accepted the day it was sent: 0 working days, in time, no breach and nothing due.
    const same = ev(
      'contact.transferAccepted',
      { transferEventId: transfer.eventId },
      '2026-03-26',
      'handler',
      '15:00',
    );
    const sameDay = contactFacts(contact('2026-03-26', [transfer, same]), ctx);
    expect(kinds(sameDay.facts)).toEqual(['contact', 'transfer']);
    expect(sameDay.facts[1]).toMatchObject({ workingDaysToAccept: 0, acceptedWithinNextWorkingDay: true });
  });

  it('judges escalations: told in time, late and still waiting, superseded (art. 12)', () => {
    const inTime = contactFacts(
      contact('2026-03-02', [
        ev('contact.escalated', { toLeaderId: 'boss', reason: '管辖不明' }, '2026-03-02'),
        ev('contact.assigned', { toStaffId: 'clerk' }, '2026-03-03', 'boss'),
        ev('contact.answered', { answer: '已答复' }, '2026-03-04'),
      ]),
      ctx,
    );
    expect(kinds(inTime.facts)).toEqual(['contact', 'escalation']);
    expect(inTime.facts[1]).toMatchObject({
      outcome: 'inTime',
      leaderId: 'boss',
      dueOn: '2026-03-09',
      staffId: 'clerk',
    });
    expect(inTime.settled).toBe(true);

    // Escalated 03-02 (due 03-09), nobody decided: late from 03-10, 18 working days by 04-02, still growing.
    const late = contactFacts(
      contact('2026-03-02', [ev('contact.escalated', { toLeaderId: 'boss', reason: '管辖不明' }, '2026-03-02')]),
      ctx,
    );
    expect(kinds(late.facts)).toEqual(['contact', 'escalation', 'breach:escalationLate']);
    expect(late.facts[1]).toMatchObject({ outcome: 'late' });
    expect(late.facts[2]).toMatchObject({ day: '2026-03-10', days: 18, ongoing: true, article: 'art. 12' });

    // Escalated again the next day: the first is superseded, the second waits (due 03-10) — and is late by now.
    const again = contactFacts(
      contact('2026-03-02', [
        ev('contact.escalated', { toLeaderId: 'boss', reason: '管辖不明' }, '2026-03-02'),
        ev('contact.assigned', { toStaffId: 'clerk' }, '2026-03-03', 'boss'),
        ev('contact.escalated', { toLeaderId: 'boss', reason: '仍不明' }, '2026-03-03', 'clerk', '15:00'),
      ]),
      ctx,
    );
    expect(again.facts.filter((f) => f.kind === 'escalation').map((f) => f.kind === 'escalation' && f.outcome)).toEqual(
      ['superseded', 'late'],
    );

    // Escalated today: waiting in time, due in 5 working days (04-03, 04-07, 04-08, 04-09, 04-10).
    const pending = contactFacts(
      contact(TODAY, [ev('contact.escalated', { toLeaderId: 'boss', reason: '管辖不明' }, TODAY)]),
      ctx,
    );
    expect(kinds(pending.facts)).toEqual(['contact', 'escalation', 'due:escalationAnswer']);
    expect(pending.facts[2]).toMatchObject({ day: '2026-04-10' });
  });

  it('raises a refusal without its reason or basis at once, and none with them (art. 8(2))', () => {
    const blank = contactFacts(
      contact('2026-03-02', [
        ev('contact.refusalProposed', { toLeaderId: 'boss', reason: '不符合', basis: ' ' }, '2026-03-02'),
      ]),
      ctx,
    );
    expect(blank.facts.at(-1)).toMatchObject({
      kind: 'breach',
      code: 'refusalWithoutReason',
      day: '2026-03-02',
      staffId: 'clerk',
      days: 0,
    });
    const noReason = contactFacts(
      contact('2026-03-02', [
        ev('contact.refusalProposed', { toLeaderId: 'boss', reason: '', basis: '某办法' }, '2026-03-02'),
      ]),
      ctx,
    );
    expect(kinds(noReason.facts)).toContain('breach:refusalWithoutReason');
    const stated = contactFacts(
      contact('2026-03-02', [
        ev('contact.refusalProposed', { toLeaderId: 'boss', reason: '不符合', basis: '某办法' }, '2026-03-02'),
      ]),
      ctx,
    );
    expect(kinds(stated.facts)).toEqual(['contact']);
  });
});

function kase(events: CaseEvent[]) {
  const state = foldCase(inOrder(events), { isLeader: (id) => id === 'he-jianguo' });
  if (!state) throw new Error('no case');
  return state;
}
const H = { staffId: 'liu-yang' };

describe('case facts (art. 11, 14–18)', () => {
  it('judges the steps of the procedure when the catalog gives them (art. 16)', () => {
    // Accepted Thu 03-26; the first step has 2 working days: due Mon 03-30, over from 03-31, 3 days by 04-02.
    const state = kase([opened('2026-03-26'), accepted('2026-03-26', {}, H)]);
    const over = caseFacts(state, { ...ctx, stepsOf: () => [{ name: '审查', limitDays: 2 }] });
    expect(over.facts.find((f) => f.kind === 'breach')).toMatchObject({
      code: 'stepOverdue',
      article: 'art. 16',
      day: '2026-03-31',
      days: 3,
      ongoing: true,
      staffId: 'liu-yang',
    });
    expect(over.facts.some((f) => f.kind === 'due' && f.code === 'stepDue')).toBe(false);
    // A step over its limit is not the case over its own: due today, not overdue.
    expect(over.facts[0]).toMatchObject({ overdueNow: false, everOverdue: false, dueOn: TODAY });
    // A step of 7 days: due Tue 04-07 — still due; the case itself is due 04-02 (today).
    const inTime = caseFacts(state, { ...ctx, stepsOf: () => [{ name: '审查', limitDays: 7 }] });
    expect(kinds(inTime.facts)).toEqual(['case', 'due:caseDue', 'due:stepDue']);
    expect(inTime.facts[1]).toMatchObject({ day: TODAY, article: 'art. 18(1)' });
    expect(inTime.facts[2]).toMatchObject({ id: `${state.caseId}:stepDue:0`, day: '2026-04-07', article: 'art. 16' });
    // Without the catalog's steps, none is judged.
    expect(kinds(caseFacts(state, ctx).facts)).toEqual(['case', 'due:caseDue']);
  });

  it('keeps a completed case open until the result is told (art. 18(3))', () => {
    // Accepted 03-26 (due 04-02), completed 04-01, not told yet: the notice is due today.
    const dueToday = caseFacts(
      kase([opened('2026-03-26'), accepted('2026-03-26', {}, H), completed('2026-04-01')]),
      ctx,
    );
    expect(dueToday.facts[0]).toMatchObject({
      ending: 'completed',
      endedOn: '2026-04-01',
      onTime: true,
      resultNotice: 'pending',
    });
    expect(kinds(dueToday.facts)).toEqual(['case', 'due:resultNotice']);
    expect(dueToday.settled).toBe(false);
    // Accepted 03-16 (due 03-23), completed 03-20 in time, never told: late from 03-24, still growing.
    const untold = caseFacts(kase([opened('2026-03-16'), accepted('2026-03-16', {}, H), completed('2026-03-20')]), ctx);
    expect(untold.facts[0]).toMatchObject({
      onTime: true,
      resultNotice: 'late',
      everOverdue: false,
      overdueNow: false,
    });
    expect(untold.facts[1]).toMatchObject({ code: 'resultNotifiedLate', day: '2026-03-24', ongoing: true });
    expect(untold.settled).toBe(false);
  });

  it('has no clock, due date or result notice before acceptance', () => {
    const { facts, settled } = caseFacts(kase([opened(TODAY)]), ctx);
    expect(facts[0]).toMatchObject({ clock: false, overdueNow: false, everOverdue: false, pauses: 0 });
    expect(facts[0]).not.toHaveProperty('dueOn');
    expect(facts[0]).not.toHaveProperty('resultNotice');
    expect(facts[0]).not.toHaveProperty('ending');
    expect(settled).toBe(false);
  });

  it('counts pauses and a refused extension, which names no approver', () => {
    const request = caseEv('case.extensionRequested', { days: 3, reason: '需评审' }, { on: '2026-03-27', ...H });
    const { facts } = caseFacts(
      kase([
        opened('2026-03-26'),
        accepted('2026-03-26', {}, H),
        caseEv(
          'case.paused',
          { from: '2026-03-27', reason: 'expertReview', note: '专家评审' },
          { on: '2026-03-27', ...H },
        ),
        caseEv('case.resumed', { on: '2026-03-30' }, { on: '2026-03-30', ...H }),
        request,
        caseEv(
          'case.extensionDecided',
          { requestEventId: request.eventId, decision: 'refused' },
          { on: '2026-03-30', staffId: 'he-jianguo' },
        ),
      ]),
      ctx,
    );
    expect(facts[0]).toMatchObject({ pauses: 1, extensionsApproved: 0 });
    const extension = facts.find((f) => f.kind === 'extension');
    expect(extension).toMatchObject({
      decision: 'refused',
      decidedOn: '2026-03-30',
      counts: false,
      staffId: 'liu-yang',
    });
    expect(extension).not.toHaveProperty('approvedBy');
  });
});

const rating = (events: ReturnType<typeof ratingEv>[]) => {
  const state = foldRating(events);
  if (!state) throw new Error('no rating');
  return state;
};
const steps = (key: string, verified: string, rectified: string, feedback?: string) => [
  ratingEv(
    'rating.verified',
    { on: verified, means: 'phone', note: '已核实' },
    { on: verified, staffId: SUPERVISOR, aggregateId: key },
  ),
  ratingEv(
    'rating.rectified',
    { mode: 'immediate', note: '已整改' },
    { on: rectified, staffId: SUPERVISOR, aggregateId: key },
  ),
  ...(feedback
    ? [
        ratingEv(
          'rating.feedbackGiven',
          { on: feedback, how: 'phone', newLevel: 'dissatisfied' },
          { on: feedback, staffId: SUPERVISOR, aggregateId: key },
        ),
      ]
    : []),
];

describe('rating facts (好差评, art. 30)', () => {
  it('keeps a 差评 still in time as due, and late once past its days, which the settings may shorten', () => {
    // 差评 Mon 03-30: 5 working days → due Tue 04-07.
    const bad = rating([given('2026-03-30', 'dissatisfied', {}, { on: '2026-03-30', aggregateId: 'R' })]);
    const due = ratingFacts(bad, ctx);
    expect(kinds(due.facts)).toEqual(['rating', 'due:rectification']);
    expect(due.facts[1]).toMatchObject({ day: '2026-04-07', staffId: HANDLER, article: 'art. 30' });
    expect(due.settled).toBe(false);
    // 2 working days → due Wed 04-01: late from 04-02, by 1.
    const short = ratingFacts(bad, {
      ...ctx,
      settings: { followUp: { dueDays: 5, owner: 'supervisors', contactSampleRate: 0, rectifyDays: 2 } },
    });
    expect(short.facts[1]).toMatchObject({
      kind: 'breach',
      code: 'rectificationLate',
      day: '2026-04-02',
      days: 1,
      ongoing: true,
    });
  });

  it('marks a rectification closed after its due day as late for good', () => {
    // 差评 Mon 03-02 (due Mon 03-09), closed 03-20: 9 working days late; the new level is still 差评.
    const state = rating([
      given('2026-03-02', 'dissatisfied', {}, { on: '2026-03-02', aggregateId: 'R' }),
      ...steps('R', '2026-03-03', '2026-03-04', '2026-03-20'),
    ]);
    const { facts, settled } = ratingFacts(state, ctx);
    expect(facts[0]).toMatchObject({
      verified: true,
      rectified: true,
      newLevel: 'dissatisfied',
      counted: true,
      unprompted: false,
    });
    expect(facts[1]).toMatchObject({ code: 'rectificationLate', day: '2026-03-10', days: 9, ongoing: false });
    expect(settled).toBe(true);
    const march = figures(facts, periodOf('month', '2026-03-02'), 'bureau')[0]!.figures;
    expect([
      march['ratings.rectificationSatisfiedRate'].numerator,
      march['ratings.rectificationSatisfiedRate'].denominator,
    ]).toEqual([0, 1]);
  });

  it('leaves a rating invalidated on appeal out of the rates and raises no card for it', () => {
    const state = rating([
      given('2026-03-02', 'veryDissatisfied', {}, { on: '2026-03-02', aggregateId: 'R' }),
      ratingEv('rating.appealed', { reason: '恶意差评' }, { on: '2026-03-03', staffId: HANDLER, aggregateId: 'R' }),
      ratingEv(
        'rating.appealDecided',
        { upheld: true, reason: '查实为恶意' },
        { on: '2026-03-04', staffId: SUPERVISOR, aggregateId: 'R' },
      ),
    ]);
    const { facts, settled } = ratingFacts(state, ctx);
    expect(kinds(facts)).toEqual(['rating']);
    expect(facts[0]).toMatchObject({ counted: false, verified: false, rectified: false });
    expect(settled).toBe(true);
    const march = figures(facts, periodOf('month', '2026-03-02'), 'bureau')[0]!.figures;
    expect(march['ratings.badRate'].denominator).toBe(0);
    expect(march['ratings.unratedRate'].denominator).toBe(0);
  });

  it('counts a verified 差评 not yet decided as followed up, not rectified', () => {
    const state = rating([
      given('2026-03-30', 'dissatisfied', {}, { on: '2026-03-30', aggregateId: 'R' }),
      ratingEv(
        'rating.verified',
        { on: '2026-03-31', means: 'phone', note: '已核实' },
        { on: '2026-03-31', staffId: SUPERVISOR, aggregateId: 'R' },
      ),
    ]);
    expect(ratingFacts(state, ctx).facts[0]).toMatchObject({ verified: true, rectified: false });
    expect(ratingFacts(state, ctx).facts[0]).not.toHaveProperty('newLevel');
  });
});
