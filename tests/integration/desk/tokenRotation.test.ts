import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { readStoredCredentials, storeCredentials } from '../../../renderer/data/credentials.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { readDevice } from '../../../renderer/data/device.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { readSyncStatus, syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, SyncError, type SyncTransport } from '../../../renderer/data/transport.ts';
import { hashDeviceToken } from '../../../server/src/auth/secrets.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { findDevice, revokeDevice } from '../../../server/src/storage/devices.ts';
import { enrolledDeskDb, startServer, type Backend, type RunningServer } from './servers.ts';

// A desk's token rotates during its sync (issue 11, item 5), and whatever happens to the answer or to the desk
// meanwhile, the desk never locks itself out: it keeps the new token before anything else, and the old one is
// accepted until the desk has used the new one.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const DAY = 24 * 60 * 60 * 1000;
const call = (name: string) => ({
  channel: 'call' as const,
  visitor: { name, phone: '13800138000' },
  matter: '咨询科技型中小企业评价',
  askedStaffIds: [],
});

/** The Electron desk's way: credentials kept apart from the desk database (safeStorage), read on every run. */
function platformStore(initial: DeviceCredentials) {
  const store = {
    held: initial,
    saves: [] as DeviceCredentials[],
    failSave: false,
    load: async () => store.held,
    save: async (credentials: DeviceCredentials) => {
      if (store.failSave) throw new Error('safeStorage: the keyring is locked');
      store.saves.push(credentials);
      store.held = credentials;
    },
  };
  return store;
}

