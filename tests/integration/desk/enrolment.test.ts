import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import { parseHlc } from '../../../shared/sync/hlc.ts';
import { readStoredCredentials } from '../../../renderer/data/credentials.ts';
import { readDevice } from '../../../renderer/data/device.ts';
import { enrolThisDesk, EnrolmentError } from '../../../renderer/data/enrolment.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { readSyncStatus, syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, SyncError, type SyncTransport } from '../../../renderer/data/transport.ts';
import { issueEnrolmentCode } from '../../../server/src/auth/enrolment.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { revokeDevice } from '../../../server/src/storage/devices.ts';
import { freshDeskDb } from '../../unit/renderer/data/deskDb.ts';
import {
  credentialsFrom,
  enrolDesk,
  enrolledDeskDb,
  startServer,
  type Backend,
  type RunningServer,
} from './servers.ts';

// A desk enrols with the HQ server before it syncs, syncs only as itself, and when an admin revokes it, it is
// told so and loses nothing it holds.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const call = (name: string) => ({
  channel: 'call' as const,
  visitor: { name, phone: '13800138000' },
  matter: '咨询科技型中小企业评价',
  askedStaffIds: [],
});

describe.each<Backend>(['sqlite', 'postgres'])('a desk enrolling with the HQ server on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  beforeAll(async () => {
    hq = await startServer(backend);
    transport = httpTransport(hq.url);
  });
  afterAll(async () => hq.stop());

  const newCode = async () => (await issueEnrolmentCode(hq.server.storage.db, { createdBy: 'test' })).code;

  it('takes on the identity the server gives it, keeps its clock, and then syncs', async () => {
    const db = freshDeskDb();
    const minted = await readDevice(db);
    const credentials = await enrolDesk(hq, db, '窗口3');
    const device = await readDevice(db);
    expect(device.deviceId).toBe(credentials.deviceId);
    expect(device.deviceId).not.toBe(minted.deviceId);
    expect(device).toMatchObject({ nextSeq: 1, label: '窗口3' });
    expect(parseHlc(device.hlc).node).toBe(credentials.deviceId);
    expect(await readStoredCredentials(db)).toEqual(credentials);
    await syncOnce(db, transport);
    expect((await readSyncStatus(db)).lastSuccessAt).toBeDefined();
  });

  it('does not call the server at all while the desk is not enrolled, and says why', async () => {
    const db = freshDeskDb();
    await expect(syncOnce(db, transport)).rejects.toThrow(SyncError);
    expect((await readSyncStatus(db)).lastFailure).toMatchObject({ kind: 'unauthenticated' });
  });

  it('refuses a wrong code and changes nothing on the desk', async () => {
    const db = freshDeskDb();
    const before = await readDevice(db);
    const attempt = enrolThisDesk(db, { serverUrl: hq.url, code: 'ABCD-EFGH', label: 'W01' }, { save: async () => {} });
    await expect(attempt).rejects.toMatchObject({ failure: { kind: 'enrolment-code-unknown' } });
    expect(await readDevice(db)).toEqual(before);
    expect(await readStoredCredentials(db)).toBeNull();
  });

  it('refuses to change identity while records wait to be sent, without using up the code', async () => {
    // A desk that holds an unsent record (here: one enrolled before, now asked to enrol again).
    const db = await enrolledDeskDb(hq);
    await syncOnce(db, transport);
    await recordContact(db, clerk, call('未上传'));
    const code = await newCode();
    const attempt = enrolThisDesk(db, { serverUrl: hq.url, code, label: 'W02' }, { save: async () => {} });
    await expect(attempt).rejects.toBeInstanceOf(EnrolmentError);
    await expect(attempt).rejects.toMatchObject({ failure: { kind: 'outbox-not-empty', pending: 1 } });
    expect(await db.outbox.count()).toBe(1);
    // The code was never sent: another desk can still use it.
    const other = freshDeskDb();
    await expect(
      enrolThisDesk(other, { serverUrl: hq.url, code, label: 'W02' }, { save: async () => {} }),
    ).resolves.toMatchObject({ deviceId: expect.any(String) });
  });

  it('syncs each desk as itself through one shared transport', async () => {
    const a = await enrolledDeskDb(hq, 'A');
    const b = await enrolledDeskDb(hq, 'B');
    await syncOnce(a, transport);
    await syncOnce(b, transport);
    await recordContact(a, clerk, call('甲窗口'));
    await recordContact(b, clerk, call('乙窗口'));
    expect((await syncOnce(a, transport)).pushed).toBe(1);
    expect((await syncOnce(b, transport)).pushed).toBe(1);
    const { deviceId: idA } = await readDevice(a);
    const ownEvents = await a.events.toArray();
    const fromA = ownEvents.filter((e) => e.event.deviceId === idA);
    expect(fromA).toHaveLength(1);
    expect(fromA[0]!.serverSeq).toBeDefined();
  });

  it('syncs with credentials kept outside the desk database, as the Electron desk does', async () => {
    const db = await enrolledDeskDb(hq);
    const keptApart = await readStoredCredentials(db);
    await db.meta.delete('deviceCredentials');
    const own = httpTransport(hq.url, { credentials: async () => keptApart });
    await expect(syncOnce(db, own)).resolves.toMatchObject({ pulled: expect.any(Number) });
    // …and one whose credentials are for another identity makes no call.
    const stranger = await enrolledDeskDb(hq);
    await expect(syncOnce(stranger, httpTransport(hq.url, { credentials: async () => keptApart }))).rejects.toThrow(
      /credentials are for device/,
    );
    // The helper for tests that want a transport bound to one desk's credentials.
    await expect(
      syncOnce(stranger, httpTransport(hq.url, { credentials: credentialsFrom(stranger) })),
    ).resolves.toBeDefined();
  });

  it('tells a revoked desk why its sync is refused, and keeps its data and outbox', async () => {
    const desk = await enrolledDeskDb(hq, '窗口5');
    const other = await enrolledDeskDb(hq, '窗口6');
    await syncOnce(desk, transport);
    await syncOnce(other, transport);
    const sent = await recordContact(desk, clerk, call('停用前'));
    await syncOnce(desk, transport);
    const { deviceId } = await readDevice(desk);
    expect(await revokeDevice(hq.server.storage.db, deviceId, 'ma-jun', new Date().toISOString())).toBe(true);

    const unsent = await recordContact(desk, clerk, call('停用后'));
    const refused = syncOnce(desk, transport);
    await expect(refused).rejects.toMatchObject({ failure: { kind: 'device-revoked' } });
    const failure = (await readSyncStatus(desk)).lastFailure;
    expect(failure).toMatchObject({ kind: 'device-revoked', message: expect.stringContaining('此窗口已被管理员停用') });
    expect(await desk.outbox.count()).toBe(1);
    expect(await desk.contacts.get(sent)).toBeDefined();
    expect(await desk.contacts.get(unsent)).toBeDefined();

    // Other desks carry on, and have what the revoked desk sent before.
    await syncOnce(other, transport);
    expect(await other.contacts.get(sent)).toBeDefined();
    expect(await other.contacts.get(unsent)).toBeUndefined();
  });
});

describe('a desk whose address typed too many wrong codes', () => {
  let hq: RunningServer;
  beforeAll(async () => {
    hq = await startServer('sqlite');
  });
  afterAll(async () => hq.stop());

  it('is told to wait, in minutes, and changes nothing', async () => {
    const db = freshDeskDb();
    const before = await readDevice(db);
    const attempt = (code: string) =>
      enrolThisDesk(db, { serverUrl: hq.url, code, label: 'W01' }, { save: async () => {} });
    for (let i = 0; i < 10; i++) await expect(attempt('ABCD-EFGH')).rejects.toBeInstanceOf(EnrolmentError);
    const right = (await issueEnrolmentCode(hq.server.storage.db, { createdBy: 'test' })).code;
    await expect(attempt(right)).rejects.toMatchObject({ failure: { kind: 'too-many-attempts', minutes: 15 } });
    expect(await readDevice(db)).toEqual(before);
    expect(await readStoredCredentials(db)).toBeNull();
  });
});
