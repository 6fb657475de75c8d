// Issue 10, item 9: random and mutated-valid pushes from two desks. Whatever is thrown at /sync/push, the server
// answers no 5xx, stays healthy, acknowledges only the desk's own in-range numbers, and stores exactly what the
// valid part of the same requests stores on a twin server that never saw the hostile part. One property per
// family of mutations, so each failure names the fix it waits on.
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { countEvents } from '../../../server/src/storage/events.ts';
import { SYNC_FORMAT_VERSION } from '../../../shared/sync/protocol.ts';
import { makeContactOpened } from '../../fixtures/events.ts';
import { MUTATION_FAMILIES, type MutationKind } from '../../fixtures/hostile.ts';
import { planArb, runPushPlan, type PlanRequest } from './fuzzPushPlan.ts';
import {
  deskHeaders,
  expectDeviceListReadable,
  expectHealthy,
  expectPullable,
  fuzzAssert,
  fuzzParameters,
  send,
  storedState,
  twinPool,
  type Twins,
} from './fuzzTwins.ts';
import { BACKENDS } from './harness.ts';

const RUNS = Number(process.env.FIRSTDESK_FUZZ_RUNS ?? 12);

const PROPERTIES: { name: string; kinds: readonly MutationKind[]; faults: boolean }[] = [
  {
    name: 'whole requests with forged credentials, wrong content types, junk bodies',
    kinds: ['otherDevice'],
    faults: true,
  },
  {
    name: 'events of the wrong shape, type, version or device, and conflicting duplicates',
    kinds: MUTATION_FAMILIES.shape,
    faults: false,
  },
  {
    name: 'strings of a megabyte, with NUL, and phones that are not phones',
    kinds: MUTATION_FAMILIES.strings,
    faults: false,
  },
  { name: 'sequence numbers and counts out of every range', kinds: MUTATION_FAMILIES.numbers, faults: false },
  {
    name: 'HLCs at time 0 or far ahead, and occurredAt in 1900 or 9999',
    kinds: MUTATION_FAMILIES.times,
    faults: false,
  },
];

/** The plan, then: healthy, equal to the twin, device list readable, and every desk can still push and pull. */
async function checkPlan(twins: Twins, plan: readonly PlanRequest[]): Promise<void> {
  const desks = [await twins.enrolDesk('窗口1'), await twins.enrolDesk('窗口2')];
  await runPushPlan(twins, desks, plan);

  await expectHealthy(twins.subject);
  const [subject, reference] = await Promise.all([
    storedState(twins.subject.storage.db),
    storedState(twins.reference.storage.db),
  ]);
  expect(subject.events, 'events stored').toEqual(reference.events);
  expect(subject.references, 'reference documents').toEqual(reference.references);
  expect(subject.devices, 'devices').toEqual(reference.devices);
  await expectDeviceListReadable(twins.subject);

  // Nothing a desk sent can make its own or anyone's later sync fail (sent to both twins: it is valid).
  for (const [i, desk] of desks.entries()) {
    const next = makeContactOpened({ deviceId: desk.deviceId, deviceSeq: 10_000 + i, staffId: DEMO_STAFF.windowClerk });
    for (const server of [twins.subject, twins.reference]) {
      const res = await send(server, {
        method: 'POST',
        url: '/sync/push',
        headers: { 'content-type': 'application/json', ...deskHeaders(desk) },
        payload: JSON.stringify({ deviceId: desk.deviceId, formatVersion: SYNC_FORMAT_VERSION, events: [next] }),
      });
      expect(res.status, `a later valid push answered ${res.status}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.json()).toMatchObject({ stored: 1, rejected: [] });
    }
  }
  expect(await expectPullable(twins.subject, desks[1]!, 50)).toBe(await countEvents(twins.subject.storage.db));
}

describe.each(BACKENDS)('pushes of random and mutated events on $name', (backend) => {
  const pool = twinPool(backend);
  afterAll(() => pool.close());

  it.each(PROPERTIES)(
    'never a 5xx, stays healthy, stores only the valid part: $name',
    async ({ name, kinds, faults }) => {
      await fuzzAssert(
        planArb(kinds, faults),
        (plan) => pool.use((twins) => checkPlan(twins, plan)),
        fuzzParameters(`fuzz-push ${backend.name}: ${name}`, RUNS, 25_000),
      );
    },
    60_000,
  );
});
