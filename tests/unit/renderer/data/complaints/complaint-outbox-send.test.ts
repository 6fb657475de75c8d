import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintAck, ComplaintIntake } from '../../../../../shared/sync/complaintApi.ts';
import type { SyncFailure } from '../../../../../shared/sync/protocol.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { queueComplaint } from '../../../../../renderer/data/complaints/outbox.ts';
import { sendComplaintOutbox, type PostComplaint } from '../../../../../renderer/data/complaints/send.ts';
import { SyncError } from '../../../../../renderer/data/transport.ts';
import { freshDeskDb } from '../deskDb.ts';
import { intake } from './intakes.ts';

// Issue 14: a complaint leaves the desk on HQ's ack and only then; whatever else happens, what the clerk typed stays.

const AT = '2026-12-02T01:00:00.000Z';

/** HQ's POST /complaints as the desk sees it: acks by default, or answers each intake as told. */
function fakeHq(answer: (intake: ComplaintIntake) => ComplaintAck | SyncFailure = ack) {
  const received: ComplaintIntake[] = [];
  const post: PostComplaint = async (intake) => {
    received.push(intake);
    const out = answer(intake);
    if ('kind' in out) throw new SyncError(out);
    return out;
  };
  return { post, received };
}
const ack = (i: ComplaintIntake): ComplaintAck => ({ complaintId: i.complaintId, eventId: i.eventId, at: AT });
const refused = (status: number, message = 'refused'): SyncFailure => ({ kind: 'server-error', status, message });

let db: DeskDb;
beforeEach(async () => {
  db = freshDeskDb();
  await db.open();
});
afterEach(() => db.close());

