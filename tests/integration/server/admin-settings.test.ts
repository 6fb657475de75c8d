import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { SETTINGS_ID, type ReferenceDoc, type Settings } from '../../../shared/model/reference.ts';
import type { StaffSession } from '../../../shared/sync/staffAuth.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { makeSettingsSaved } from '../../fixtures/adminEvents.ts';
import { withProof } from '../../fixtures/proof.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';
import { signInAs } from './staffSessions.ts';

// The bureau's settings are edited by an admin like a catalog item (issue 12 item 8, issue 13 item 8): a proven
// admin's settings.saved becomes the next version of the one settings document, and a stale base is refused.

const admin = DEMO_STAFF.admin;
const secondAdmin = DEMO_STAFF.secondAdmin;
type SettingsDoc = Extract<ReferenceDoc, { kind: 'settings' }>;

describe.each(BACKENDS)('administrators change the bureau settings on $name', (backend) => {
  let server: TestServer;
  const sessions = new Map<string, Promise<StaffSession>>();
  beforeEach(async () => {
    server = await startServer(backend);
    sessions.clear();
  });
  afterEach(async () => {
    await server.stop();
  });

  async function settingsDoc(): Promise<SettingsDoc> {
    const page = await server.pull(0, 2000);
    const found = page.references.filter((r) => r.doc.kind === 'settings').at(-1)?.doc;
    if (!found) throw new Error('no settings');
    return found as SettingsDoc;
  }

  async function pushProven(deviceId: string, events: readonly DeskEvent[]) {
    const signed = [];
    for (const event of events) {
      const key = `${event.deviceId}/${event.staffId}`;
      if (!sessions.has(key)) sessions.set(key, signInAs(server, event.deviceId, event.staffId));
      signed.push(withProof(event, await sessions.get(key)!));
    }
    return server.push(pushBody(deviceId, signed));
  }

  it('applies an admin edit (art. 12 answer limit, idle lock) as version 2, which a desk pulls after its cursor', async () => {
    const desk = await server.device();
    const before = await settingsDoc();
    expect(before).toMatchObject({ id: SETTINGS_ID, rev: 1 });
    const { nextCursor } = await server.pull(0, 2000);
    const edited: Settings = { ...before.body, escalationAnswerDays: 3, idleLockMinutes: 10 };
    const event = makeSettingsSaved({ deviceId: desk, deviceSeq: 1, staffId: admin }, edited, 1, '按局务会决定缩短');
    expect((await pushProven(desk, [event])).body).toMatchObject({ stored: 1, rejected: [], ackedSeq: 1 });

    const page = await server.pull(nextCursor, 2000);
    expect(page.events.map((e) => e.event.eventId)).toEqual([event.eventId]);
    expect(page.references.map((r) => r.doc)).toEqual([
      expect.objectContaining({ kind: 'settings', id: SETTINGS_ID, rev: 2, body: edited }),
    ]);
  });

  it('refuses an edit made on a version another admin replaced, and changes nothing', async () => {
    const deskA = await server.device();
    const deskB = await server.device();
    const base = (await settingsDoc()).body;
    const first = makeSettingsSaved(
      { deviceId: deskA, deviceSeq: 1, staffId: admin },
      { ...base, idleLockMinutes: 8 },
      1,
    );
    const stale = makeSettingsSaved(
      { deviceId: deskB, deviceSeq: 1, staffId: secondAdmin },
      { ...base, idleLockMinutes: 15 },
      1,
    );
    expect((await pushProven(deskA, [first])).body.rejected).toEqual([]);
    const { nextCursor } = await server.pull(0, 2000);
    const refused = await pushProven(deskB, [stale]);
    expect(refused.body).toMatchObject({ stored: 0, ackedSeq: 1 });
    expect(refused.body.rejected).toEqual([
      { eventId: stale.eventId, deviceSeq: 1, code: 'stale-edit', message: expect.stringContaining('now version 2') },
    ]);
    expect(await server.pull(nextCursor, 2000)).toMatchObject({ events: [], references: [] });
    expect(await settingsDoc()).toMatchObject({ rev: 2, body: { idleLockMinutes: 8 } });
  });

  it('refuses a version 1 "creation" over existing settings, a base from the future, and another document id', async () => {
    const desk = await server.device();
    const base = (await settingsDoc()).body;
    const asNew = makeSettingsSaved({ deviceId: desk, deviceSeq: 1, staffId: admin }, base, null);
    const future = makeSettingsSaved({ deviceId: desk, deviceSeq: 2, staffId: admin }, base, 7);
    const elsewhere = {
      ...makeSettingsSaved({ deviceId: desk, deviceSeq: 3, staffId: admin }, base, 1),
      aggregateId: 'other',
    };
    const push = await pushProven(desk, [asNew, future, elsewhere]);
    expect(push.body).toMatchObject({ stored: 0, ackedSeq: 3 });
    expect(push.body.rejected.map((r: { code: string }) => r.code)).toEqual([
      'stale-edit',
      'stale-edit',
      'invalid-event',
    ]);
    expect(await settingsDoc()).toMatchObject({ rev: 1 });
  });

  it('never changes the bureau code, the prefix of every slip serial number already printed', async () => {
    const desk = await server.device();
    const base = (await settingsDoc()).body;
    const event = makeSettingsSaved(
      { deviceId: desk, deviceSeq: 1, staffId: admin },
      { ...base, bureauCode: 'XXKJ' },
      1,
    );
    const push = await pushProven(desk, [event]);
    expect(push.body.rejected).toEqual([
      expect.objectContaining({ code: 'invalid-event', message: expect.stringContaining('bureau code') }),
    ]);
    expect(await settingsDoc()).toMatchObject({ rev: 1, body: { bureauCode: 'NYKJ' } });
  });

  it('refuses the settings from someone who is not an admin, and from an admin without a proven session', async () => {
    const desk = await server.device();
    const base = (await settingsDoc()).body;
    const byLeader = makeSettingsSaved({ deviceId: desk, deviceSeq: 1, staffId: DEMO_STAFF.leader }, base, 1);
    expect((await pushProven(desk, [byLeader])).body.rejected).toEqual([
      expect.objectContaining({ eventId: byLeader.eventId, code: 'not-authorised' }),
    ]);
    // A desk's word alone is not an admin's act (issue 11): the same edit with no proof is refused.
    const unproven = makeSettingsSaved(
      { deviceId: desk, deviceSeq: 2, staffId: admin },
      { ...base, escalationAnswerDays: 60 },
      1,
    );
    expect((await server.push(pushBody(desk, [unproven]))).body.rejected).toEqual([
      expect.objectContaining({ eventId: unproven.eventId, code: 'proof-required' }),
    ]);
    expect(await settingsDoc()).toMatchObject({ rev: 1, body: { escalationAnswerDays: 5 } });
  });

  it('refuses settings the shared schema refuses (an idle lock of 0 minutes), whoever pushes them', async () => {
    const desk = await server.device();
    const base = (await settingsDoc()).body;
    const good = makeSettingsSaved({ deviceId: desk, deviceSeq: 1, staffId: admin }, base, 1);
    const bad = withProof(
      { ...good, payload: { ...good.payload, settings: { ...base, idleLockMinutes: 0 } } },
      await signInAs(server, desk, admin),
    );
    const push = await server.push(pushBody(desk, [bad]));
    expect(push.body.rejected).toEqual([expect.objectContaining({ code: 'invalid-event' })]);
    expect(await settingsDoc()).toMatchObject({ rev: 1, body: { idleLockMinutes: 5 } });
  });
});
