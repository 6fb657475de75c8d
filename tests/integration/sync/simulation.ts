// A seeded random simulation of a bureau's desks working offline and syncing badly (issue 6, item 4), shared by
// the convergence test (fixed seed, in `npm test`) and the convergence bench (longer, random seed). Every action
// goes through the desk's real operations as a real member of the demo staff would take it; every sync goes
// through a transport that loses requests and answers at random.
import { InvalidEventError } from '../../../renderer/data/append.ts';
import { SessionRequiredError } from '../../../renderer/data/author.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { readDevice } from '../../../renderer/data/device.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { SyncError, type SyncTransport } from '../../../renderer/data/transport.ts';
import { deskTransport, storedEventIds, syncedDesk, type Hq } from './harness.ts';
import { deskState, serverState, stateHash } from './replicaState.ts';
import { peopleOf, pick, pickAction, seededRandom, type Rng } from './simulationActions.ts';

export interface SimulationOptions {
  readonly seed: number;
  readonly desks: number;
  readonly steps: number;
  /** Chance that a step is a sync of one desk rather than an action. */
  readonly syncRate: number;
  /** Chance that each sync request is lost on the way out, and again that its answer is lost on the way back. */
  readonly failureRate: number;
}

export interface SimulationRun {
  readonly desks: readonly DeskDb[];
  readonly actions: Readonly<Record<string, number>>;
  /** Actions an operation refused (a stale view: materials not complete, no pending extension…). */
  readonly refused: number;
  readonly syncs: number;
  readonly failedSyncs: number;
}

/** A transport that loses each request before the server sees it, or its answer after the server acted. */
function unreliable(transport: SyncTransport, rng: Rng, rate: number): SyncTransport {
  const lose = () => {
    if (rng() < rate) throw new SyncError({ kind: 'offline' });
  };
  return {
    ...transport,
    async push(request, auth) {
      lose();
      const response = await transport.push(request, auth);
      lose();
      return response;
    },
    async pull(cursor, limit, auth) {
      lose();
      const page = await transport.pull(cursor, limit, auth);
      lose();
      return page;
    },
  };
}

/** Run the simulation, then one full sync round over reliable connections (twice: push everything, then pull). */
export async function simulate(hq: Hq, options: SimulationOptions): Promise<SimulationRun> {
  const rng = seededRandom(options.seed);
  const desks: DeskDb[] = [];
  for (let i = 0; i < options.desks; i++) desks.push(await syncedDesk(hq));
  const people = await peopleOf(desks[0]!);
  const actions: Record<string, number> = {};
  let refused = 0;
  let syncs = 0;
  let failedSyncs = 0;
  for (let step = 0; step < options.steps; step++) {
    const db = pick(rng, desks)!;
    if (rng() < options.syncRate) {
      syncs++;
      const flaky = unreliable(deskTransport(hq, db), rng, options.failureRate);
      // Small batches, so that a lost request often falls in the middle of a run.
      await syncOnce(db, flaky, { push: 7, pull: 11 }).catch((error: unknown) => {
        if (!(error instanceof SyncError)) throw error;
        failedSyncs++;
      });
      continue;
    }
    const [name, action] = pickAction(rng);
    try {
      if (await action(db, rng, people)) actions[name] = (actions[name] ?? 0) + 1;
    } catch (error) {
      // A leader's or admin's decision needs a server-verified sign-in (issue 11); the simulated desks have none.
      if (!(error instanceof InvalidEventError || error instanceof SessionRequiredError)) throw error;
      refused++;
    }
  }
  for (let round = 0; round < 2; round++) {
    for (const db of desks) await syncOnce(db, deskTransport(hq, db));
  }
  return { desks, actions, refused, syncs, failedSyncs };
}

export interface ConvergenceReport {
  readonly serverHash: string;
  readonly deskHashes: readonly string[];
  /** Events some desk wrote that the server does not have. */
  readonly lost: readonly string[];
  /** Events stored on the server more than once. */
  readonly doubled: readonly string[];
  /** Per desk: events it holds that the server does not, and the server's that it lacks. */
  readonly differences: readonly { readonly extra: number; readonly missing: number }[];
  readonly pending: number;
  readonly rejected: number;
  readonly events: number;
  readonly flagged: number;
}

/** Compare every desk with the server: the folded state (hash), and the log itself event by event. */
export async function convergence(hq: Hq, run: SimulationRun): Promise<ConvergenceReport> {
  const stored = await storedEventIds(hq.db);
  const onServer = new Set(stored);
  const written: string[] = [];
  const differences = [];
  for (const db of run.desks) {
    const { deviceId } = await readDevice(db);
    const held = await db.events.toArray();
    written.push(...held.filter((e) => e.event.deviceId === deviceId).map((e) => e.eventId));
    const ids = new Set(held.map((e) => e.eventId));
    differences.push({
      extra: [...ids].filter((id) => !onServer.has(id)).length,
      missing: stored.filter((id) => !ids.has(id)).length,
    });
  }
  const server = await serverState(hq.db);
  const count = async (table: (db: DeskDb) => { count(): Promise<number> }) =>
    (await Promise.all(run.desks.map((db) => table(db).count()))).reduce((a, b) => a + b, 0);
  return {
    serverHash: stateHash(server),
    deskHashes: await Promise.all(run.desks.map(async (db) => stateHash(await deskState(db)))),
    lost: written.filter((id) => !onServer.has(id)),
    doubled: [...new Set(stored.filter((id, i) => stored.indexOf(id) !== i))],
    differences,
    pending: await count((db) => db.outbox),
    rejected: await count((db) => db.rejected),
    events: stored.length,
    flagged: [...server.contacts, ...server.cases].filter((row) => row.flags.length > 0).length,
  };
}
