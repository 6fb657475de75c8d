import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintDetailSchema, type ComplaintAck } from '../../shared/sync/complaintApi.ts';
import { DEVICE_ID_HEADER } from '../../shared/sync/enrolment.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader } from '../../shared/sync/staffAuth.ts';
import { DEMO_STAFF } from '../../server/src/seed/demoBureau.ts';
import { complaintEvents } from '../../server/src/storage/complaints.ts';
import { readStoredCredentials } from '../../renderer/data/credentials.ts';
import type { DeskDb } from '../../renderer/data/db.ts';
import { queueComplaint, readComplaintOutbox } from '../../renderer/data/complaints/outbox.ts';
import { syncOnce } from '../../renderer/data/sync.ts';
import { httpTransport, SyncError, type SyncTransport } from '../../renderer/data/transport.ts';
import { intake } from '../unit/renderer/data/complaints/intakes.ts';
import {
  credentialsFrom,
  signedInOn,
  startServer,
  syncedDeskDb,
  type Backend,
  type RunningServer,
} from './desk/servers.ts';

// Issue 14, point 3: a complaint taken at a desk, offline too, reaches HQ and then the desk keeps nothing of it.
// A real HQ server and a real desk data layer (fake-indexeddb), on both engines.

const clerk = DEMO_STAFF.windowClerk;
const ABOUT = { accusedStaffIds: [DEMO_STAFF.highTechHandler] };

/** Every row of every table of the desk, as text: where a complaint's words would be if the desk kept any. */
async function everythingOn(db: DeskDb): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => `${t.name}:${JSON.stringify(await t.toArray())}`));
  return tables.join('\n');
}

/** A server no one answers at (a closed loopback port): the desk is offline. */
const UNREACHABLE = 'http://127.0.0.1:9';

