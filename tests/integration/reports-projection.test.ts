import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/model/events.ts';
import { UNKNOWN_DEPARTMENT, type ComplaintFact, type ReportFact } from '../../shared/rules/reports/facts.ts';
import { reportContextOf } from '../../server/src/reports/context.ts';
import { deriveAggregate } from '../../server/src/reports/derive.ts';
import { ReportProjector } from '../../server/src/reports/projector.ts';
import { seedOnFirstRun } from '../../server/src/seed/firstRun.ts';
import { openStorage, type Storage } from '../../server/src/storage/db.ts';
import { migrateToLatest } from '../../server/src/storage/migrations.ts';
import { adminStore } from '../../server/src/storage/adminStore.ts';
import { currentReferenceDocs } from '../../server/src/storage/referenceSnapshot.ts';
import { lockSequence } from '../../server/src/storage/sequence.ts';
import { DEFAULT_FOLLOW_UP_SETTINGS, SETTINGS_ID } from '../../shared/model/reference.ts';
import { readCursors, readFactsBetween, type EventAggregate } from '../../server/src/storage/reportFacts.ts';
import { BACKENDS } from './server/harness.ts';
import {
  noonOf,
  Q1,
  Q2,
  Q3,
  SCENARIO_TODAY,
  scenarioComplaints,
  scenarioLogs,
  storeComplaints,
  storeEvents,
} from './reports-scenario.ts';

// Issue 15: HQ's reporting projection follows the stored log by its own cursor, replaces each touched aggregate's
// fact rows with what the shared rules derive from its whole log, catches up after a restart, and re-derives the
// aggregates that can still change once a new Beijing day begins.

const byKey = (a: ReportFact, b: ReportFact) => `${a.kind}/${a.id}`.localeCompare(`${b.kind}/${b.id}`);

/** The facts the shared rules derive from the logs, in memory, under the stored directory: the expected rows. */
async function expectedFacts(storage: Storage, logs: readonly DeskEvent[][], today: string): Promise<ReportFact[]> {
  const ctx = reportContextOf(await currentReferenceDocs(storage.db), today);
  return logs
    .flatMap((log) => deriveAggregate(log[0]!.aggregate as EventAggregate, log[0]!.aggregateId, log, ctx).facts)
    .sort(byKey);
}

const storedFacts = async (storage: Storage) =>
  (await readFactsBetween(storage.db, '0000-01-01', '9999-12-31')).sort(byKey);