describe('sendComplaintOutbox', () => {
  it('sends each intake as the contract has it, oldest first, and erases each on its ack', async () => {
    const first = await queueComplaint(db, 'zhang-wei', intake());
    const second = await queueComplaint(db, 'li-na', intake({ channel: 'letter' }));
    const hq = fakeHq();
    expect(await sendComplaintOutbox(db, hq.post)).toEqual({ sent: 2, refused: 0 });
    expect(hq.received.map((i) => i.complaintId)).toEqual([first.complaintId, second.complaintId]);
    // Exactly the four fields of the strict wire schema: none of the desk's bookkeeping goes to HQ.
    expect(Object.keys(hq.received[0]!).sort()).toEqual(['complaintId', 'eventId', 'payload', 'staffId']);
    expect(hq.received[1]!.staffId).toBe('li-na');
    expect(await db.complaintOutbox.count()).toBe(0);
  });

  it('keeps everything when the desk is offline, and says nothing against the complaint', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    await queueComplaint(db, 'zhang-wei', intake());
    const hq = fakeHq(() => ({ kind: 'offline' }));
    expect(await sendComplaintOutbox(db, hq.post)).toEqual({ sent: 0, refused: 0 });
    expect(hq.received).toHaveLength(1); // stops at the first: the rest would fail the same way
    const rows = await db.complaintOutbox.toArray();
    expect(rows.map((r) => [r.attempts, r.lastError])).toEqual([
      [0, undefined],
      [0, undefined],
    ]);
  });

  it('keeps a refused complaint with HQ’s reason and goes on with the next', async () => {
    const bad = await queueComplaint(db, 'zhang-wei', intake());
    const good = await queueComplaint(db, 'zhang-wei', intake());
    const hq = fakeHq((i) =>
      i.complaintId === bad.complaintId ? refused(400, 'staffId: no active staff member zhang-wei') : ack(i),
    );
    expect(await sendComplaintOutbox(db, hq.post)).toEqual({ sent: 1, refused: 1 });
    const rows = await db.complaintOutbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      complaintId: bad.complaintId,
      attempts: 1,
      lastError: 'HTTP 400: staffId: no active staff member zhang-wei',
    });
    expect(rows.some((r) => r.complaintId === good.complaintId)).toBe(false);
  });

  it('keeps HQ’s code with the refusal, and drops it when the next refusal gives none', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    const coded = fakeHq(() => ({ ...refused(400, '收到投诉日期…'), code: 'date-out-of-range' }));
    await sendComplaintOutbox(db, coded.post);
    expect((await db.complaintOutbox.toArray())[0]).toMatchObject({ attempts: 1, lastCode: 'date-out-of-range' });
    await sendComplaintOutbox(db, fakeHq(() => refused(400, 'bad')).post);
    const [row] = await db.complaintOutbox.toArray();
    expect(row).toMatchObject({ attempts: 2, lastError: 'HTTP 400: bad' });
    expect(row!.lastCode).toBeUndefined();
  });

  it('keeps a complaint HQ answers with 409 conflict (another intake under its ids), and tries it again next time', async () => {
    const { complaintId } = await queueComplaint(db, 'zhang-wei', intake());
    await sendComplaintOutbox(db, fakeHq(() => refused(409, 'conflict')).post);
    await sendComplaintOutbox(db, fakeHq(() => refused(409, 'conflict')).post);
    expect(await db.complaintOutbox.toArray()).toMatchObject([{ complaintId, attempts: 2, lastError: 'HTTP 409: conflict' }]);
    // HQ takes it at last: it leaves the desk.
    expect(await sendComplaintOutbox(db, fakeHq().post)).toEqual({ sent: 1, refused: 0 });
    expect(await db.complaintOutbox.count()).toBe(0);
  });

  it('stops at HQ unwell (5xx, 429) with the reason on the one tried, leaving the rest untried', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    await queueComplaint(db, 'zhang-wei', intake());
    for (const status of [503, 429]) {
      const hq = fakeHq(() => refused(status, 'busy'));
      expect(await sendComplaintOutbox(db, hq.post)).toEqual({ sent: 0, refused: 1 });
      expect(hq.received).toHaveLength(1);
    }
    const rows = await db.complaintOutbox.orderBy('queuedAt').toArray();
    expect(rows.map((r) => r.attempts)).toEqual([2, 0]);
    expect(rows[0]!.lastError).toBe('HTTP 429: busy');
  });

  it('keeps the rows untouched when HQ does not know this desk (revoked, not enrolled): the sync status says so', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    for (const failure of [
      { kind: 'device-revoked', message: 'revoked' },
      { kind: 'unauthenticated', message: 'who?' },
      { kind: 'token-expired', message: 'silent too long' },
    ] as const) {
      await sendComplaintOutbox(db, fakeHq(() => failure).post);
    }
    expect(await db.complaintOutbox.toArray()).toMatchObject([{ attempts: 0 }]);
    expect((await db.complaintOutbox.toArray())[0]!.lastError).toBeUndefined();
  });

  it('erases nothing on an ack of another complaint (a wrong or hostile answer)', async () => {
    const { complaintId } = await queueComplaint(db, 'zhang-wei', intake());
    const other = await queueComplaint(db, 'zhang-wei', intake());
    const hq = fakeHq((i) => ({ ...ack(i), eventId: '01JDZZZZZZZZZZZZZZZZZZZZZZ' as ComplaintAck['eventId'] }));
    expect(await sendComplaintOutbox(db, hq.post)).toEqual({ sent: 0, refused: 1 });
    expect(hq.received).toHaveLength(1);
    const rows = await db.complaintOutbox.orderBy('queuedAt').toArray();
    expect(rows.map((r) => r.complaintId)).toEqual([complaintId, other.complaintId]);
    expect(rows[0]!.lastError).toMatch(/not this complaint/);
  });

  it('keeps the complaint on an answer that is no ack at all', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    await sendComplaintOutbox(db, fakeHq(() => ({ kind: 'bad-response', message: 'not JSON' })).post);
    expect(await db.complaintOutbox.toArray()).toMatchObject([{ attempts: 1, lastError: 'not JSON' }]);
  });

  it('bounds what it keeps of HQ’s message', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    await sendComplaintOutbox(db, fakeHq(() => refused(400, 'x'.repeat(100_000))).post);
    expect((await db.complaintOutbox.toArray())[0]!.lastError!.length).toBe(500);
  });

  it('lets a fault of the desk itself surface instead of passing it for a refusal', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    const broken: PostComplaint = () => Promise.reject(new TypeError('bug'));
    await expect(sendComplaintOutbox(db, broken)).rejects.toThrow('bug');
    expect(await db.complaintOutbox.toArray()).toMatchObject([{ attempts: 0 }]);
  });

  it('runs once at a time: a second call joins the first, and HQ sees each intake once', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    const hq = fakeHq();
    const [a, b] = await Promise.all([sendComplaintOutbox(db, hq.post), sendComplaintOutbox(db, hq.post)]);
    expect(a).toEqual({ sent: 1, refused: 0 });
    expect(b).toBe(a);
    expect(hq.received).toHaveLength(1);
  });

  it('does not bring back a row another window erased on its ack while this one was refused', async () => {
    await queueComplaint(db, 'zhang-wei', intake());
    const hq = fakeHq(() => refused(409, 'conflict'));
    const post: PostComplaint = async (i) => {
      await db.complaintOutbox.delete(i.eventId); // the other window's ack lands meanwhile
      return hq.post(i);
    };
    await sendComplaintOutbox(db, post);
    expect(await db.complaintOutbox.count()).toBe(0);
  });
});
