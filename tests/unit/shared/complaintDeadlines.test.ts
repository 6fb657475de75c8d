import { describe, expect, it } from 'vitest';
import { earliestStatementDueOn } from '../../../shared/rules/complaint.ts';
import { complaintBreaches, complaintStages, currentStage } from '../../../shared/rules/complaintDeadlines.ts';
import {
  calendar,
  dismissed,
  extension,
  findingsClosed,
  fold,
  founded,
  invited,
  LEADER,
  ordered,
  received,
  stated,
  told,
  unfounded,
  waived,
} from './complaintBuilders.ts';

// The real calendar: the 2025 国庆 holiday is 1–8 October; Sunday 28 September and Saturday 11 October are working
// days (调休). Default limits: decide 3, investigate 20, state one's side at least 5, tell 2 working days.
const FRI = '2025-09-26';
const MON = '2025-09-29';
const stage = (events: Parameters<typeof fold>[0], today: string, name = 'acceptance') =>
  complaintStages(fold(events), calendar, today).find((s) => s.stage === name);

describe('art. 31: each stage has a limit in working days on the calendar', () => {
  it('art. 31: deciding whether to investigate counts 3 working days, a make-up Sunday among them', () => {
    expect(stage([received(FRI)], FRI)).toMatchObject({
      from: FRI,
      dueOn: '2025-09-30',
      owedBy: 'leaders',
      state: 'running',
    });
  });

  it('art. 31: the National Day holiday does not count, the make-up Saturday after it does', () => {
    const intake = [received(MON)];
    expect(stage(intake, '2025-10-09')).toMatchObject({ dueOn: '2025-10-10', state: 'running', workingDaysLate: 0 });
    expect(stage(intake, '2025-10-09')).not.toHaveProperty('doneOn');
    expect(stage(intake, '2025-10-10')).toMatchObject({ state: 'dueToday', workingDaysLate: 0 });
    expect(stage(intake, '2025-10-13')).toMatchObject({ state: 'overdue', workingDaysLate: 2 });
    expect(complaintBreaches(fold(intake), calendar, '2025-10-13')).toEqual([
      { code: 'stageOverdue', stage: 'acceptance', article: 'art. 31', since: '2025-10-11', days: 2 },
    ]);
    expect(complaintBreaches(fold(intake), calendar, '2025-10-10')).toEqual([]);
  });

  it('art. 31: a complaint taken offline counts from the day it was received, not the day HQ stored it', () => {
    const offline = received(FRI, {}, { on: MON });
    expect(stage([offline], MON)).toMatchObject({ from: FRI, dueOn: '2025-09-30' });
    // A received day typed after the day HQ stored it does not start the clock later.
    expect(stage([received(MON, {}, { on: FRI })], FRI)).toMatchObject({ from: FRI });
  });

  it('art. 31: a breach stays after the stage is done late', () => {
    const late = [received(MON), ordered('2025-10-13')];
    expect(stage(late, '2025-12-01')).toMatchObject({ doneOn: '2025-10-13', state: 'doneLate', workingDaysLate: 2 });
    expect(complaintBreaches(fold(late), calendar, '2025-10-20')).toEqual([
      { code: 'stageOverdue', stage: 'acceptance', article: 'art. 31', since: '2025-10-11', days: 2 },
    ]);
    const inTime = [received(MON), dismissed('2025-10-10')];
    expect(stage(inTime, '2025-12-01')).toMatchObject({
      doneOn: '2025-10-10',
      state: 'doneInTime',
      workingDaysLate: 0,
    });
    expect(complaintBreaches(fold(inTime), calendar, '2025-10-10')).toEqual([]);
  });

  it('art. 31: investigating counts 20 working days from the day it was ordered, owed by the investigators', () => {
    const events = [received(MON), ordered('2025-09-30')];
    expect(stage(events, '2025-10-09', 'investigation')).toMatchObject({
      from: '2025-09-30',
      dueOn: '2025-11-04',
      owedBy: 'investigators',
      state: 'running',
    });
    expect(currentStage(fold(events), calendar, '2025-10-09')?.stage).toBe('investigation');
  });

  it('art. 31: the decision after the findings counts 3 working days, and telling the complainant 2 after it', () => {
    const events = [received(MON), ordered('2025-09-30'), findingsClosed('2025-10-16'), unfounded('2025-10-17')];
    expect(stage(events, '2025-10-17', 'decision')).toMatchObject({
      from: '2025-10-16',
      dueOn: '2025-10-21',
      doneOn: '2025-10-17',
      owedBy: 'leaders',
    });
    expect(stage(events, '2025-10-17', 'telling')).toMatchObject({
      from: '2025-10-17',
      dueOn: '2025-10-21',
      owedBy: 'investigators',
      state: 'running',
    });
    expect(currentStage(fold(events), calendar, '2025-10-17')?.stage).toBe('telling');
    // Told on a day typed earlier than it was recorded: the day recorded counts.
    const toldLate = stage([...events, told('2025-10-22', undefined, '2025-10-20')], '2025-10-22', 'telling');
    expect(toldLate).toMatchObject({ doneOn: '2025-10-22', state: 'doneLate', workingDaysLate: 1 });
    const toldAhead = stage([...events, told('2025-10-20', undefined, '2025-10-22')], '2025-10-22', 'telling');
    expect(toldAhead).toMatchObject({ doneOn: '2025-10-22', state: 'doneLate' });
    expect(currentStage(fold([...events, told('2025-10-20')]), calendar, '2025-10-20')).toBeUndefined();
  });

  it('art. 31: after a dismissal a leader tells the complainant; an anonymous complainant is not told', () => {
    expect(stage([received(MON), dismissed('2025-09-30')], '2025-09-30', 'telling')).toMatchObject({
      owedBy: 'leaders',
      dueOn: '2025-10-10',
    });
    const anonymous = received(MON, { complainant: { anonymous: true } });
    const stages = complaintStages(fold([anonymous, dismissed('2025-09-30')]), calendar, '2025-12-01');
    expect(stages.map((s) => s.stage)).toEqual(['acceptance']);
    expect(complaintBreaches(fold([anonymous, dismissed('2025-09-30')]), calendar, '2025-12-01')).toEqual([]);
  });

  it('art. 31: the bureau’s settings set the limits', () => {
    const settings = { decideDays: 5, investigateDays: 30, statementDays: 3, tellDays: 1, recuseSameDepartment: true };
    const stages = complaintStages(fold([received(MON), ordered('2025-09-30')]), calendar, '2025-09-30', settings);
    expect(stages.map((s) => s.dueOn)).toEqual(['2025-10-13', '2025-11-18']);
    expect(currentStage(fold([received(MON)]), calendar, MON, settings)?.dueOn).toBe('2025-10-13');
    expect(complaintBreaches(fold([received(MON)]), calendar, '2025-10-13', settings)).toEqual([]);
    expect(complaintBreaches(fold([received(MON)]), calendar, '2025-10-14', settings)).toHaveLength(1);
  });

  it('says when a count ran into a year without a published schedule', () => {
    const late = received('2026-12-30');
    expect(stage([late], '2026-12-30', 'acceptance')?.provisional).toBe(true);
    expect(stage([received(MON)], MON)?.provisional).toBe(false);
  });
});

