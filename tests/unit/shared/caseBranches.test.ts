import { describe, expect, it } from 'vitest';
import { dueDateOn, firstAnswerDay, foldCase, caseClock, deemedAcceptanceOn } from '../../../shared/rules/case.ts';
import { caseBreaches, resultNotice, supplementNotice } from '../../../shared/rules/caseTimeliness.ts';
import {
  accepted,
  calendar,
  caseEv,
  completed,
  extensionDecided,
  extensionRequested,
  fold,
  inOrder,
  LEADER,
  missing,
  opened,
  resultNotified,
  supplement,
} from './caseBuilders.ts';

// Each branch of the fold and of the timeliness rules, one transition at a time: the cases a mutant of a guard
// would survive if only the happy paths were tested.

const D = '2025-03-03'; // Monday
const flags = (s: ReturnType<typeof fold>) => s.flags.map((f) => f.code);
const pause = (from: string, reason = 'expertReview', v = 1) =>
  caseEv('case.paused', { from, reason, note: '专家评审' }, { on: from, v });
const resume = (on: string) => caseEv('case.resumed', { on }, { on });

describe('the fold keeps what it cannot apply, and flags it', () => {
  it('flags an event that arrived before its case was opened, naming it', () => {
    const early = supplement(D);
    const state = fold(early, opened(D));
    expect(state.flags).toEqual([{ code: 'eventBeforeOpened', eventIds: [early.eventId] }]);
    expect(state.status).toBe('checking');
    expect(foldCase([early])).toBeNull();
  });

  it('keeps the first case.opened and ignores a second one', () => {
    const state = fold(opened(D, { catalogRev: 3 }), opened('2025-03-04', { catalogRev: 4 }));
    expect(state).toMatchObject({ catalogRev: 3, receivedOn: D, eventCount: 1 });
  });

  it('names the event in every flag it raises', () => {
    const second = supplement(D);
    const state = fold(opened(D), supplement(D), second);
    expect(state.flags).toEqual([{ code: 'conflictingTransition', eventIds: [second.eventId] }]);
  });

  it('art. 10–11: checks materials only before acceptance, keeping earlier checks', () => {
    const other = missing(D, 'licence');
    const state = fold(opened(D), missing(D), other);
    expect(Object.keys(state.checks).sort()).toEqual(['contract-text', 'licence']);
    const late = fold(opened(D), accepted(D), missing(D));
    expect(late.checks).toEqual({});
    expect(flags(late)).toEqual(['conflictingTransition']);
  });

  it('pauses only a running case without an open pause; a v2 pause for a lawful reason folds', () => {
    expect(fold(opened(D), accepted(D), pause('2025-03-04', 'hearing', 2)).pauses).toHaveLength(1);
    expect(flags(fold(opened(D), pause('2025-03-04')))).toEqual(['conflictingTransition']);
    const twice = fold(opened(D), accepted(D), pause('2025-03-04'), pause('2025-03-05'));
    expect(twice.pauses).toHaveLength(1);
    expect(flags(twice)).toEqual(['conflictingTransition']);
  });

  it('resumes only a running case with an open pause, closing only that pause', () => {
    expect(flags(fold(opened(D), resume(D)))).toEqual(['conflictingTransition']);
    expect(flags(fold(opened(D), accepted(D), resume(D)))).toEqual(['conflictingTransition']);
    const state = fold(
      opened(D),
      accepted(D),
      pause('2025-03-04'),
      resume('2025-03-04'),
      pause('2025-03-06'),
      resume('2025-03-07'),
    );
    expect(state.pauses.map((p) => [p.from, p.to])).toEqual([
      ['2025-03-04', '2025-03-04'],
      ['2025-03-06', '2025-03-07'],
    ]);
    expect(state.flags).toEqual([]);
  });

  it('art. 17: asks for an extension only on a running case, one at a time', () => {
    expect(flags(fold(opened(D), extensionRequested(D)))).toEqual(['conflictingTransition']);
    const twice = fold(opened(D), accepted(D), extensionRequested(D), extensionRequested(D));
    expect(twice.extensions).toHaveLength(1);
    expect(flags(twice)).toEqual(['conflictingTransition']);
  });

  it('art. 17: decides only an extension that exists and is still undecided', () => {
    const r = extensionRequested(D);
    const unknown = caseEv(
      'case.extensionDecided',
      { requestEventId: opened(D).eventId, decision: 'approved' },
      {
        on: D,
        staffId: LEADER,
      },
    );
    expect(flags(fold(opened(D), accepted(D), r, unknown))).toEqual(['conflictingTransition']);
    const twice = fold(opened(D), accepted(D), r, extensionDecided(r, D), extensionDecided(r, D, 'refused'));
    expect(twice.extensions[0]?.decision).toBe('approved');
    expect(flags(twice)).toEqual(['conflictingTransition']);
  });

  it('without a list of leaders, only the leader a rejection was sent to decides it, and nobody an extension', () => {
    const r = extensionRequested(D);
    const bare = (...events: Parameters<typeof fold>) => foldCase(inOrder(events))!;
    expect(bare(opened(D), accepted(D), r, extensionDecided(r, D)).flags.map((f) => f.code)).toEqual(['notAllowed']);
    const proposed = caseEv(
      'case.rejectionProposed',
      { reason: '不属于受理范围', legalBasis: '第六条', toLeaderId: 'wang-fang' },
      { on: D },
    );
    const byNamed = caseEv('case.rejectionReviewed', { decision: 'approved' }, { on: D, staffId: 'wang-fang' });
    const byOther = caseEv('case.rejectionReviewed', { decision: 'approved' }, { on: D, staffId: LEADER });
    expect(bare(opened(D), proposed, byNamed).status).toBe('rejected');
    expect(bare(opened(D), proposed, byOther).flags.map((f) => f.code)).toEqual(['notAllowed']);
  });

  it('art. 8(二): a proposal left pending by a withdrawal cannot be reviewed any more', () => {
    const proposed = caseEv(
      'case.rejectionProposed',
      { reason: '不属于受理范围', legalBasis: '第六条', toLeaderId: LEADER },
      { on: D },
    );
    const withdrawn = caseEv('case.withdrawn', { on: D, how: 'onSite' }, { on: D });
    const review = caseEv('case.rejectionReviewed', { decision: 'approved' }, { on: D, staffId: LEADER });
    const state = fold(opened(D), proposed, withdrawn, review);
    expect(state.status).toBe('withdrawn');
    expect(state.rejection).toBeUndefined();
    expect(flags(state)).toEqual(['conflictingTransition']);
  });

  it('a withdrawal closes only the open pause', () => {
    const withdrawn = caseEv('case.withdrawn', { on: '2025-03-10', how: 'written' }, { on: '2025-03-10' });
    const state = fold(
      opened(D),
      accepted(D),
      pause('2025-03-04'),
      resume('2025-03-05'),
      pause('2025-03-06'),
      withdrawn,
    );
    expect(state.pauses.map((p) => p.to)).toEqual(['2025-03-05', '2025-03-10']);
  });

  it('completes only a running case, closing its open pause on the day of completion', () => {
    expect(flags(fold(opened(D), completed(D)))).toEqual(['conflictingTransition']);
    const state = fold(
      opened(D),
      accepted(D),
      pause('2025-03-04'),
      resume('2025-03-04'),
      pause('2025-03-06'),
      completed('2025-03-07'),
    );
    expect(state.pauses.map((p) => p.to)).toEqual(['2025-03-04', '2025-03-07']);
    expect(state.completion).toMatchObject({ completedOn: '2025-03-07', outcome: 'granted', result: '准予登记' });
  });
});

