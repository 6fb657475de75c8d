import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SEQ } from '../../../shared/model/seq.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { DEVICE_ID_HEADER, deviceListSchema } from '../../../shared/sync/enrolment.ts';
import { pushResponseSchema, SYNC_FORMAT_VERSION, type PushResponse } from '../../../shared/sync/protocol.ts';
import { readStoredCredentials } from '../../../renderer/data/credentials.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { deviceSummary } from '../../../server/src/http/admin.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { listEnrolledDevices } from '../../../server/src/storage/devices.ts';
import { makeContactOpened } from '../../fixtures/events.ts';
import { BACKENDS, deskTransport, startHq, storedEventIds, syncedDesk, type Hq } from '../sync/harness.ts';

// Issue 10, items 3 and 4: sequence numbers and times a desk sends are bounded before they reach SQL. Before, a
// rejected event's deviceSeq 1e300 became a device's ack on SQLite (its next push answered an ack its own schema
// refused, and the admin's device list stopped parsing); on PostgreSQL a deviceSeq of 3e9 (int4) and an HLC with
// a NUL were a 500 on every retry; an HLC at 0 or in the far future and an occurredAt in 1900 or 9999 were stored.
// After each, the desk that sent it and another desk must still push and pull, and the admin's list must parse.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const DAY = 24 * 3_600_000;

describe.each(BACKENDS)('hostile sequence numbers and times on %s', (backend) => {
  let hq: Hq;
  let desk: DeskDb;
  let deviceId: string;
  let headers: Record<string, string>;
  beforeEach(async () => {
    hq = await startHq(backend);
    desk = await syncedDesk(hq);
    const credentials = (await readStoredCredentials(desk))!;
    deviceId = credentials.deviceId;
    headers = { [DEVICE_ID_HEADER]: deviceId, authorization: `Bearer ${credentials.token}` };
  });
  afterEach(async () => {
    await hq.destroy();
  });

  /** A push with this desk's own credentials, of events the desk's code would never make. */
  async function hostilePush(events: readonly unknown[]): Promise<{ status: number; body: PushResponse }> {
    const response = await fetch(`${hq.url}/sync/push`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId, formatVersion: SYNC_FORMAT_VERSION, events }),
    });
    const json: unknown = await response.json();
    return { status: response.status, body: response.ok ? pushResponseSchema.parse(json) : (json as PushResponse) };
  }

  const event = (deviceSeq: number, at = Date.now()) => makeContactOpened({ deviceId, deviceSeq, staffId: clerk, at });

  /** The same desk and a fresh one still sync both ways, and the admin's device list still parses. */
  async function everyoneStillSyncs(): Promise<void> {
    const contactId = await recordContact(desk, clerk, {
      channel: 'visit',
      visitor: { name: '王女士', phone: '13800138000' },
      matter: '咨询科技型中小企业评价',
      askedStaffIds: [],
    });
    await syncOnce(desk, deskTransport(hq, desk));
    expect(await desk.outbox.count()).toBe(0);
    const other = await syncedDesk(hq);
    expect(await other.contacts.get(contactId)).toMatchObject({ contactId });
    await syncOnce(desk, deskTransport(hq, desk));

    // What GET /admin/devices answers, built by the route's own mapping (its PIN check is another suite's).
    const devices = deviceListSchema.parse({ devices: (await listEnrolledDevices(hq.db)).map(deviceSummary) }).devices;
    expect(devices.length).toBeGreaterThanOrEqual(2);
    for (const d of devices) expect(d.lastAckedSeq).toBeLessThanOrEqual(MAX_SEQ);
  }

  it('rejects a deviceSeq of 1e300 without letting it become anyone’s ack', async () => {
    const [before, after] = [event(1000), event(1001)];
    const poisoned = { ...event(1002), deviceSeq: 1e300, payload: {} };
    const batch = [before, poisoned, after];
    const res = await hostilePush(batch);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 2, ackedSeq: 1001 });
    expect(res.body.rejected).toEqual([
      { eventId: poisoned.eventId, deviceSeq: null, code: 'invalid-event', message: expect.any(String) },
    ]);
    const row = await hq.db
      .selectFrom('devices')
      .select('last_acked_seq')
      .where('device_id', '=', deviceId)
      .executeTakeFirstOrThrow();
    expect(row.last_acked_seq).toBe(1001);
    // The same batch again is answered the same way, not with an error.
    expect((await hostilePush(batch)).body).toMatchObject({ stored: 0, duplicates: 2, ackedSeq: 1001 });
    await everyoneStillSyncs();
  });

  it('rejects a valid event whose deviceSeq of 3e9 no integer column holds, and stores the rest', async () => {
    const tooBig = { ...event(1000), deviceSeq: 3e9 };
    const fine = event(1001);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const res = await hostilePush([tooBig, fine]);
      expect(res.status).toBe(200);
      expect(res.body.rejected).toEqual([
        {
          eventId: tooBig.eventId,
          deviceSeq: null,
          code: 'invalid-event',
          message: expect.stringMatching(/deviceSeq/),
        },
      ]);
      expect(res.body.ackedSeq).toBe(1001);
    }
    expect(await storedEventIds(hq.db)).toContain(fine.eventId);
    expect(await storedEventIds(hq.db)).not.toContain(tooBig.eventId);
    await everyoneStillSyncs();
  });

  it('rejects an HLC holding a NUL, and stores the rest', async () => {
    const nul = { ...event(1000), hlc: formatHlc({ ms: Date.now(), counter: 0, node: `${deviceId}\u0000` }) };
    const fine = event(1001);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const res = await hostilePush([nul, fine]);
      expect(res.status).toBe(200);
      expect(res.body.rejected).toEqual([
        { eventId: nul.eventId, deviceSeq: 1000, code: 'invalid-event', message: 'hlc: must be an HLC timestamp' },
      ]);
      expect(res.body.ackedSeq).toBe(1001);
    }
    expect(await storedEventIds(hq.db)).not.toContain(nul.eventId);
    await everyoneStillSyncs();
  });

  it('answers 400, not 500, to a pull from a cursor no integer column holds', async () => {
    for (const cursor of ['3000000000', '1e300', String(MAX_SEQ + 1)]) {
      const res = await fetch(`${hq.url}/sync/pull?cursor=${cursor}&limit=10`, { headers });
      expect(res.status, cursor).toBe(400);
    }
    const res = await fetch(`${hq.url}/sync/pull?cursor=${MAX_SEQ}&limit=10`, { headers });
    expect(res.status).toBe(200);
    await everyoneStillSyncs();
  });

  it('refuses times before the bureau’s first year or a day ahead, stores the rest, and acknowledges all', async () => {
    const refused = [
      { ...event(1000), hlc: formatHlc({ ms: 0, counter: 0, node: deviceId }) },
      { ...event(1001), occurredAt: '1900-01-01T08:00:00+08:00' },
      { ...event(1003), occurredAt: '9999-12-31T23:59:59+08:00' },
      event(1004, Date.now() + DAY + 3_600_000),
    ];
    const fine = event(1002);
    const res = await hostilePush([refused[0], refused[1], fine, refused[2], refused[3]]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 1, ackedSeq: 1004 });
    expect(res.body.rejected.map((r) => [r.eventId, r.deviceSeq, r.code])).toEqual(
      refused.map((r) => [r.eventId, r.deviceSeq, 'clock-out-of-range']),
    );
    const stored = await storedEventIds(hq.db);
    expect(stored).toContain(fine.eventId);
    for (const r of refused) expect(stored).not.toContain(r.eventId);
    await everyoneStillSyncs();
  });
});