describe('art. 31: an extension needs a leader’s approval in time', () => {
  const intake = received(MON); // due 10 October

  it('art. 31: an extension approved on or before the due day adds its working days', () => {
    const s = stage([intake, extension('2025-10-10', 'acceptance', 3)], '2025-10-13')!;
    expect(s).toMatchObject({ dueOn: '2025-10-14', state: 'running' });
    expect(s.extensions).toEqual([expect.objectContaining({ dueAtDecision: '2025-10-10', counts: true })]);
  });

  it('art. 31: an extension decided after the due day does not count, and the breach stays', () => {
    const events = [intake, extension('2025-10-13', 'acceptance', 3)];
    const s = stage(events, '2025-10-13')!;
    expect(s).toMatchObject({ dueOn: '2025-10-10', state: 'overdue' });
    expect(s.extensions).toEqual([expect.objectContaining({ dueAtDecision: '2025-10-10', counts: false })]);
    expect(complaintBreaches(fold([...events, ordered('2025-10-14')]), calendar, '2025-10-20')).toEqual([
      { code: 'stageOverdue', stage: 'acceptance', article: 'art. 31', since: '2025-10-11', days: 3 },
    ]);
  });

  it('art. 31: a refused extension adds nothing; a second is judged against the due day the first made', () => {
    expect(stage([intake, extension('2025-10-09', 'acceptance', 3, false)], '2025-10-09')?.dueOn).toBe('2025-10-10');
    const two = stage(
      [intake, extension('2025-10-10', 'acceptance', 3), extension('2025-10-14', 'acceptance', 2)],
      '2025-10-14',
    )!;
    expect(two.dueOn).toBe('2025-10-16');
    expect(two.extensions.map((x) => [x.dueAtDecision, x.counts])).toEqual([
      ['2025-10-10', true],
      ['2025-10-14', true],
    ]);
    // An extension of another stage leaves this one alone.
    const other = complaintStages(
      fold([intake, ordered('2025-09-30'), extension('2025-10-09', 'investigation', 5)]),
      calendar,
      '2025-10-09',
    );
    expect(other.map((s) => [s.stage, s.dueOn, s.extensions.length])).toEqual([
      ['acceptance', '2025-10-10', 0],
      ['investigation', '2025-11-11', 1],
    ]);
  });
});