describe.each<Backend>(['sqlite', 'postgres'])('device token rotation at a desk, on %s', (backend) => {
  let hq: RunningServer;
  let clock: number;
  beforeAll(async () => {
    hq = await startServer(backend);
  });
  afterAll(async () => hq.stop());
  beforeEach(() => {
    // Only Date is faked: both the desk and the server read it, the network and the databases run as usual.
    clock = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: clock });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const advance = (ms: number) => {
    clock += ms;
    vi.setSystemTime(clock);
  };
  const serverRow = async (db: DeskDb) => (await findDevice(hq.server.storage.db, (await readDevice(db)).deviceId))!;
  const syncedDesk = async (label: string) => {
    const db = await enrolledDeskDb(hq, label);
    await syncOnce(db, httpTransport(hq.url));
    return db;
  };

  it('keeps the new token before it acknowledges anything, and uses it from the next call', async () => {
    const db = await syncedDesk('窗口1');
    const first = (await readStoredCredentials(db))!;
    await db.meta.delete('deviceCredentials');
    const store = platformStore(first);
    // When the new token is kept, the pushed records are still in the outbox: nothing came before it.
    const outboxAtSave: number[] = [];
    const transport = httpTransport(hq.url, {
      credentials: store.load,
      saveCredentials: async (c) => {
        outboxAtSave.push(await db.outbox.count());
        await store.save(c);
      },
    });
    advance(8 * DAY);
    await recordContact(db, clerk, call('轮换'));
    await recordContact(db, clerk, call('轮换二'));
    await syncOnce(db, transport);

    expect(store.saves).toHaveLength(1);
    expect(outboxAtSave).toEqual([2]);
    expect(store.held.token).not.toBe(first.token);
    expect(await db.outbox.count()).toBe(0);
    // The pull that followed already used the new token, so the old one is no longer accepted.
    expect(await serverRow(db)).toMatchObject({
      token_hash: hashDeviceToken(store.held.token),
      previous_token_hash: null,
    });
    expect(await readStoredCredentials(db)).toBeNull(); // never copied into the desk database
    await expect(syncOnce(db, httpTransport(hq.url, { credentials: async () => first }))).rejects.toMatchObject({
      failure: { kind: 'unauthenticated' },
    });
    await expect(syncOnce(db, transport)).resolves.toBeDefined();
  });

  it('does not lock itself out when the answer to the rotating push is lost after the server committed it', async () => {
    const db = await syncedDesk('窗口2');
    const first = (await readStoredCredentials(db))!;
    const transport = httpTransport(hq.url);
    let lostToken: string | undefined;
    const lossy: SyncTransport = {
      ...transport,
      async push(request, auth) {
        const response = await transport.push(request, auth);
        lostToken = response.newToken;
        throw new SyncError({ kind: 'offline' });
      },
    };
    advance(8 * DAY);
    await recordContact(db, clerk, call('应答丢失'));
    await expect(syncOnce(db, lossy)).rejects.toMatchObject({ failure: { kind: 'offline' } });
    expect(lostToken).toBeDefined();
    expect(await readStoredCredentials(db)).toEqual(first);
    expect(await db.outbox.count()).toBe(1);

    // At once: the old token still works (no second token within the minute); the record is acknowledged.
    await syncOnce(db, transport);
    expect(await db.outbox.count()).toBe(0);
    expect(await readStoredCredentials(db)).toEqual(first);

    // Later, with nothing to send, the desk offers its token (an empty push) and is given another new one.
    advance(10 * 60_000);
    await syncOnce(db, transport);
    const held = (await readStoredCredentials(db))!;
    expect(held.token).not.toBe(first.token);
    expect(held.token).not.toBe(lostToken);
    expect(await serverRow(db)).toMatchObject({ token_hash: hashDeviceToken(held.token), previous_token_hash: null });
    await expect(syncOnce(db, transport)).resolves.toBeDefined();
  });

  it('loses nothing when it crashes right after keeping the new token, before the acknowledgement', async () => {
    const db = await syncedDesk('窗口3');
    const transport = httpTransport(hq.url);
    const crashing: SyncTransport = {
      ...transport,
      async push(request, auth) {
        const response = await transport.push(request, auth);
        // The desk keeps the token first … and the process dies there.
        await storeCredentials(db, { deviceId: auth.deviceId, token: response.newToken! });
        throw new Error('the desk was switched off');
      },
    };
    advance(8 * DAY);
    const contactId = await recordContact(db, clerk, call('断电'));
    await expect(syncOnce(db, crashing)).rejects.toThrow();
    expect(await db.outbox.count()).toBe(1);

    // Started again, it pushes the same record with the new token: stored once, acknowledged, old token gone.
    await syncOnce(db, transport);
    expect(await db.outbox.count()).toBe(0);
    const held = (await readStoredCredentials(db))!;
    expect(await serverRow(db)).toMatchObject({ token_hash: hashDeviceToken(held.token), previous_token_hash: null });
    const stored = await hq.server.storage.db
      .selectFrom('events')
      .select('event_id')
      .where('aggregate_id', '=', contactId)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('keeps the old token and says so when the new one cannot be kept, and rotates on a later sync', async () => {
    const db = await syncedDesk('窗口4');
    const first = (await readStoredCredentials(db))!;
    const store = platformStore(first);
    const transport = httpTransport(hq.url, { credentials: store.load, saveCredentials: store.save });
    advance(8 * DAY);
    await recordContact(db, clerk, call('钥匙环锁定'));
    store.failSave = true;
    await expect(syncOnce(db, transport)).rejects.toMatchObject({ failure: { kind: 'credentials-not-saved' } });
    expect((await readSyncStatus(db)).lastFailure).toMatchObject({
      kind: 'credentials-not-saved',
      message: expect.stringContaining('keyring is locked'),
    });
    expect(store.held).toEqual(first);
    expect(await db.outbox.count()).toBe(1);

    store.failSave = false;
    advance(5 * 60_000);
    await syncOnce(db, transport);
    expect(await db.outbox.count()).toBe(0);
    expect(store.held.token).not.toBe(first.token);
    expect((await serverRow(db)).token_hash).toBe(hashDeviceToken(store.held.token));
  });

  it('shares the new token between two windows of the desk, one after the other or at once', async () => {
    const db = await syncedDesk('窗口5');
    const first = (await readStoredCredentials(db))!;
    const store = platformStore(first);
    // Two windows: each its own transport and sync runs, one store of credentials (main's safeStorage file).
    const windowA = httpTransport(hq.url, { credentials: store.load, saveCredentials: store.save });
    const windowB = httpTransport(hq.url, { credentials: store.load, saveCredentials: store.save });
    advance(8 * DAY);
    await recordContact(db, clerk, call('窗口甲'));
    await syncOnce(db, windowA);
    const rotated = store.held.token;
    expect(rotated).not.toBe(first.token);
    await recordContact(db, clerk, call('窗口乙'));
    await syncOnce(db, windowB);
    expect(store.held.token).toBe(rotated);
    expect(await db.outbox.count()).toBe(0);

    // A week later both run at once (as they would without Web Locks): at most one new token is handed out,
    // and whichever run was refused meanwhile, both windows sync on their next run.
    advance(8 * DAY);
    await recordContact(db, clerk, call('同时'));
    await Promise.allSettled([syncOnce(db, windowA), syncOnce(db, windowB)]);
    expect(store.saves.length).toBeLessThanOrEqual(2);
    await syncOnce(db, windowA);
    await syncOnce(db, windowB);
    expect(await db.outbox.count()).toBe(0);
    expect((await serverRow(db)).token_hash).toBe(hashDeviceToken(store.held.token));
  });

  it('tells a desk silent for longer than the bureau allows that it must be enrolled again, and keeps its data', async () => {
    const db = await syncedDesk('窗口6');
    const contactId = await recordContact(db, clerk, call('长期未同步'));
    advance(91 * DAY);
    await expect(syncOnce(db, httpTransport(hq.url))).rejects.toMatchObject({ failure: { kind: 'token-expired' } });
    expect((await readSyncStatus(db)).lastFailure).toMatchObject({
      kind: 'token-expired',
      message: expect.stringContaining('凭据已失效'),
    });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.contacts.get(contactId)).toBeDefined();
  });

  it('is still refused as revoked after a rotation, with either token', async () => {
    const db = await syncedDesk('窗口7');
    const first = (await readStoredCredentials(db))!;
    advance(8 * DAY);
    await recordContact(db, clerk, call('停用'));
    await syncOnce(db, httpTransport(hq.url));
    const rotated = (await readStoredCredentials(db))!;
    expect(rotated.token).not.toBe(first.token);
    await revokeDevice(hq.server.storage.db, rotated.deviceId, 'ma-jun', new Date().toISOString());
    await recordContact(db, clerk, call('停用后'));
    for (const credentials of [rotated, first]) {
      await expect(syncOnce(db, httpTransport(hq.url, { credentials: async () => credentials }))).rejects.toMatchObject(
        { failure: { kind: credentials === rotated ? 'device-revoked' : 'unauthenticated' } },
      );
    }
  });
});
