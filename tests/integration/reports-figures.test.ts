import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/model/contactEvents.ts';
import { RATING_LEVELS } from '../../shared/model/satisfaction.ts';
import { CASE_ENDINGS, CONTACT_ENDINGS, type ReportFact } from '../../shared/rules/reports/facts.ts';
import { figures, type GroupBy } from '../../shared/rules/reports/figures.ts';
import { period, periodOf, type Period } from '../../shared/rules/reports/periods.ts';
import { ReportProjector } from '../../server/src/reports/projector.ts';
import { seedOnFirstRun } from '../../server/src/seed/firstRun.ts';
import { openStorage, type Storage } from '../../server/src/storage/db.ts';
import { migrateToLatest } from '../../server/src/storage/migrations.ts';
import { readFactsBetween, replaceFacts } from '../../server/src/storage/reportFacts.ts';
import { sqlFigures } from '../../server/src/storage/reportFigures.ts';
import { BACKENDS } from './server/harness.ts';
import { noonOf, Q1, Q2, SCENARIO_TODAY, scenarioLogs, storeComplaints, storeEvents } from './reports-scenario.ts';

// Issue 15: the report's figures come from SQL over the fact rows, and must be exactly those of figures() (the
// oracle, shared/rules/reports/figures.ts) on both engines: counts, rates, medians and drill-down ids, group by group.

const GROUPINGS: readonly GroupBy[] = ['bureau', 'department', 'staff'];
const PERIODS: readonly Period[] = [
  periodOf('month', '2026-03-15'),
  periodOf('month', SCENARIO_TODAY),
  periodOf('week', SCENARIO_TODAY),
  periodOf('day', '2026-03-31'),
  periodOf('quarter', '2026-02-01'),
  periodOf('year', '2026-06-01'),
  period('2025-01-01', '2025-12-31'), // nothing in it
];