describe.each<Backend>(['sqlite', 'postgres'])('a complaint taken in at a desk, with HQ on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  let leaderDesk: DeskDb;
  beforeAll(async () => {
    hq = await startServer(backend);
    transport = httpTransport(hq.url);
    leaderDesk = await syncedDeskDb(hq, transport, 'leader office');
  });
  afterAll(async () => hq.stop());

  /** GET /complaints/:id as the leader, signed in online on their own desk. */
  async function detailForLeader(complaintId: string) {
    const leader = await signedInOn(hq, leaderDesk, DEMO_STAFF.leader);
    if (!leader.session) throw new Error('the leader could not sign in online');
    const desk = (await readStoredCredentials(leaderDesk))!;
    const res = await fetch(`${hq.url}/complaints/${complaintId}`, {
      headers: {
        authorization: `Bearer ${desk.token}`,
        [DEVICE_ID_HEADER]: desk.deviceId,
        [STAFF_SESSION_HEADER]: staffSessionHeader(leader.session),
      },
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  it('keeps a complaint taken offline, then hands it to HQ on the next sync and keeps nothing of it', async () => {
    const desk = await syncedDeskDb(hq, transport, 'window 1');
    const account = `${intake().account} 离线 ${backend}`;
    // A name that is no staff member's, so finding it on the desk could only mean the complaint stayed.
    const complainant = { anonymous: false as const, name: `柯守信${backend}`, phone: '13937700123' };
    const { complaintId } = await queueComplaint(desk, clerk, intake({ ...ABOUT, account, complainant }));

    // The network is down: the sync fails, the complaint waits, whole.
    const offline = httpTransport(UNREACHABLE, { credentials: credentialsFrom(desk) });
    await expect(syncOnce(desk, offline)).rejects.toBeInstanceOf(SyncError);
    expect(await readComplaintOutbox(desk)).toMatchObject({ queued: 1, failed: [], complaintIds: [complaintId] });
    // The search below finds the words where they are: only in the complaint outbox, never among the events.
    const before = await everythingOn(desk);
    expect(
      before
        .split('\n')
        .filter((t) => t.includes(account))
        .map((t) => t.split(':')[0]),
    ).toEqual(['complaintOutbox']);

    await syncOnce(desk, transport);

    const detail = await detailForLeader(complaintId);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    const [received] = complaintDetailSchema.parse(detail.body).events;
    expect(received).toMatchObject({
      type: 'complaint.received',
      complaintId,
      staffId: clerk,
      deviceId: (await readStoredCredentials(desk))!.deviceId,
      payload: { account, complainant: { name: complainant.name } },
    });
    const after = await everythingOn(desk);
    expect(after).not.toContain(account);
    expect(after).not.toContain(complainant.name);
    expect(after).not.toContain(complaintId);
    expect(await readComplaintOutbox(desk)).toMatchObject({ queued: 0, complaintIds: [] });
  });

  it('never lets a complaint reach another desk through the ordinary sync', async () => {
    const desk = await syncedDeskDb(hq, transport, 'window 2');
    const account = `${intake().account} 他窗 ${backend}`;
    await queueComplaint(desk, clerk, intake({ ...ABOUT, account }));
    await syncOnce(desk, transport);
    const other = await syncedDeskDb(hq, transport, 'window 3');
    expect(await everythingOn(other)).not.toContain(account);
  });

  it('keeps a complaint HQ refuses, with HQ’s reason, and sends the others', async () => {
    const desk = await syncedDeskDb(hq, transport, 'window 4');
    const refused = await queueComplaint(desk, clerk, intake({ accusedStaffIds: ['nobody-here'] }));
    const taken = await queueComplaint(desk, clerk, intake(ABOUT));
    await syncOnce(desk, transport);
    const state = await readComplaintOutbox(desk);
    expect(state.complaintIds).toEqual([refused.complaintId]);
    expect(state.failed).toEqual([
      {
        eventId: expect.any(String),
        complaintId: refused.complaintId,
        lastError: expect.stringMatching(/^HTTP 400: /),
        // HQ's code travels with the refusal, so the clerk reads the reason in their own words.
        lastCode: 'unknown-reference',
      },
    ]);
    expect(state.failed[0]!.lastError).toContain('nobody-here');
    expect(await complaintEvents(hq.server.storage.db, refused.complaintId)).toHaveLength(0);
    expect(await complaintEvents(hq.server.storage.db, taken.complaintId)).toHaveLength(1);
  });

  it('keeps a complaint taken under a clerk HQ does not know as active, with HQ’s reason', async () => {
    const desk = await syncedDeskDb(hq, transport, 'window 5');
    const { complaintId } = await queueComplaint(desk, DEMO_STAFF.inactive, intake(ABOUT));
    await syncOnce(desk, transport);
    const state = await readComplaintOutbox(desk);
    expect(state.failed.map((f) => f.complaintId)).toEqual([complaintId]);
    expect(state.failed[0]!.lastError).toContain(DEMO_STAFF.inactive);
    expect(await complaintEvents(hq.server.storage.db, complaintId)).toHaveLength(0);
  });

  it('stores a complaint once when HQ’s ack was lost, and erases it here when the retry is acknowledged', async () => {
    const desk = await syncedDeskDb(hq, transport, 'window 6');
    const { complaintId } = await queueComplaint(desk, clerk, intake(ABOUT));
    // HQ stores the intake, but its answer never reaches the desk.
    const lossy: SyncTransport = {
      ...transport,
      postComplaint: async (body, auth): Promise<ComplaintAck> => {
        await transport.postComplaint!(body, auth);
        throw new SyncError({ kind: 'offline' });
      },
    };
    await syncOnce(desk, lossy);
    expect((await readComplaintOutbox(desk)).complaintIds).toEqual([complaintId]);
    await syncOnce(desk, transport);
    expect((await readComplaintOutbox(desk)).queued).toBe(0);
    expect(await complaintEvents(hq.server.storage.db, complaintId)).toHaveLength(1);
  });
});
