// Issue 10, item 9: 10,000 hostile requests against a real HQ server on a loopback socket — anonymous junk at every
// route, mutated events from an enrolled desk, oversized bodies — while a normal desk keeps pushing small batches.
// The server runs as its own process (the production bundle), so the flood's client does not share its event loop.
// Prints the 5xx count (expect 0), the rows the flood changed (expect 0) and the normal desk's push latency, quiet
// and during the flood (target ≤ 2×). The normal desk pushes from a thread of its own, as a real desk pushes from its
// own machine; a second desk timed inside the flood client's event loop shows how much of what that loop measures
// is the client's own queue. Timing is printed, never asserted. Loopback only; bounded in count and time.
// The mix is drawn from a fixed seed (FIRSTDESK_FLOOD_SEED to vary it), so a run can be repeated.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { issueEnrolmentCode } from '../../server/src/auth/enrolment.ts';
import { DEMO_STAFF } from '../../server/src/seed/demoBureau.ts';
import type { Db } from '../../server/src/storage/db.ts';
import { DEVICE_ID_HEADER, enrolResponseSchema, type DeviceCredentials } from '../../shared/sync/enrolment.ts';
import { SYNC_FORMAT_VERSION } from '../../shared/sync/protocol.ts';
import { makeContactOpened, newContactId, newUlid } from '../fixtures/events.ts';
import {
  bodyText,
  deepJson,
  eventMutationArb,
  FORGED_AUTH,
  forgedHeaders,
  getAt,
  isEdge,
  JUNK_BODIES,
  junkBodyText,
  MUTATION_FAMILIES,
  mutateEvent,
  ONE_MB,
  pathsOf,
} from '../fixtures/hostile.ts';
import { startServerProcess } from '../integration/server/serverProcess.ts';
import { summarise } from './stats.ts';

const FLOOD = Number(process.env.FIRSTDESK_FLOOD_REQUESTS ?? 10_000);
const FLOOD_TIME_LIMIT_MS = 240_000;
const CONCURRENCY = 16;
const QUIET_PUSHES = 150;
const SEED = Number(process.env.FIRSTDESK_FLOOD_SEED ?? 20_261_010);
const machine = `${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}`;

interface HostileRequest {
  readonly kind: 'anonymous junk' | 'mutated event' | 'oversized body' | 'forged credentials';
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array<ArrayBuffer>;
}

const ROUTES = ['/sync/push', '/devices/enrol', '/admin/enrolment-codes', '/admin/devices/x/revoke'] as const;

