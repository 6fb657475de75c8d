import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../../shared/model/events.ts';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { readDevice } from '../../../../renderer/data/device.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import { acknowledgedSeqs, readPushAck, writePushAck } from '../../../../renderer/data/pushAck.ts';
import { readSyncStatus, syncOnce } from '../../../../renderer/data/sync.ts';
import { readSyncHistory } from '../../../../renderer/data/syncHistory.ts';
import { SyncError, type SyncTransport } from '../../../../renderer/data/transport.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { fakeTransport } from './fakeTransport.ts';

// The outbox holds records that exist nowhere else yet: only the server's ack of what this desk sent removes them,
// and an ack the desk cannot believe is a fault to show, never permission to delete (issue 10, item 3).

let db: DeskDb;
beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
});

async function record(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await recordContact(db, 'zhang-wei' as StaffId, {
      channel: 'call',
      visitor: { name: `来电人${i}` },
      matter: '咨询',
      askedStaffIds: [],
    });
  }
}

const outboxSeqs = async () => (await db.outbox.orderBy('deviceSeq').toArray()).map((row) => row.deviceSeq);

/** The fake server, except that its ack is what `ack` makes of the deviceSeqs it was sent. */
function answering(ack: (sent: number[]) => unknown): { transport: SyncTransport; sent: number[][] } {
  const server = fakeTransport(db);
  const sent: number[][] = [];
  const transport: SyncTransport = {
    ...server.transport,
    push: async (request, auth) => {
      const seqs = (request.events as DeskEvent[]).map((e) => e.deviceSeq);
      sent.push(seqs);
      return { ...(await server.transport.push(request, auth)), ackedSeq: ack(seqs) as number };
    },
  };
  return { transport, sent };
}

async function expectBadResponse(transport: SyncTransport, message: RegExp, options = {}): Promise<void> {
  const failed = syncOnce(db, transport, options);
  await expect(failed).rejects.toBeInstanceOf(SyncError);
  await expect(failed).rejects.toMatchObject({ failure: { kind: 'bad-response', message } });
  const [run] = await readSyncHistory(db);
  expect(run).toMatchObject({ ok: false, failure: { kind: 'bad-response', message } });
  expect((await readSyncStatus(db)).lastFailure).toMatchObject({ kind: 'bad-response' });
}

describe('what leaves the outbox after a push', () => {
  it('removes, batch by batch, exactly the records sent and acknowledged', async () => {
    await record(5);
    const { transport, sent } = answering((seqs) => Math.max(...seqs));
    expect(await syncOnce(db, transport, { push: 2 })).toMatchObject({ pushed: 5, rejected: 0 });
    expect(sent).toEqual([[1, 2], [3, 4], [5]]);
    expect(await outboxSeqs()).toEqual([]);
    expect(await readPushAck(db, (await readDevice(db)).deviceId)).toBe(5);
  });

  it('keeps every record, and says so, when the ack is ahead of what was sent', async () => {
    await record(3);
    // Sent 1 and 2; an ack of 3 would have dropped record 3, which never left this desk.
    await expectBadResponse(answering(() => 3).transport, /sent only up to 2.*no record was removed/, { push: 2 });
    expect(await outboxSeqs()).toEqual([1, 2, 3]);
  });

  it('keeps every record when the ack is not a sequence number', async () => {
    await record(2);
    for (const ack of [1e300, Number.NaN, -1, 1.5, '2', 2 ** 31]) {
      await expectBadResponse(answering(() => ack).transport, /not a sequence number/);
      expect(await outboxSeqs(), String(ack)).toEqual([1, 2]);
    }
  });

  it('keeps every record when the ack goes backwards', async () => {
    await record(2);
    await syncOnce(db, answering((seqs) => Math.max(...seqs)).transport);
    await record(1);
    await expectBadResponse(answering(() => 1).transport, /went backwards, from record 2 to 1/);
    expect(await outboxSeqs()).toEqual([3]);
  });

  it('removes what a short ack covers, keeps the rest, and shows the fault', async () => {
    await record(3);
    await expectBadResponse(answering(() => 1).transport, /up to 1 of the 3 sent.*rest stay in the outbox/);
    expect(await outboxSeqs()).toEqual([2, 3]);
  });
});

describe('believing an ack', () => {
  it('takes the sent deviceSeqs up to the ack, and nothing the push did not carry', () => {
    expect(acknowledgedSeqs(7, [5, 6, 7], 4)).toEqual([5, 6, 7]);
    expect(acknowledgedSeqs(6, [5, 6, 7], 4)).toEqual([5, 6]);
    expect(() => acknowledgedSeqs(8, [5, 6, 7], 4)).toThrow(/sent only up to 7/);
    expect(() => acknowledgedSeqs(3, [5, 6, 7], 4)).toThrow(/backwards/);
    // Another window pushed the same records and was acknowledged further meanwhile: no fault, nothing lost.
    expect(acknowledgedSeqs(5, [1, 2, 3, 4, 5], 6)).toEqual([1, 2, 3, 4, 5]);
  });

  it('remembers the last ack per identity, so a desk enrolled again starts from nothing', async () => {
    await writePushAck(db, 'OLD-IDENTITY', 900);
    expect(await readPushAck(db, 'OLD-IDENTITY')).toBe(900);
    expect(await readPushAck(db, 'NEW-IDENTITY')).toBe(0);
    await writePushAck(db, 'OLD-IDENTITY', 800);
    expect(await readPushAck(db, 'OLD-IDENTITY')).toBe(900);
  });
});
