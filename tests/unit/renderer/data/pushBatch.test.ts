import { beforeEach, describe, expect, it } from 'vitest';
import { jsonBytes, utf8Length } from '../../../../shared/model/eventSize.ts';
import type { DeskEvent } from '../../../../shared/model/events.ts';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { MAX_PUSH_BYTES, type PushRequest } from '../../../../shared/sync/protocol.ts';
import { appendEvents } from '../../../../renderer/data/append.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { newId } from '../../../../renderer/data/ids.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import { pushBudget } from '../../../../renderer/data/pushBatch.ts';
import { listRejections } from '../../../../renderer/data/rejections.ts';
import { syncOnce } from '../../../../renderer/data/sync.ts';
import { SyncError, type SyncTransport } from '../../../../renderer/data/transport.ts';
import { longChecklist, padSlip } from '../../../fixtures/bigSlips.ts';
import { newDeviceId } from '../../../fixtures/events.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { fakeTransport } from './fakeTransport.ts';

// A push is filled by bytes as well as by count (issue 10): the server's body limit is MAX_PUSH_BYTES, and a desk
// whose outbox held big slip events used to send a body the server refused on every retry. A server that still
// refuses (an older one, a proxy) gets halves, down to one event; one event refused alone is shown, not retried.

let db: DeskDb;
beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
});

const KIB = 1024;
const clerk = { staffId: 'zhang-wei' as StaffId };

/** `count` slip.printed events of about `bytes` each, recorded the way the desk records a print. */
async function printBigSlips(count: number, bytes: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const content = padSlip(longChecklist(i + 1), bytes, jsonBytes);
    const subject = { kind: 'contact' as const, contactId: newId() };
    await appendEvents(db, clerk, [
      {
        type: 'slip.printed',
        aggregateId: newId(),
        payload: { serial: content.serial, subject, format: 'a4', content, reprint: 0 },
      },
    ]);
  }
}

async function recordCalls(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await recordContact(db, clerk.staffId, {
      channel: 'call',
      visitor: { name: `来电人${i}` },
      matter: '咨询',
      askedStaffIds: [],
    });
  }
}

/** The fake server behind a body limit: larger bodies get 413, as Fastify or a proxy answers them. */
function behindLimit(limit: number) {
  const server = fakeTransport(db);
  const bodies: { bytes: number; seqs: number[] }[] = [];
  const transport: SyncTransport = {
    ...server.transport,
    push: async (request, auth) => {
      const bytes = utf8Length(JSON.stringify(request));
      bodies.push({ bytes, seqs: (request.events as DeskEvent[]).map((e) => e.deviceSeq) });
      if (bytes > limit) {
        throw new SyncError({ kind: 'server-error', status: 413, message: 'Request body is too large' });
      }
      return server.transport.push(request, auth);
    },
  };
  return { transport, bodies, received: server.received };
}

describe('the push budget', () => {
  it('counts the body exactly as it is sent, and always admits the first event', () => {
    const envelope = { deviceId: newDeviceId(), formatVersion: 1, deskTime: '2026-11-28T01:00:00.000Z' };
    const events = [{ a: '南阳' }, { b: 'x'.repeat(100) }, { c: '𠮷' }];
    const budget = pushBudget(envelope, 10);
    expect(budget.admit(events[0])).toBe(true);
    expect(budget.admit(events[1])).toBe(false);
    const open = pushBudget(envelope, 10_000);
    for (const event of events) expect(open.admit(event)).toBe(true);
    const request: PushRequest = { ...envelope, events };
    expect(open.bytes).toBe(utf8Length(JSON.stringify(request)));
  });
});

// Tens of MB of slip content through fake-indexeddb: seconds of work by design, more on a loaded machine.
describe('pushing an outbox of big slip events', { timeout: 30_000 }, () => {
  it('fills each push up to MAX_PUSH_BYTES, never past it, and empties the outbox', async () => {
    await printBigSlips(45, 450 * KIB);
    const { transport, bodies, received } = behindLimit(MAX_PUSH_BYTES);
    expect(await syncOnce(db, transport)).toMatchObject({ pushed: 45, rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(bodies.map((b) => b.seqs.length)).toEqual([36, 9]);
    expect(bodies[0]!.bytes).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    expect(bodies[0]!.bytes).toBeGreaterThan(MAX_PUSH_BYTES - 460 * KIB);
    expect(received.map((e) => e.deviceSeq)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });

  it('halves the push while a smaller server limit refuses it, and sends everything in order', async () => {
    await printBigSlips(10, 300 * KIB);
    const { transport, bodies, received } = behindLimit(1024 * KIB);
    expect(await syncOnce(db, transport)).toMatchObject({ pushed: 10, rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(bodies.map((b) => b.seqs.length)).toEqual([10, 5, 2, 2, 2, 2, 2]);
    expect(received.map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('shows an event refused even alone as too large, once, and sends the rest', async () => {
    await recordCalls(2);
    await printBigSlips(1, 300 * KIB);
    await recordCalls(2);
    const { transport, bodies, received } = behindLimit(200 * KIB);
    expect(await syncOnce(db, transport)).toMatchObject({ pushed: 4, rejected: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect(received.map((e) => e.deviceSeq)).toEqual([1, 2, 4, 5]);
    // Five, then halves, then the big one alone (refused), then the rest: a bounded number of calls.
    expect(bodies.map((b) => b.seqs)).toEqual([[1, 2, 3, 4, 5], [1, 2], [3, 4], [3], [4], [5]]);

    const [refused] = await listRejections(db);
    expect(refused).toMatchObject({ deviceSeq: 3, code: 'too-large', eventType: 'slip.printed' });
    expect(refused!.message).toMatch(/^HTTP 413, \d+ bytes: Request body is too large$/);
    // The event itself stays on this desk, on record; nothing is sent again.
    expect(await db.events.get(refused!.eventId)).toBeDefined();
    expect(await syncOnce(db, transport)).toMatchObject({ pushed: 0, rejected: 0 });
    expect(bodies.slice(6).flatMap((b) => b.seqs)).toEqual([]);
  });

  it('still fails, and keeps the outbox, on any other server error', async () => {
    await printBigSlips(2, 300 * KIB);
    const server = fakeTransport(db);
    const failing: SyncTransport = {
      ...server.transport,
      push: async () => {
        throw new SyncError({ kind: 'server-error', status: 500, message: 'internal' });
      },
    };
    await expect(syncOnce(db, failing)).rejects.toMatchObject({ failure: { status: 500 } });
    expect(await db.outbox.count()).toBe(2);
    expect(await listRejections(db)).toEqual([]);
  });
});