/** The flood, drawn once before the clock starts: mostly small junk, some mutated events, a few huge bodies. */
function floodRequests(attacker: DeviceCredentials, other: DeviceCredentials) {
  const sample = makeContactOpened({ deviceId: attacker.deviceId, deviceSeq: 1, staffId: DEMO_STAFF.windowClerk });
  const paths = pathsOf(sample);
  const leaves = (type: string) => paths.filter((p) => typeof getAt(sample, p) === type);
  const kinds = Object.values(MUTATION_FAMILIES).flat();
  const mutation = eventMutationArb(kinds, paths, leaves('string'), leaves('number')).filter((m) => !isEdge(m));
  const pick = fc.record({
    kind: fc.constantFrom(...(['junk', 'junk', 'junk', 'mutated', 'mutated', 'forged', 'oversized'] as const)),
    route: fc.constantFrom(...ROUTES),
    junk: fc.constantFrom(...JUNK_BODIES.filter((j) => j !== 'oversized')),
    bytes: fc.uint8Array({ maxLength: 512 }),
    forged: fc.constantFrom(...FORGED_AUTH),
    mutation,
  });
  const oversized = `{"deviceId":"${'x'.repeat(9 * ONE_MB)}"}`;
  const deep = deepJson(1_000_000);
  const json = { 'content-type': 'application/json' };
  let seq = 0;
  const requests = fc.sample(pick, { seed: SEED, numRuns: FLOOD }).map((p, i): HostileRequest => {
    switch (p.kind) {
      case 'junk':
        return {
          kind: 'anonymous junk',
          method: 'POST',
          path: p.route,
          headers: json,
          body: asBody(junkBodyText(p.junk, p.bytes)),
        };
      case 'forged':
        return {
          kind: 'forged credentials',
          method: 'POST',
          path: p.route,
          headers: { ...json, ...forgedHeaders(p.forged, attacker, other, newUlid()) },
          body: JSON.stringify({ deviceId: attacker.deviceId, formatVersion: SYNC_FORMAT_VERSION, events: [sample] }),
        };
      case 'oversized':
        // One in ~70 carries 9 MB or a million brackets: enough to cost a server that reads before it checks.
        return i % 10 === 0
          ? {
              kind: 'oversized body',
              method: 'POST',
              path: p.route,
              headers: json,
              body: i % 20 === 0 ? oversized : deep,
            }
          : { kind: 'anonymous junk', method: 'POST', path: p.route, headers: json, body: deepJson(10_000) };
      case 'mutated': {
        seq += 1;
        const valid = makeContactOpened({
          deviceId: attacker.deviceId,
          deviceSeq: seq,
          staffId: DEMO_STAFF.windowClerk,
          contactId: newContactId(),
        });
        const event = mutateEvent(valid, p.mutation, {
          deviceId: attacker.deviceId,
          otherDeviceId: other.deviceId,
          storedEventId: undefined,
          now: Date.now(),
          ulid: () => newUlid(),
        });
        return {
          kind: 'mutated event',
          method: 'POST',
          path: '/sync/push',
          headers: { ...json, authorization: `Bearer ${attacker.token}`, [DEVICE_ID_HEADER]: attacker.deviceId },
          body: bodyText({ deviceId: attacker.deviceId, formatVersion: SYNC_FORMAT_VERSION, events: [event] }),
        };
      }
    }
  });
  return { requests, maxSeq: seq };
}

/** fetch takes a plain Uint8Array; junkBodyText hands Buffers for random bytes. */
function asBody(body: string | Buffer): string | Uint8Array<ArrayBuffer> {
  return typeof body === 'string' ? body : new Uint8Array(body);
}

// The normal desk's loop, in plain JavaScript for a worker thread: pushes the bodies it is given one after the
// other (asking for more when few are left) until told to stop or `limit` are timed; answers their times in ms.
const DESK_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const queue = [...workerData.bodies];
let stop = false;
let asked = false;
let wake = () => {};
parentPort.on('message', (m) => {
  if (m === 'stop') stop = true;
  else { queue.push(...m); asked = false; }
  wake();
});
(async () => {
  const times = [];
  while (!stop && times.length < workerData.limit) {
    if (queue.length < 50 && !asked) { asked = true; parentPort.postMessage('more'); }
    if (queue.length === 0) { await new Promise((resolve) => (wake = resolve)); continue; }
    const t0 = performance.now();
    const res = await fetch(workerData.url, { method: 'POST', headers: workerData.headers, body: queue.shift() });
    const text = await res.text();
    if (res.status !== 200) throw new Error('the normal desk push answered ' + res.status + ': ' + text.slice(0, 200));
    times.push(performance.now() - t0);
  }
  parentPort.postMessage(times);
})();
`;

/** A desk pushing from its own thread: `stop()` ends it; `times` are its pushes' latencies in ms. */
function deskThread(url: string, headers: Record<string, string>, limit: number, next: (n: number) => string[]) {
  const worker = new Worker(DESK_THREAD, { eval: true, workerData: { url, headers, limit, bodies: next(200) } });
  const times = new Promise<number[]>((resolve, reject) => {
    worker.on('message', (m: 'more' | number[]) => (m === 'more' ? worker.postMessage(next(500)) : resolve(m)));
    worker.once('error', reject);
  }).finally(() => worker.terminate());
  return { times, stop: () => worker.postMessage('stop') };
}

async function enrol(url: string, db: Db, label: string): Promise<DeviceCredentials> {
  const { code } = await issueEnrolmentCode(db, { label, createdBy: 'bench' });
  const res = await fetch(`${url}/devices/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, label }),
  });
  return enrolResponseSchema.parse(await res.json());
}

