import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { SETTINGS_ID, type ReferenceDoc, type Settings } from '../../../../shared/model/reference.ts';
import { buildDemoBureau } from '../../../../server/src/seed/demoBureau.ts';
import { saveBureauSettings } from '../../../../renderer/data/adminOperations.ts';
import { settingsForAdmin } from '../../../../renderer/data/adminQueries.ts';
import { InvalidEventError } from '../../../../renderer/data/append.ts';
import { SessionRequiredError } from '../../../../renderer/data/author.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { getSettings, mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { makeSettingsSaved } from '../../../fixtures/adminEvents.ts';
import { newDeviceId } from '../../../fixtures/events.ts';
import { freshDeskDb } from './deskDb.ts';
import { signedInOnline } from './sessions.ts';

// The bureau's settings edited at a desk (issue 12 item 8, issue 13 item 8): checked with the shared schema, saved
// as settings.saved on the version opened, and read back with who saved each version.

const NOW = Date.parse('2026-11-28T09:00:00+08:00');
const BUREAU = buildDemoBureau(NOW);
const admin = signedInOnline('ma-jun');
const otherDesk = newDeviceId();
const secondAdmin = 'huang-xiuying' as StaffId;
type SettingsDoc = Extract<ReferenceDoc, { kind: 'settings' }>;
const seeded = BUREAU.find((d) => d.kind === 'settings') as SettingsDoc;
const base: Settings = seeded.body;

let db: DeskDb;
beforeEach(async () => {
  db = freshDeskDb();
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, BUREAU));
});

async function refusal(action: Promise<unknown>): Promise<Record<string, string>> {
  const error = await action.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InvalidEventError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.message]));
}

/** A version another admin saved, as a pull brings it: the event with its server seq, then the document. */
async function pulledVersion(rev: number, settings: Settings, staffId: string, note?: string, at = Date.now()) {
  const event = makeSettingsSaved({ deviceId: otherDesk, deviceSeq: rev, staffId, at }, settings, rev - 1, note);
  await db.events.put({ eventId: event.eventId, aggregate: 'settings', aggregateId: SETTINGS_ID, event, serverSeq: 100 + rev });
  const doc: SettingsDoc = { ...seeded, rev, hlc: event.hlc, updatedAt: new Date(NOW + rev).toISOString(), body: settings };
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [doc]));
}

describe('an administrator edits the bureau settings at the desk', () => {
  it('appends the whole settings on the version opened, shown as submitted until the server sends version 2', async () => {
    await saveBureauSettings(db, admin, { settings: { ...base, escalationAnswerDays: 3 }, baseRev: 1, note: '局务会决定' });
    const [stored] = await db.events.toArray();
    expect(stored?.event).toMatchObject({
      type: 'settings.saved',
      aggregate: 'settings',
      aggregateId: SETTINGS_ID,
      staffId: admin.staffId,
      proof: expect.any(Object),
      payload: { baseRev: 1, note: '局务会决定', settings: { ...base, escalationAnswerDays: 3 } },
    });
    expect(await db.outbox.count()).toBe(1);
    const view = await settingsForAdmin(db);
    expect(view).toMatchObject({ doc: { rev: 1 }, edit: { kind: 'submitted' }, history: [] });
    // Nothing takes effect on the desk before the server's version arrives.
    expect((await getSettings(db))?.escalationAnswerDays).toBe(5);
    expect(await refusal(saveBureauSettings(db, admin, { settings: base, baseRev: 1 }))).toEqual({
      form: 'settingsSavePending',
    });
  });

  it('refuses each invalid field with the schema’s own issue, and stores nothing', async () => {
    const bad = { ...base, idleLockMinutes: 0, escalationAnswerDays: 61, nightlySyncAt: '24:00', complaintPhone: '12' };
    expect(await refusal(saveBureauSettings(db, admin, { settings: bad, baseRev: 1 }))).toMatchObject({
      idleLockMinutes: expect.any(String),
      escalationAnswerDays: expect.any(String),
      nightlySyncAt: expect.any(String),
      complaintPhone: 'invalidPhone',
    });
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a changed bureau code, a stale base, a non-admin and an admin without a live online session', async () => {
    expect(await refusal(saveBureauSettings(db, admin, { settings: { ...base, bureauCode: 'XXKJ' }, baseRev: 1 }))).toEqual({
      bureauCode: 'bureauCodeFixed',
    });
    await pulledVersion(2, { ...base, idleLockMinutes: 9 }, secondAdmin);
    expect(await refusal(saveBureauSettings(db, admin, { settings: base, baseRev: 1 }))).toEqual({ form: 'settingsChanged' });
    expect(await refusal(saveBureauSettings(db, 'zhang-wei' as StaffId, { settings: base, baseRev: 2 }))).toEqual({
      form: 'adminRequired',
    });
    await expect(saveBureauSettings(db, 'ma-jun' as StaffId, { settings: base, baseRev: 2 })).rejects.toBeInstanceOf(
      SessionRequiredError,
    );
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows who saved the version in force and when, and the versions before with what each changed', async () => {
    expect((await settingsForAdmin(db)).savedBy).toBeUndefined(); // the seeded version has no author event
    // A block of settings (issue 13's follow-ups) is a new object in each version: unchanged unless its values are.
    const followUp = () => ({ dueDays: 5, owner: 'supervisors' as const, contactSampleRate: 0.2, rectifyDays: 10 });
    const v2 = { ...base, idleLockMinutes: 9, followUp: followUp() };
    const v3 = { ...v2, escalationAnswerDays: 3, complaintPhone: '0377-12345678', followUp: followUp() };
    await pulledVersion(2, v2, secondAdmin);
    await pulledVersion(3, v3, 'ma-jun', '按第十二条缩短答复时限');
    const view = await settingsForAdmin(db);
    expect(view.doc).toMatchObject({ rev: 3, body: v3 });
    expect(view.savedBy).toMatchObject({ rev: 3, staffId: 'ma-jun' });
    expect(view.history.map((v) => [v.rev, v.staffId, v.changed, v.note])).toEqual([
      [3, 'ma-jun', ['complaintPhone', 'escalationAnswerDays'], '按第十二条缩短答复时限'],
      [2, secondAdmin, undefined, undefined],
    ]);
  });

  it('keeps a save the server refused as refused (it made no version), until a later one is accepted', async () => {
    await saveBureauSettings(db, admin, { settings: { ...base, idleLockMinutes: 7 }, baseRev: 1 });
    const [stored] = await db.events.toArray();
    const rejection = { eventId: stored!.eventId, deviceSeq: 1, code: 'stale-edit' as const, message: 'now version 2', at: '2026-11-28T01:00:00.000Z' };
    await db.rejected.put(rejection);
    // The version that won was saved (at the other desk) a minute before this one.
    await pulledVersion(2, { ...base, idleLockMinutes: 9 }, secondAdmin, undefined, Date.now() - 60_000);
    const view = await settingsForAdmin(db);
    expect(view.edit).toEqual({ kind: 'refused', eventId: stored!.eventId, rejection });
    expect(view.history.map((v) => v.rev)).toEqual([2]);
    await saveBureauSettings(db, admin, { settings: { ...base, idleLockMinutes: 7 }, baseRev: 2 });
    expect((await settingsForAdmin(db)).edit?.kind).toBe('submitted');
  });
});
