// Issue 10, item 9: fairness between desks. An instance lets a device have one push under way: a second answers
// 429 'busy-device' with Retry-After at once, without reading its body, and the desk sends those records again at
// its next sync. A push whose every event is refused and that moves no mark writes nothing, so it answers even
// while another writer holds the sequence lock; one that moves only the mark leaves every other row alone.
import { request, type IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import { SYNC_FORMAT_VERSION } from '../../../shared/sync/protocol.ts';
import { readStoredCredentials } from '../../../renderer/data/credentials.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { SyncError } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import type { Db } from '../../../server/src/storage/db.ts';
import { lockSequence } from '../../../server/src/storage/sequence.ts';
import { DEVICE_ID_HEADER } from '../../../shared/sync/enrolment.ts';
import { makeContactOpened, newDeviceId } from '../../fixtures/events.ts';
import {
  BACKENDS,
  deskTransport,
  pushRaw,
  rawDevice,
  storedEventIds,
  syncedDesk,
  type Hq,
  type RawDevice,
  startHq,
} from '../sync/harness.ts';

const clerk = DEMO_STAFF.windowClerk as StaffId;

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface HeldPush {
  /** The answer, as soon as the server gives one (a refusal comes before the body is complete). */
  readonly answer: Promise<Answer>;
  /** Send the rest of the body and wait for the answer. */
  finish(): Promise<Answer>;
  /** Hang up. */
  abort(): void;
}

/** A push whose body is sent only half until finish(): the server has it under way meanwhile. */
function heldPush(url: string, device: RawDevice, events: readonly unknown[]): HeldPush {
  const body = Buffer.from(JSON.stringify({ deviceId: device.deviceId, formatVersion: SYNC_FORMAT_VERSION, events }));
  const req = request(new URL('/sync/push', url), {
    method: 'POST',
    headers: { ...device.headers, 'content-type': 'application/json', 'content-length': String(body.length) },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('error', reject); // after an answer (the server closed a refused upload) this changes nothing
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
  });
  answer.catch(() => undefined); // a hung-up push's error is not this test's subject
  const half = body.length >> 1;
  req.write(body.subarray(0, half));
  return {
    answer,
    finish: () => {
      req.end(body.subarray(half));
      return answer;
    },
    abort: () => req.destroy(),
  };
}

/**
 * A push of `device` that has its slot, proven by a complete push being refused as busy. Probes go one at a time,
 * and a held push is replaced only once it was refused (it never had the slot), so a probe's 429 can only be the
 * held push's doing.
 */
async function holdPushSlot(hq: Hq, device: RawDevice): Promise<HeldPush> {
  const hold = () => {
    const push = heldPush(hq.url, device, []);
    const state = { push, refused: false };
    void push.answer.then(() => (state.refused = true)); // answered before its body is complete: refused
    return state;
  };
  let held = hold();
  for (let probe = 0; probe < 200; probe++) {
    if (held.refused) held = hold();
    if ((await pushRaw(hq, device, [])).status === 429 && !held.refused) return held.push;
    await sleep(5); // the held push has not reached the server yet
  }
  held.push.abort();
  throw new Error('could not hold the device’s push slot');
}

async function snapshot(db: Db) {
  return {
    events: await db.selectFrom('events').selectAll().orderBy('seq').execute(),
    devices: await db.selectFrom('devices').selectAll().orderBy('device_id').execute(),
    counters: await db.selectFrom('counters').selectAll().orderBy('name').execute(),
    references: await db.selectFrom('reference_docs').select(['kind', 'id', 'seq']).orderBy('seq').execute(),
  };
}

describe.each(BACKENDS)('one push per desk at a time on %s', (backend) => {
  let hq: Hq;
  beforeEach(async () => {
    hq = await startHq(backend);
  });
  afterEach(async () => {
    await hq.destroy();
  });

  const opened = (device: RawDevice, deviceSeq: number) =>
    makeContactOpened({ deviceId: device.deviceId, deviceSeq, staffId: clerk });

  it('answers the second of two concurrent pushes 429 busy-device at once, and stores both once it is sent again', async () => {
    const device = await rawDevice(hq);
    const [e1, e2] = [opened(device, 1), opened(device, 2)];
    const first = heldPush(hq.url, device, [e1]);
    const second = heldPush(hq.url, device, [e2]);
    // Neither body is complete, so the only answer that can come is the refusal of whichever arrived second.
    const refused = await Promise.race([
      first.answer.then((answer) => ({ answer, loser: first, winner: second, lost: e1 })),
      second.answer.then((answer) => ({ answer, loser: second, winner: first, lost: e2 })),
    ]);
    expect(refused.answer.status).toBe(429);
    expect(refused.answer.headers['retry-after']).toBe('1');
    expect(refused.answer.headers.connection).toBe('close'); // its body is not read
    expect(JSON.parse(refused.answer.body)).toMatchObject({ code: 'busy-device', retryAfterSeconds: 1 });
    refused.loser.abort();

    const done = await refused.winner.finish().finally(() => refused.winner.abort());
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ stored: 1, rejected: [] });
    expect((await storedEventIds(hq.db)).filter((id) => id === refused.lost.eventId)).toEqual([]);

    // Nothing is lost: the refused push, sent again, is stored; the slot is free again.
    const again = await pushRaw(hq, device, [refused.lost]);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stored: 1, ackedSeq: refused.lost.deviceSeq });
    const stored = await storedEventIds(hq.db);
    expect(stored.filter((id) => id === e1.eventId || id === e2.eventId).sort()).toEqual(
      [e1.eventId, e2.eventId].sort(),
    );
  });

  it('lets a desk whose push met a busy slot keep its records, and sends them at its next sync', async () => {
    const desk = await syncedDesk(hq);
    const credentials = (await readStoredCredentials(desk))!;
    const device: RawDevice = {
      deviceId: credentials.deviceId,
      headers: { [DEVICE_ID_HEADER]: credentials.deviceId, authorization: `Bearer ${credentials.token}` },
    };
    const contactId = await recordContact(desk, clerk, {
      channel: 'visit',
      visitor: { name: '李先生', phone: '13900139000' },
      matter: '咨询高新技术企业认定',
      askedStaffIds: [],
    });
    const pending = await desk.outbox.count();
    expect(pending).toBeGreaterThan(0);

    const held = await holdPushSlot(hq, device);
    try {
      const failure: unknown = await syncOnce(desk, deskTransport(hq, desk)).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(SyncError);
      expect((failure as SyncError).failure).toMatchObject({ kind: 'server-error', status: 429, retryAfterSeconds: 1 });
      expect(await desk.outbox.count()).toBe(pending);
      expect((await held.finish()).status).toBe(200);
    } finally {
      held.abort(); // a failed assertion must not leave the server waiting for the rest of its body
    }

    await syncOnce(desk, deskTransport(hq, desk));
    expect(await desk.outbox.count()).toBe(0);
    const ids = (await desk.events.toArray()).filter((e) => e.event.aggregateId === contactId).map((e) => e.eventId);
    expect(ids.length).toBeGreaterThan(0);
    const stored = await storedEventIds(hq.db);
    for (const id of ids) expect(stored.filter((s) => s === id)).toHaveLength(1);
  });

  it('answers a push whose every event is refused without writing, even while another writer holds the lock', async () => {
    const device = await rawDevice(hq);
    expect((await pushRaw(hq, device, [opened(device, 1), opened(device, 2), opened(device, 3)])).body.stored).toBe(3);
    const before = await snapshot(hq.db);

    // Another instance's writer holds the sequence lock (on SQLite, the database's write lock) until released.
    const twin = await hq.twin();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const writer = twin.db.transaction().execute(async (trx) => {
      await lockSequence(trx);
      locked();
      await released;
    });
    await lockTaken;
    try {
      const refused = [
        { ...opened(device, 2), staffId: 'nobody-on-the-staff' }, // settled already: the mark is 3
        { ...opened(device, 3), payload: {} },
        { ...opened(device, 9), deviceId: newDeviceId() }, // another device's number acknowledges nothing
        { not: 'an event' },
      ];
      const answer = await Promise.race([pushRaw(hq, device, refused), sleep(5_000).then(() => 'blocked' as const)]);
      expect(answer, 'the refused push waited for the writer lock').not.toBe('blocked');
      if (answer === 'blocked') return;
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ stored: 0, duplicates: 0, ackedSeq: 3 });
      expect(answer.body.rejected).toHaveLength(4);
    } finally {
      release();
      await writer;
      await twin.close();
    }
    expect(await snapshot(hq.db)).toEqual(before);
  });

  it('moves only the device’s mark for a refused push past it: no commit seq is taken, no event stored', async () => {
    const device = await rawDevice(hq);
    expect((await pushRaw(hq, device, [opened(device, 1)])).body.stored).toBe(1);
    const before = await snapshot(hq.db);
    const answer = await pushRaw(hq, device, [{ ...opened(device, 7), payload: {} }]);
    expect(answer.body).toMatchObject({ stored: 0, ackedSeq: 7 });
    const after = await snapshot(hq.db);
    expect(after.events).toEqual(before.events);
    expect(after.counters).toEqual(before.counters);
    expect(after.references).toEqual(before.references);
    const mark = (s: typeof before) => s.devices.map((d) => [d.device_id, d.last_acked_seq]);
    expect(mark(after)).toEqual(mark(before).map(([id, seq]) => [id, id === device.deviceId ? 7 : seq]));
  });
});