/** A deterministic generator of every kind of fact, with every field's values, absent ones included. */
function randomFacts(count: number): ReportFact[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const maybe = <T>(x: T): T | undefined => (next() < 0.3 ? undefined : x);
  const bool = () => next() < 0.5;
  const day = () => `2026-0${1 + Math.floor(next() * 4)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const staff = ['zhang-wei', 'li-na', 'liu-yang', 'chen-jing', 'ghost'];
  const facts: ReportFact[] = [];
  for (let i = 0; i < count; i++) {
    const staffId = pick(staff);
    const base = {
      id: `F${i}`,
      recordId: `A${i}`,
      day: day(),
      staffId,
      departmentId: staffId === 'ghost' ? '-' : `dept-${staffId.length % 3}`,
    };
    const kind = pick([
      'contact',
      'transfer',
      'escalation',
      'case',
      'extension',
      'rating',
      'complaint',
      'breach',
      'due',
    ] as const);
    const drop = <T extends object>(o: T) =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    switch (kind) {
      case 'contact':
        facts.push({
          ...base,
          kind,
          channel: pick(CHANNELS),
          ending: pick(CONTACT_ENDINGS),
          undisposedAtDayEnd: bool(),
        });
        break;
      case 'transfer':
        facts.push(
          drop({
            ...base,
            kind,
            outcome: pick(['accepted', 'pending', 'returned'] as const),
            acceptedWithinNextWorkingDay: maybe(bool()),
            workingDaysToAccept: maybe(Math.floor(next() * 6)),
          }),
        );
        break;
      case 'escalation':
        facts.push({
          ...base,
          kind,
          leaderId: 'he-jianguo',
          dueOn: day(),
          outcome: pick(['inTime', 'late', 'pending', 'superseded'] as const),
        });
        break;
      case 'case':
        facts.push(
          drop({
            ...base,
            kind,
            serviceItemId: 'tech-contract',
            ending: maybe(pick(CASE_ENDINGS)),
            endedOn: maybe(day()),
            clock: bool(),
            onTime: maybe(bool()),
            overdueNow: bool(),
            everOverdue: bool(),
            pauses: Math.floor(next() * 3),
            supplementNotice: bool(),
            extensionsApproved: Math.floor(next() * 2),
            resultNotice: maybe(pick(['inTime', 'late', 'pending'] as const)),
          }),
        );
        break;
      case 'extension':
        facts.push({
          ...base,
          kind,
          days: 5,
          decision: pick(['approved', 'refused', 'pending'] as const),
          counts: bool(),
        });
        break;
      case 'rating':
        facts.push(
          drop({
            ...base,
            kind,
            counted: next() < 0.8,
            level: next() < 0.2 ? null : pick(RATING_LEVELS),
            unprompted: bool(),
            verified: bool(),
            rectified: bool(),
            newLevel: maybe(pick(RATING_LEVELS)),
          }),
        );
        break;
      case 'complaint':
        facts.push(
          drop({
            ...base,
            kind,
            ...(next() < 0.2 ? { staffId: '-' } : {}),
            founded: maybe(bool()),
            measures: Math.floor(next() * 3),
          }),
        );
        break;
      case 'breach':
        facts.push({ ...base, kind, code: 'overdue', article: 'art. 18(1)', days: 2, ongoing: bool() });
        break;
      case 'due':
        facts.push({ ...base, kind, code: 'caseDue', article: 'art. 18(1)' });
        break;
    }
  }
  return facts;
}

describe.each(BACKENDS)('the SQL figures on $name', (backend) => {
  let storage: Storage;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    const created = await backend.create();
    remove = created.remove;
    storage = openStorage(created.database, () => {});
    await migrateToLatest(storage.db);
    await seedOnFirstRun(storage.db, 'demo', noonOf('2026-01-05'));
  });
  afterEach(async () => {
    await storage.close();
    await remove();
  });

  it('equal figures() on the seeded scenario, per period and per bureau, department and person', async () => {
    await storeEvents(storage.db, scenarioLogs().flat());
    await storeComplaints(storage.db);
    const projector = new ReportProjector(storage.db, { now: () => noonOf(SCENARIO_TODAY) });
    await projector.catchUp();
    await projector.stop();
    const facts = await readFactsBetween(storage.db, '0000-01-01', '9999-12-31');
    expect(facts.length).toBeGreaterThanOrEqual(40);
    for (const p of PERIODS) {
      for (const by of GROUPINGS) {
        const expected = figures(facts, p, by);
        const actual = await sqlFigures(storage.db, p, by);
        expect(actual.map((g) => g.group)).toEqual(expected.map((g) => g.group));
        for (const [i, g] of expected.entries()) expect([p, by, actual[i]]).toEqual([p, by, g]);
      }
    }
    // Something real was compared: March's 按时办结率 at 高新科 is K1 of K1 and K2, the transfers' median 2 days.
    const hightech = (await sqlFigures(storage.db, PERIODS[0]!, 'department')).find(
      (g) => g.group === 'dept-high-tech',
    );
    expect(hightech?.figures['cases.onTime']).toMatchObject({ numerator: 1, denominator: 2, factIds: ['K1'] });
    expect(hightech?.figures['transfers.workingDaysToAccept']).toMatchObject({
      numerator: 6,
      denominator: 3,
      median: 2,
    });
    // March's complaints (art. 31–33): Q1's two people and Q2's department received; decided, all three; founded,
    // Q1's two; with measures, 张伟 alone. Q3 (1 April) is April's.
    const march = (await sqlFigures(storage.db, PERIODS[0]!, 'bureau'))[0]!.figures;
    expect(march['complaints.received']).toMatchObject({ numerator: 3, denominator: 3 });
    expect(march['complaints.founded']).toMatchObject({
      numerator: 2,
      denominator: 3,
      factIds: [`${Q1}:li-na`, `${Q1}:zhang-wei`],
    });
    expect(march['complaints.withMeasures']).toMatchObject({
      numerator: 1,
      denominator: 2,
      factIds: [`${Q1}:zhang-wei`],
    });
    const byDepartment = await sqlFigures(storage.db, PERIODS[0]!, 'department');
    expect(byDepartment.find((g) => g.group === 'dept-high-tech')?.figures['complaints.received'].factIds).toEqual([
      `${Q2}:department:dept-high-tech`,
    ]);
  });

  it('equal figures() on 600 generated facts of every kind, every field present and absent', async () => {
    const facts = randomFacts(600);
    const perRecord = facts.map((f) => ({ aggregate: 'contact' as const, id: f.recordId, facts: [f], settled: true }));
    await replaceFacts(storage.db, { derived: perRecord, derivedOn: '2026-04-30' });
    for (const p of [...PERIODS, period('2026-01-01', '2026-04-30'), period('2026-02-10', '2026-02-20')]) {
      for (const by of GROUPINGS) {
        expect([p, by, await sqlFigures(storage.db, p, by)]).toEqual([p, by, figures(facts, p, by)]);
      }
    }
    // Counts alone, when the drill-down is not asked for.
    const counts = await sqlFigures(storage.db, PERIODS[4]!, 'staff', { factIds: false });
    const oracle = figures(facts, PERIODS[4]!, 'staff');
    expect(counts.map((g) => g.figures['contacts.total'].numerator)).toEqual(
      oracle.map((g) => g.figures['contacts.total'].numerator),
    );
    expect(counts.every((g) => g.figures['contacts.total'].factIds.length === 0)).toBe(true);
  });
});