describe('the first answer and the due date in force', () => {
  it('art. 11: a legacy one-step rejection answers the application in time', () => {
    const legacy = caseEv('case.rejected', { reason: '不属于受理范围', legalBasis: '第六条' }, { on: '2025-03-05' });
    const state = fold(opened(D), legacy);
    expect(firstAnswerDay(state)).toBe('2025-03-05');
    expect(deemedAcceptanceOn(state, calendar, '2025-03-20')).toBeUndefined();
  });

  it('the earliest answer counts, whichever was recorded first', () => {
    // A withdrawal taken on 5 March at a desk that was offline reaches the log after another desk's late notice.
    const withdrawn = caseEv('case.withdrawn', { on: '2025-03-05', how: 'written' }, { on: '2025-03-05' });
    const state = fold(opened(D), supplement('2025-03-11'), withdrawn);
    expect(firstAnswerDay(state)).toBe('2025-03-05');
    expect(deemedAcceptanceOn(state, calendar)).toBeUndefined();
  });

  it('art. 11 / §32: an answer counts on the day it was recorded, not on a day typed back before it', () => {
    // The applicant "withdrew on 4 March on paper", recorded on the 12th after a supplement notice of the 11th.
    const withdrawn = caseEv('case.withdrawn', { on: '2025-03-04', how: 'written' }, { on: '2025-03-12' });
    const state = fold(opened(D), supplement('2025-03-11'), withdrawn);
    expect(firstAnswerDay(state)).toBe('2025-03-11');
    expect(deemedAcceptanceOn(state, calendar)).toBe(D);
  });

  it('art. 17: a pause is known from its first day; a closed one as closed, a later end as still open', () => {
    const input = { acceptedOn: D, limitDays: 5, pauses: [{ from: '2025-03-07', to: '2025-03-12' }], extensions: [] };
    // On 7 March the pause had begun: Tue 4, Wed 5, Thu 6, (7 paused), Mon 10, Tue 11.
    expect(dueDateOn(input, calendar, '2025-03-07')).toBe('2025-03-11');
    expect(dueDateOn(input, calendar, '2025-03-06')).toBe('2025-03-10');
    // Paused 5–12 March, judged on 6 March: the pause was open then, not yet running to the 12th.
    const long = { ...input, pauses: [{ from: '2025-03-05', to: '2025-03-12' }] };
    expect(dueDateOn(long, calendar, '2025-03-06')).toBe('2025-03-12');
    expect(dueDateOn(long, calendar, '2025-03-20')).toBe('2025-03-18');
    // A pause that ended before the day stays as it was, not open through that day.
    const short = { ...input, pauses: [{ from: '2025-03-05', to: '2025-03-05' }] };
    expect(dueDateOn(short, calendar, '2025-03-10')).toBe('2025-03-11');
  });
});