/**
 * What the flood must not change: everything but the normal desk's own events and every device's ack (the
 * attacker's own in-range deviceSeqs are settled by design when its events are refused; checked apart).
 */
async function footprint(db: Db, normalDesks: string[]) {
  const events = await db.selectFrom('events').select(['event_id']).where('device_id', 'not in', normalDesks).execute();
  const references = await db.selectFrom('reference_docs').select(['kind', 'id', 'rev']).execute();
  const devices = await db.selectFrom('devices').select(['device_id', 'revoked_at', 'token_hash']).execute();
  const codes = await db.selectFrom('enrolment_codes').select(['code_hash', 'used_at']).execute();
  return [
    ...events.map((e) => `event ${e.event_id}`),
    ...references.map((r) => `reference ${r.kind}/${r.id}@${r.rev}`),
    ...devices.map((d) => `device ${d.device_id} revoked ${d.revoked_at} token ${d.token_hash}`),
    ...codes.map((c) => `code ${c.code_hash} ${c.used_at}`),
  ];
}

async function ackOf(db: Db, deviceId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select('last_acked_seq')
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return Number(row?.last_acked_seq ?? 0);
}

it.each(['sqlite', 'postgres'] as const)(
  'a flood of hostile requests on %s: no 5xx, no row changed, a normal desk still pushes',
  async (backend) => {
    const hq = await startServerProcess(backend);
    try {
      const desk = await enrol(hq.url, hq.db, '窗口1');
      const clientDesk = await enrol(hq.url, hq.db, '窗口3');
      const attacker = await enrol(hq.url, hq.db, '攻击');
      const other = await enrol(hq.url, hq.db, '窗口2');
      const { requests, maxSeq } = floodRequests(attacker, other);
      let deskSeq = 0;
      /** The normal desk's next `n` small valid pushes, as its outbox would send them. */
      const deskBodies = (n: number) =>
        Array.from({ length: n }, () => {
          deskSeq += 1;
          const event = makeContactOpened({
            deviceId: desk.deviceId,
            deviceSeq: deskSeq,
            staffId: DEMO_STAFF.windowClerk,
          });
          return JSON.stringify({ deviceId: desk.deviceId, formatVersion: SYNC_FORMAT_VERSION, events: [event] });
        });
      const deskHeaders = {
        'content-type': 'application/json',
        authorization: `Bearer ${desk.token}`,
        [DEVICE_ID_HEADER]: desk.deviceId,
      };
      const pushUrl = `${hq.url}/sync/push`;
      let clientSeq = 0;

      /** One small valid push by the desk timed in this (the flood client's) event loop; its latency in ms. */
      async function clientDeskPush(): Promise<number> {
        clientSeq += 1;
        const event = makeContactOpened({
          deviceId: clientDesk.deviceId,
          deviceSeq: clientSeq,
          staffId: DEMO_STAFF.windowClerk,
        });
        const t0 = performance.now();
        const res = await fetch(`${hq.url}/sync/push`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${clientDesk.token}`,
            [DEVICE_ID_HEADER]: clientDesk.deviceId,
          },
          body: JSON.stringify({ deviceId: clientDesk.deviceId, formatVersion: SYNC_FORMAT_VERSION, events: [event] }),
        });
        const body = await res.text();
        const ms = performance.now() - t0;
        if (res.status !== 200) throw new Error(`the normal desk's push answered ${res.status}: ${body.slice(0, 200)}`);
        return ms;
      }

      await deskThread(pushUrl, deskHeaders, 20, deskBodies).times; // warm-up
      const quiet = await deskThread(pushUrl, deskHeaders, QUIET_PUSHES, deskBodies).times;
      for (let i = 0; i < 20; i++) await clientDeskPush();
      const quietInClient: number[] = [];
      for (let i = 0; i < QUIET_PUSHES; i++) quietInClient.push(await clientDeskPush());
      const normalDesks = [desk.deviceId, clientDesk.deviceId];
      const before = await footprint(hq.db, normalDesks);

      const statuses = new Map<string, number>();
      const fiveXx: string[] = [];
      let next = 0;
      let resets = 0;
      const deadline = performance.now() + FLOOD_TIME_LIMIT_MS;
      const t0 = performance.now();
      let flooding = true;
      async function attackerLoop(): Promise<void> {
        while (next < requests.length && performance.now() < deadline) {
          const r = requests[next++]!;
          try {
            const res = await fetch(`${hq.url}${r.path}`, {
              method: r.method,
              headers: r.headers,
              ...(r.body !== undefined ? { body: r.body } : {}),
            });
            const text = await res.text();
            const key = `${r.kind} → ${res.status}`;
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
            if (res.status >= 500) fiveXx.push(`${r.kind} ${r.path} → ${res.status} ${text.slice(0, 120)}`);
          } catch {
            // A server that stops reading an oversized body may close the connection: refused, not served.
            resets++;
          }
        }
      }
      const duringInClient: number[] = [];
      const clientDeskLoop = (async () => {
        while (flooding && duringInClient.length < 2_000) duringInClient.push(await clientDeskPush());
      })();
      const deskLoop = deskThread(pushUrl, deskHeaders, Infinity, deskBodies);
      await Promise.all(Array.from({ length: CONCURRENCY }, attackerLoop));
      flooding = false;
      deskLoop.stop();
      await clientDeskLoop;
      const during = await deskLoop.times;
      const seconds = (performance.now() - t0) / 1000;

      const after = await footprint(hq.db, normalDesks);
      const attackerAck = await ackOf(hq.db, attacker.deviceId);
      const beforeSet = new Set(before);
      const afterSet = new Set(after);
      const changed = [...after.filter((x) => !beforeSet.has(x)), ...before.filter((x) => !afterSet.has(x))];
      const q = summarise(quiet);
      const d = summarise(during);
      const qc = summarise(quietInClient);
      const dc = summarise(duringInClient);
      const health = await fetch(`${hq.url}/healthz`);
      console.log(
        [
          `hostile flood on ${backend}: ${next} requests in ${seconds.toFixed(1)} s (${Math.round(next / seconds)}/s, ${CONCURRENCY} at a time, seed ${SEED}) [${machine}]`,
          `  5xx: ${fiveXx.length}; connections closed on an oversized body: ${resets}; rows changed: ${changed.length}; /healthz after: ${health.status}; attacker's ack ${attackerAck} (its deviceSeqs 1…${maxSeq})`,
          `  normal desk push latency (its own thread): quiet p50 ${q.median.toFixed(1)} ms, p95 ${q.p95.toFixed(1)} ms (n=${q.n}); ` +
            `during the flood p50 ${d.median.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms (n=${d.n}); ` +
            `×${(d.median / q.median).toFixed(2)} p50, ×${(d.p95 / q.p95).toFixed(2)} p95 (target ≤ 2×)`,
          `  a desk timed in the flood client's own event loop: quiet p50 ${qc.median.toFixed(1)} ms, ` +
            `during p50 ${dc.median.toFixed(1)} ms, p95 ${dc.p95.toFixed(1)} ms (n=${dc.n}), ×${(dc.median / qc.median).toFixed(2)} p50`,
          `  answers: ${[...statuses.entries()]
            .sort()
            .map(([k, n]) => `${k}: ${n}`)
            .join('; ')}`,
          ...fiveXx.slice(0, 5).map((x) => `  5xx e.g. ${x}`),
          ...changed.slice(0, 5).map((x) => `  changed e.g. ${x}`),
        ].join('\n'),
      );
      expect(next, 'the flood was cut short by its time limit').toBe(FLOOD);
      expect(health.status).toBe(200);
      expect(fiveXx).toEqual([]);
      expect(changed).toEqual([]);
      expect(attackerAck).toBeLessThanOrEqual(maxSeq);
    } finally {
      await hq.stop();
    }
  },
);
