import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../../../renderer/data/append.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { newId } from '../../../renderer/data/ids.ts';
import { listRejections } from '../../../renderer/data/rejections.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { jsonBytes, MAX_EVENT_BYTES, PROOF_ROOM_BYTES, utf8Length } from '../../../shared/model/eventSize.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { SlipContent } from '../../../shared/model/slip.ts';
import { MAX_PUSH_BYTES, SYNC_FORMAT_VERSION } from '../../../shared/sync/protocol.ts';
import { longChecklist, padSlip, serialOf, slipEventOfBytes } from '../../fixtures/bigSlips.ts';
import {
  BACKENDS,
  deskTransport,
  pullEverything,
  pushRaw,
  rawDevice,
  storedEventIds,
  syncedDesk,
  startHq,
  type Hq,
  type RawDevice,
} from './harness.ts';

// Nothing a desk sends can make its own sync fail (issue 10): every event has a largest size, a push is filled by
// bytes up to the server's body limit, and so a desk whose outbox holds many big slip events empties it. Before,
// 200 events of 128 KiB made a 25.6 MiB body, the server answered 413 to it on every retry, and the desk was stuck.

const KIB = 1024;
const clerk = { staffId: DEMO_STAFF.windowClerk as StaffId };

/** The largest event a desk may push without a proof: the bound less the room kept for one. */
const LARGEST = MAX_EVENT_BYTES - PROOF_ROOM_BYTES;

describe.each(BACKENDS)('big events on %s', (backend) => {
  let hq: Hq;
  let device: RawDevice;
  beforeAll(async () => {
    hq = await startHq(backend);
    device = await rawDevice(hq);
  }, 60_000);
  afterAll(async () => hq.destroy());

  const stamp = (deviceSeq: number) => ({ deviceId: device.deviceId, deviceSeq, staffId: DEMO_STAFF.windowClerk });

  it('takes a full push of events of the largest size, and serves them back whole', { timeout: 120_000 }, async () => {
    const events = Array.from({ length: 32 }, (_, i) => slipEventOfBytes(stamp(i + 1), LARGEST));
    const body = { deviceId: device.deviceId, formatVersion: SYNC_FORMAT_VERSION, events };
    const bytes = utf8Length(JSON.stringify(body));
    expect(bytes).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    expect(bytes + 1 + LARGEST).toBeGreaterThan(MAX_PUSH_BYTES); // full: a 33rd would not fit

    const pushed = await pushRaw(hq, device, events);
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({ stored: 32, rejected: [], ackedSeq: 32 });
    const pulled = (await pullEverything(hq, device)).flatMap((page) => page.events);
    const mine = pulled.filter((p) => p.event.deviceId === device.deviceId);
    expect(mine.map((p) => p.event.eventId)).toEqual(events.map((e) => e.eventId));
    expect(mine.map((p) => jsonBytes(p.event))).toEqual(events.map(() => LARGEST));
  });

  it('refuses an event a byte over the bound as invalid-event, alone, and stores the rest', async () => {
    const before = await storedEventIds(hq.db);
    const over = slipEventOfBytes(stamp(40), LARGEST + 1);
    const fine = slipEventOfBytes(stamp(41), 50 * KIB);
    const pushed = await pushRaw(hq, device, [over, fine]);
    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected).toEqual([
      { eventId: over.eventId, deviceSeq: 40, code: 'invalid-event', message: 'eventTooLarge' },
    ]);
    expect(pushed.body).toMatchObject({ stored: 1, ackedSeq: 41 });
    expect(await storedEventIds(hq.db)).toEqual([...before, fine.eventId]);
  });

  describe('a desk with 600 slip events of 128 KiB in its outbox', () => {
    let desk: DeskDb;
    beforeAll(async () => {
      desk = await syncedDesk(hq);
      const content = padSlip(longChecklist(1), 128 * KIB, jsonBytes);
      const json = JSON.stringify(content);
      const printed = (n: number): SlipContent => JSON.parse(json.replaceAll(serialOf(1), serialOf(n))) as SlipContent;
      for (let first = 1; first <= 600; first += 50) {
        await appendEvents(
          desk,
          clerk,
          Array.from({ length: 50 }, (_, i) => {
            const slip = printed(first + i);
            const subject = { kind: 'contact' as const, contactId: newId() };
            return {
              type: 'slip.printed' as const,
              aggregateId: newId(),
              payload: { serial: slip.serial, subject, format: 'a4' as const, content: slip, reprint: 0 },
            };
          }),
        );
      }
    }, 120_000);

    it(
      'empties it in pushes the server takes, and another desk receives every slip',
      { timeout: 240_000 },
      async () => {
        expect(await desk.outbox.count()).toBe(600);
        const outbox = await desk.outbox.toArray();
        const pushes: number[] = [];
        const transport = deskTransport(hq, desk);
        const counting = {
          ...transport,
          push: (request: Parameters<typeof transport.push>[0], auth: Parameters<typeof transport.push>[1]) => {
            pushes.push(utf8Length(JSON.stringify(request)));
            return transport.push(request, auth);
          },
        };
        expect(await syncOnce(desk, counting)).toMatchObject({ pushed: 600, rejected: 0 });
        expect(await desk.outbox.count()).toBe(0);
        expect(await listRejections(desk)).toEqual([]);
        // More than 23.4 MiB (the old limit) in all, four and a few pushes, none past the limit.
        expect(pushes.length).toBeGreaterThanOrEqual(5);
        expect(pushes.length).toBeLessThanOrEqual(6);
        for (const bytes of pushes) expect(bytes).toBeLessThanOrEqual(MAX_PUSH_BYTES);

        const stored = new Set(await storedEventIds(hq.db));
        for (const row of outbox) expect(stored.has(row.eventId)).toBe(true);
        // Every one of these 600 slips (the file's earlier tests store slips of their own on the same server).
        const sent = await desk.events.bulkGet(outbox.map((row) => row.eventId));
        const slipIds = sent.map((row) => row!.aggregateId);
        const other = await syncedDesk(hq);
        const received = await other.slips.bulkGet(slipIds);
        expect(received.filter((slip) => slip !== undefined)).toHaveLength(600);
      },
    );
  });
});
