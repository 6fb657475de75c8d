import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import { readDevice } from '../../../renderer/data/device.ts';
import { recordContact, transferContact } from '../../../renderer/data/operations.ts';
import { getStaff } from '../../../renderer/data/references.ts';
import { readCursor, readSyncStatus, syncOnce, type SyncProgress } from '../../../renderer/data/sync.ts';
import { httpTransport, SyncError, type SyncTransport } from '../../../renderer/data/transport.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { enrolledDeskDb, startServer, syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

const clerk = DEMO_STAFF.windowClerk as StaffId;
const call = (name: string) => ({
  channel: 'call' as const,
  visitor: { name, phone: '13800138000' },
  matter: '咨询技术合同认定登记',
  askedStaffIds: [],
});

describe.each<Backend>(['sqlite', 'postgres'])('desk data layer syncing with the HQ server on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  beforeAll(async () => {
    hq = await startServer(backend);
    transport = httpTransport(hq.url);
  });
  afterAll(async () => hq.stop());

  it('brings the staff directory to a new desk, and the demo PIN verifies offline', async () => {
    const db = await syncedDeskDb(hq, transport);
    const staff = await getStaff(db, clerk);
    expect(staff?.name).toBe('张伟');
    // Issue 11: the directory a desk pulls carries nobody's secret in any form.
    expect(JSON.stringify(staff)).not.toMatch(/pinHash|pbkdf2|verifier/);
    expect((await readSyncStatus(db)).lastSuccessAt).toBeDefined();
  });

  it('reports how far a pull has come, page by page, up to the seq the server had when it answered', async () => {
    const writer = await syncedDeskDb(hq, transport);
    for (let i = 0; i < 12; i++) await recordContact(writer, clerk, call(`进度${i}`));
    await syncOnce(writer, transport);
    const reader = await enrolledDeskDb(hq);
    const seen: SyncProgress[] = [];
    const result = await syncOnce(reader, transport, { pull: 5, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((p) => p.cursor)).toEqual([...seen.map((p) => p.cursor)].sort((a, b) => a - b));
    expect(seen.every((p) => p.fromCursor === 0 && p.headSeq !== undefined && p.cursor <= p.headSeq)).toBe(true);
    const last = seen.at(-1)!;
    expect(last.cursor).toBe(await readCursor(reader));
    expect(last.cursor).toBe(last.headSeq);
    expect(last.received).toBe(result.pulled);
  });

  it('lets two desks see each other’s contacts through the server, with who is responsible', async () => {
    const window1 = await syncedDeskDb(hq, transport);
    const window3 = await syncedDeskDb(hq, transport);
    const id = await recordContact(window1, clerk, call('两窗口同步'));
    await transferContact(window1, clerk, id, { toStaffId: DEMO_STAFF.highTechHandler as StaffId });

    const pushed = await syncOnce(window1, transport);
    expect(pushed.pushed).toBe(2);
    expect(await window1.outbox.count()).toBe(0);

    await syncOnce(window3, transport);
    const seen = await window3.contacts.get(id);
    expect(seen?.visitor.name).toBe('两窗口同步');
    expect(seen?.responsibleStaffId).toBe(clerk);
    expect(seen?.status).toBe('transferPending');
    expect(seen?.transfer?.toStaffId).toBe(DEMO_STAFF.highTechHandler);
    // The desk that wrote the events learns their server sequence when it pulls them back.
    await syncOnce(window1, transport);
    const own = await window1.events.where('[aggregate+aggregateId]').equals(['contact', id]).toArray();
    expect(own.every((e) => typeof e.serverSeq === 'number')).toBe(true);
  });

  it('keeps an event in the outbox until the server acknowledges it, and never doubles it on retry', async () => {
    const desk = await syncedDeskDb(hq, transport);
    const other = await syncedDeskDb(hq, transport);
    await recordContact(desk, clerk, call('确认丢失'));
    // The server commits the push but the answer never reaches the desk.
    const lossy: SyncTransport = {
      ...transport,
      push: async (req, auth) => {
        await transport.push(req, auth);
        throw new SyncError({ kind: 'offline' });
      },
    };
    await expect(syncOnce(desk, lossy)).rejects.toThrow(SyncError);
    expect(await desk.outbox.count()).toBe(1);
    expect((await readSyncStatus(desk)).lastFailure).toEqual({ kind: 'offline' });

    const retry = await syncOnce(desk, transport);
    expect(retry.pushed).toBe(1);
    expect(await desk.outbox.count()).toBe(0);
    await syncOnce(other, transport);
    const copies = (await other.contacts.toArray()).filter((c) => c.visitor.name === '确认丢失');
    expect(copies).toHaveLength(1);
    expect(await other.events.where('[aggregate+aggregateId]').equals(['contact', copies[0]!.contactId]).count()).toBe(
      1,
    );
  });

  it('advances the cursor only with the batch it covers, and resumes after an interrupted pull', async () => {
    const writer = await syncedDeskDb(hq, transport);
    for (let i = 0; i < 7; i++) await recordContact(writer, clerk, call(`分页${i}`));
    await syncOnce(writer, transport);

    const reader = await enrolledDeskDb(hq);
    let pages = 0;
    const flaky: SyncTransport = {
      ...transport,
      pull: async (cursor, limit, auth) => {
        if (++pages === 3) throw new SyncError({ kind: 'offline' });
        return transport.pull(cursor, limit, auth);
      },
    };
    await expect(syncOnce(reader, flaky, { pull: 5 })).rejects.toThrow(SyncError);
    const cursorAfterFailure = await readCursor(reader);
    const eventsAfterFailure = await reader.events.count();
    expect(cursorAfterFailure).toBeGreaterThan(0);
    // Everything up to the saved cursor is applied; nothing beyond it.
    const applied = await reader.events.toArray();
    expect(applied.every((e) => (e.serverSeq ?? 0) <= cursorAfterFailure)).toBe(true);

    await syncOnce(reader, transport, { pull: 5 });
    const names = (await reader.contacts.toArray()).map((c) => c.visitor.name).filter((n) => n?.startsWith('分页'));
    expect(names.sort()).toEqual(['分页0', '分页1', '分页2', '分页3', '分页4', '分页5', '分页6']);
    expect(await reader.events.count()).toBeGreaterThan(eventsAfterFailure);
    const ids = (await reader.events.toArray()).map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps local writes made while a push is in flight', async () => {
    const desk = await syncedDeskDb(hq, transport);
    await recordContact(desk, clerk, call('先登记'));
    let writtenDuringPush = false;
    const slow: SyncTransport = {
      ...transport,
      push: async (req, auth) => {
        if (!writtenDuringPush) {
          writtenDuringPush = true;
          await recordContact(desk, clerk, call('同步中登记'));
        }
        return transport.push(req, auth);
      },
    };
    await syncOnce(desk, slow);
    // The write made mid-push was not acknowledged by that push, yet it is neither lost nor stuck:
    // the same run picks it up in its next batch.
    expect(await desk.outbox.count()).toBe(0);
    expect((await readDevice(desk)).nextSeq).toBe(3);
    const names = (await desk.contacts.toArray()).map((c) => c.visitor.name);
    expect(names).toEqual(expect.arrayContaining(['先登记', '同步中登记']));
    const other = await syncedDeskDb(hq, transport);
    const seen = (await other.contacts.toArray()).map((c) => c.visitor.name);
    expect(seen).toEqual(expect.arrayContaining(['先登记', '同步中登记']));
  });

  it('shows a refused event to a person instead of blocking the queue', async () => {
    const desk = await syncedDeskDb(hq, transport);
    // Signed in offline as someone the server no longer knows (e.g. removed from the directory).
    await desk.refs.put({
      kind: 'staff',
      id: 'ghost-clerk',
      doc: {
        kind: 'staff',
        id: 'ghost-clerk' as StaffId,
        rev: 1,
        hlc: '000000000000001-00000-hq',
        updatedAt: '2026-11-28T00:00:00.000Z',
        body: { ...(await getStaff(desk, clerk))!, id: 'ghost-clerk' as StaffId, name: '离职人员' },
      },
    });
    await recordContact(desk, 'ghost-clerk' as StaffId, call('无效人员'));
    await recordContact(desk, clerk, call('有效登记'));
    const result = await syncOnce(desk, transport);
    expect(result.rejected).toBe(1);
    expect(result.pushed).toBe(1);
    expect(await desk.outbox.count()).toBe(0);
    const [rejected] = await desk.rejected.toArray();
    expect(rejected?.code).toBe('unknown-staff');
    expect(rejected?.message).toBeTruthy();
  });
});