describe('timeliness details', () => {
  it('art. 18(3): only a notice about the result counts as telling the result', () => {
    const aboutExtension = caseEv('case.applicantNotified', { about: 'extension', how: 'phone' }, { on: '2025-03-06' });
    const state = fold(opened(D), accepted(D), aboutExtension, completed('2025-03-07'), resultNotified('2025-03-12'));
    expect(resultNotice(state, calendar, '2025-03-20')).toMatchObject({ notifiedOn: '2025-03-12', late: true });
  });

  it('art. 17: an extension refused after the due date is no late approval', () => {
    const r = extensionRequested('2025-03-07');
    const state = fold(opened(D), accepted(D), r, extensionDecided(r, '2025-03-11', 'refused'));
    expect(caseBreaches(state, calendar, '2025-03-11').map((b) => b.code)).toEqual(['overdue']);
  });

  it('breaches are listed by the day they happened, not the order they are found', () => {
    const steps = [{ name: '受理审查', limitDays: 1 }];
    const state = fold(opened(D), accepted(D));
    expect(caseBreaches(state, calendar, '2025-03-12', steps).map((b) => [b.code, b.since])).toEqual([
      ['stepOverdue', '2025-03-05'],
      ['overdue', '2025-03-11'],
    ]);
  });

  it('says nothing of a deemed acceptance or a step where there is none', () => {
    const notice = supplementNotice(fold(opened(D), supplement(D)), calendar, D);
    expect(notice).toStrictEqual({ dueDate: D, state: 'given', givenOn: D });
    const [overdue] = caseBreaches(fold(opened(D), accepted(D)), calendar, '2025-03-11');
    expect(overdue).toStrictEqual({ code: 'overdue', article: 'art. 18(1)', since: '2025-03-11', days: 1 });
  });

  it('a deemed case nobody accepted still has its clock from the limits of the opening', () => {
    expect(caseClock(fold(opened(D, { promisedLimitDays: 7 })), calendar, '2025-03-11')?.limitDays).toBe(7);
  });
});