describe.each(BACKENDS)('the reporting projection on $name', (backend) => {
  let storage: Storage;
  let remove: () => Promise<void>;
  const projectors: ReportProjector[] = [];
  const projector = (day: string, batchSize?: number) => {
    const p = new ReportProjector(storage.db, { now: () => noonOf(day), ...(batchSize ? { batchSize } : {}) });
    projectors.push(p);
    return p;
  };

  beforeEach(async () => {
    const created = await backend.create();
    remove = created.remove;
    storage = openStorage(created.database, () => {});
    await migrateToLatest(storage.db);
    await seedOnFirstRun(storage.db, 'demo', noonOf('2026-01-05'));
  });
  afterEach(async () => {
    for (const p of projectors.splice(0)) await p.stop();
    await storage.close();
    await remove();
  });

  it('writes the facts the shared rules derive, replacing an aggregate’s rows as its events arrive, and catches up after a restart', async () => {
    const logs = scenarioLogs();
    // First every opening, then (after a "restart") the rest: each aggregate's rows are replaced, never added to.
    await storeEvents(
      storage.db,
      logs.map((log) => log[0]!),
    );
    const first = projector(SCENARIO_TODAY);
    expect(await first.catchUp()).toMatchObject({ events: logs.length });
    expect(await storedFacts(storage)).toEqual(
      await expectedFacts(
        storage,
        logs.map((log) => [log[0]!]),
        SCENARIO_TODAY,
      ),
    );
    await first.stop();

    const rest = logs.flatMap((log) => log.slice(1));
    await storeEvents(storage.db, rest);
    const restarted = projector(SCENARIO_TODAY, 7); // small batches: an aggregate touched in several is folded whole each time
    expect(await restarted.catchUp()).toMatchObject({ events: rest.length });
    const expected = await expectedFacts(storage, logs, SCENARIO_TODAY);
    expect(await storedFacts(storage)).toEqual(expected);
    // The contact C1 and the pad rating filed under C1's id both keep their rows.
    expect(expected.filter((f) => f.id === 'C1').map((f) => f.kind)).toEqual(['contact', 'rating']);
    const top = await storage.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('top'))
      .executeTakeFirstOrThrow();
    expect((await readCursors(storage.db)).events).toBe(Number(top.top));
    // Nothing new: a run reads nothing and writes nothing.
    expect(await restarted.catchUp()).toEqual({ events: 0, aggregates: 0 });
  });

  it('follows the complaint log by its own cursor: a complaint’s rows are replaced as its acts arrive, after a restart too', async () => {
    const [q1, q2, q3] = scenarioComplaints();
    // Q1 received and under investigation, Q3 received: both open.
    await storeComplaints(storage.db, [q1!.slice(0, 3), q3!]);
    const first = projector(SCENARIO_TODAY);
    expect(await first.catchUp()).toMatchObject({ events: 0, aggregates: 2 });
    const complaintRows = async () =>
      (await storedFacts(storage)).filter((f): f is ComplaintFact => f.kind === 'complaint');
    expect((await complaintRows()).map((f) => [f.id, f.founded, f.measures])).toEqual([
      [`${Q1}:li-na`, undefined, 0],
      [`${Q1}:zhang-wei`, undefined, 0],
      [`${Q3}:liu-yang`, undefined, 0],
    ]);
    await first.stop();

    // The rest of Q1 (heard, decided founded) and Q2 arrive while no projector runs; the next one catches up.
    await storeComplaints(storage.db, [q1!.slice(3), q2!]);
    const restarted = projector(SCENARIO_TODAY, 2);
    expect(await restarted.catchUp()).toMatchObject({ events: 0 });
    expect((await complaintRows()).map((f) => [f.id, f.staffId, f.departmentId, f.founded, f.measures])).toEqual([
      [`${Q1}:li-na`, 'li-na', 'dept-window', true, 0],
      [`${Q1}:zhang-wei`, 'zhang-wei', 'dept-window', true, 1],
      [`${Q2}:department:dept-high-tech`, UNKNOWN_DEPARTMENT, 'dept-high-tech', false, 0],
      [`${Q3}:liu-yang`, 'liu-yang', 'dept-high-tech', undefined, 0],
    ]);
    const acts = scenarioComplaints().flat().length;
    expect((await readCursors(storage.db)).complaints).toBe(acts);
    expect(await restarted.catchUp()).toEqual({ events: 0, aggregates: 0 });
  });

  it('re-derives what can still change when a new Beijing day begins, and leaves settled aggregates alone', async () => {
    const logs = scenarioLogs();
    await storeEvents(storage.db, logs.flat());
    await projector(SCENARIO_TODAY).catchUp();
    const k3Late = async () => (await storedFacts(storage)).find((f) => f.id === 'K3:overdue');
    expect(await k3Late()).toMatchObject({ kind: 'breach', days: 18, ongoing: true });

    // Fri 3 April: K3 is a working day later; C10 is now undisposed at the end of its day.
    const next = projector('2026-04-03');
    const run = await next.catchUp();
    expect(run.events).toBe(0);
    expect(await k3Late()).toMatchObject({ days: 19 });
    expect((await storedFacts(storage)).find((f) => f.kind === 'contact' && f.id === 'C10')).toMatchObject({
      undisposedAtDayEnd: true,
    });
    expect(await storedFacts(storage)).toEqual(await expectedFacts(storage, logs, '2026-04-03'));
    // Only the unsettled were derived again (C1, K1, R5 … are settled), and only once that day.
    expect(run.aggregates).toBeLessThan(logs.length);
    expect(run.aggregates).toBeGreaterThan(0);
    expect(await next.catchUp()).toEqual({ events: 0, aggregates: 0 });
  });

  it('re-derives what can still change when the settings change: a longer 整改 limit turns a late 差评 into one still due', async () => {
    const logs = scenarioLogs();
    await storeEvents(storage.db, logs.flat());
    const p = projector(SCENARIO_TODAY);
    await p.catchUp();
    const r6 = async () => (await storedFacts(storage)).filter((f) => f.recordId === 'R6').map((f) => f.kind);
    expect(await r6()).toEqual(['breach', 'rating']);

    await storage.db.transaction().execute(async (trx) => {
      await lockSequence(trx);
      const store = adminStore(trx);
      const settings = (await store.current('settings', SETTINGS_ID))!;
      const followUp = { ...DEFAULT_FOLLOW_UP_SETTINGS, ...settings.body.followUp, rectifyDays: 15 };
      await store.put({ ...settings, rev: settings.rev + 1, body: { ...settings.body, followUp } });
    });
    const run = await p.catchUp();
    expect(run).toMatchObject({ events: 0 });
    expect(await r6()).toEqual(['due', 'rating']);
    expect(await storedFacts(storage)).toEqual(await expectedFacts(storage, logs, SCENARIO_TODAY));
  });

  it('gives the same rows when two instances catch up at once (each write moves the cursor only from what it read)', async () => {
    const logs = scenarioLogs();
    await storeEvents(storage.db, logs.flat());
    const runs = await Promise.all([projector(SCENARIO_TODAY, 5).catchUp(), projector(SCENARIO_TODAY, 3).catchUp()]);
    // Every event was projected once, by one or the other.
    expect(runs[0]!.events + runs[1]!.events).toBe(logs.flat().length);
    expect(await storedFacts(storage)).toEqual(await expectedFacts(storage, logs, SCENARIO_TODAY));
  });
});
