// Initial pull of 100,000 events into an empty desk on fake-indexeddb in node, then an incremental sync of 1,000
// more: the desk's data layer (renderer/data) against the real HQ server on SQLite over a real socket. The same
// two logs as the Chromium bench (initial-pull-chromium.bench.test.ts). Prints figures; asserts completeness.
import os from 'node:os';
import { expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/model/events.ts';
import { syncOnce } from '../../renderer/data/sync.ts';
import { deskTransport, newDesk, startHq } from '../integration/sync/harness.ts';
import { manyContacts, registerMix, storeEvents } from '../integration/sync/seed.ts';

const INITIAL = Number(process.env.BENCH_PULL_EVENTS ?? 100_000);
const INCREMENT = 1000;
const machine = `${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}`;

it.each([
  ['every event a new contact of a new visitor', manyContacts],
  ['a register as it is worked', registerMix],
] as const)('pulls 100,000 events into an empty desk on fake-indexeddb, then 1,000 more: %s', async (label, make) => {
  const hq = await startHq('sqlite');
  try {
    const log: DeskEvent[] = make(INITIAL + INCREMENT);
    await storeEvents(hq.db, log.slice(0, INITIAL));
    const desk = await newDesk(hq);

    let t0 = performance.now();
    const initial = await syncOnce(desk, deskTransport(hq, desk));
    let ms = performance.now() - t0;
    expect(initial.pulled).toBe(INITIAL);
    console.log(
      `initial pull into fake-indexeddb (${label}): ${initial.pulled} events in ${ms.toFixed(0)} ms = ` +
        `${Math.round((initial.pulled / ms) * 1000)} events/s [${machine}]`,
    );

    await storeEvents(hq.db, log.slice(INITIAL));
    t0 = performance.now();
    const incremental = await syncOnce(desk, deskTransport(hq, desk));
    ms = performance.now() - t0;
    expect(incremental.pulled).toBe(INCREMENT);
    console.log(
      `incremental sync into fake-indexeddb (${label}): ${incremental.pulled} events in ${ms.toFixed(0)} ms [${machine}]`,
    );
  } finally {
    await hq.destroy();
  }
});