describe('art. 31 陈述申辩: the time given to state one’s side', () => {
  it('art. 31: at least 5 working days from the invitation, holidays not counted', () => {
    expect(earliestStatementDueOn('2025-09-30', calendar)).toBe('2025-10-14');
    expect(
      earliestStatementDueOn('2025-09-30', calendar, {
        decideDays: 3,
        investigateDays: 20,
        statementDays: 1,
        tellDays: 2,
        recuseSameDepartment: true,
      }),
    ).toBe('2025-10-09');
  });

  it('art. 31: a founded decision on the due day still waits; the next working day it may be taken', () => {
    const base = [
      received(MON),
      ordered('2025-09-30'),
      invited('2025-09-30', '2025-10-14'),
      findingsClosed('2025-10-09'),
    ];
    expect(fold([...base, founded('2025-10-14')]).decision).toBeUndefined();
    expect(fold([...base, founded('2025-10-15')]).decision?.by).toBe(LEADER);
    expect(fold([...base, waived('2025-10-10'), founded('2025-10-10')]).decision?.outcome).toBe('founded');
  });
});

describe('art. 31 陈述申辩 before any decision: the decision clock waits for the accused invited by the findings', () => {
  const base = [received(MON), ordered('2025-09-30')];
  const closed = findingsClosed('2025-10-13');
  const invite = invited('2025-10-13', '2025-10-20'); // the statutory minimum: 5 working days

  it('art. 31: counts the decision from the invitation’s day when the accused lets it pass', () => {
    const events = [...base, invite, closed];
    expect(stage(events, '2025-10-21', 'decision')).toMatchObject({ from: '2025-10-20', dueOn: '2025-10-23' });
    expect(stage([...events, founded('2025-10-23')], '2025-10-23', 'decision')).toMatchObject({
      state: 'doneInTime',
    });
  });

  it('art. 31: counts from the day the accused stated their side, when that came first', () => {
    const events = [...base, invite, closed, stated('2025-10-14')];
    expect(stage(events, '2025-10-14', 'decision')).toMatchObject({ from: '2025-10-14', dueOn: '2025-10-17' });
  });

  it('art. 31: an invitation made after the findings were closed does not move the clock', () => {
    const late = [...base, closed, invited('2025-10-14', '2025-10-21')];
    expect(stage(late, '2025-10-14', 'decision')).toMatchObject({ from: '2025-10-13', dueOn: '2025-10-16' });
  });
});
