// Initial pull of 100,000 events into an empty desk in Chromium's real IndexedDB, then an incremental sync of
// 1,000 more: the desk's own data layer (renderer/data, bundled into a bare page; see chromium/deskPage.ts)
// enrolled with and syncing over a real socket from the real HQ server on SQLite. Two logs: every event a new
// contact of a new visitor (the worst case: an event, a contact and a visitor row written per event), and a
// register as it is worked (about two events per contact, returning visitors). Beside each figure, what its two
// fixed costs allow on the same machine: the server and the network alone (every page fetched and checked again,
// written nowhere), and Chromium's IndexedDB alone (the same event and contact rows written again with bare
// IndexedDB). Prints figures; asserts only completeness (benchmarks are not timed assertions).
import os from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/model/events.ts';
import { countEvents } from '../../server/src/storage/events.ts';
import { issueCode, startHq } from '../integration/sync/harness.ts';
import { manyContacts, registerMix, storeEvents } from '../integration/sync/seed.ts';
import {
  buildDeskPage,
  enrolInPage,
  openDeskPage,
  pullOnlyInPage,
  rewriteBareInPage,
  syncInPage,
} from './chromium/chromium.ts';

const INITIAL = Number(process.env.BENCH_PULL_EVENTS ?? 100_000);
const INCREMENT = 1000;
// The desk's default pull page (PULL_BATCH) unless BENCH_PULL_BATCH says otherwise (500 measured best here).
const BATCHES = process.env.BENCH_PULL_BATCH ? { pull: Number(process.env.BENCH_PULL_BATCH) } : undefined;
const machine = `${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}`;
const rate = (events: number, ms: number) => `${Math.round((events / ms) * 1000)} events/s`;

let page: Awaited<ReturnType<typeof buildDeskPage>>;
beforeAll(async () => {
  page = await buildDeskPage();
});
afterAll(() => page?.remove());

it.each([
  ['every event a new contact of a new visitor', manyContacts],
  ['a register as it is worked', registerMix],
] as const)('pulls 100,000 events into an empty desk in Chromium, then 1,000 more: %s', async (label, make) => {
  const hq = await startHq('sqlite', { rendererDir: page.dir });
  const { browser, page: tab } = await openDeskPage(hq.url);
  try {
    const log: DeskEvent[] = make(INITIAL + INCREMENT);
    await storeEvents(hq.db, log.slice(0, INITIAL));
    await enrolInPage(tab, 'bench-desk', await issueCode(hq, 'bench'));
    const browserName = `Chromium ${browser.version()}`;

    const initial = await syncInPage(tab, 'bench-desk', BATCHES);
    expect(initial.stored).toBe(INITIAL);
    const network = await pullOnlyInPage(tab, 'bench-desk', BATCHES?.pull);
    const bare = await rewriteBareInPage(tab, 'bench-desk', BATCHES?.pull);
    expect([network.events, bare.events]).toEqual([INITIAL, INITIAL]);
    console.log(
      `initial pull into ${browserName} IndexedDB (${label}): ${initial.pulled} events in ${initial.ms.toFixed(0)} ms ` +
        `= ${rate(initial.pulled, initial.ms)}; alone, the server and network: ${rate(network.events, network.ms)}, ` +
        `bare IndexedDB writing the same rows: ${rate(bare.events, bare.ms)} [${machine}]`,
    );

    await storeEvents(hq.db, log.slice(INITIAL));
    const incremental = await syncInPage(tab, 'bench-desk', BATCHES);
    expect(incremental.pulled).toBe(INCREMENT);
    expect(incremental.stored).toBe(await countEvents(hq.db));
    console.log(
      `incremental sync into ${browserName} IndexedDB (${label}): ${incremental.pulled} events in ` +
        `${incremental.ms.toFixed(0)} ms [${machine}]`,
    );
  } finally {
    await browser.close();
    await hq.destroy();
  }
});
