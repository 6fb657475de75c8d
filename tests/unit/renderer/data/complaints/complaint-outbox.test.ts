// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../../../renderer/data/append.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import {
  queueComplaint,
  readComplaintOutbox,
  useComplaintOutbox,
  type ComplaintOutboxState,
  type ComplaintReceivedInput,
} from '../../../../../renderer/data/complaints/outbox.ts';
import { freshDeskDb } from '../deskDb.ts';
import { ACCOUNT, intake } from './intakes.ts';

// Issue 14: a complaint taken in at a desk waits in its own outbox for HQ, never among the desk's events.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let db: DeskDb;
beforeEach(async () => {
  db = freshDeskDb();
  await db.open();
});
afterEach(() => db.close());

describe('queueComplaint', () => {
  it('keeps the intake in the complaint outbox, and nothing of it among the desk events or their outbox', async () => {
    const { complaintId } = await queueComplaint(db, 'zhang-wei', intake());
    const rows = await db.complaintOutbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ complaintId, staffId: 'zhang-wei', attempts: 0, payload: { account: ACCOUNT } });
    expect(rows[0]!.eventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(rows[0]!.eventId).not.toBe(complaintId);
    expect(rows[0]!.lastError).toBeUndefined();
    // A blank optional field is stored absent, as the shared schema parses it (HQ reads the same).
    expect(rows[0]!.payload.referenceNo).toBeUndefined();
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('mints a new complaint and event id for each complaint, even the same words taken twice', async () => {
    const a = await queueComplaint(db, 'zhang-wei', intake());
    const b = await queueComplaint(db, 'zhang-wei', intake());
    expect(a.complaintId).not.toBe(b.complaintId);
    const rows = await db.complaintOutbox.toArray();
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(2);
  });

  it('refuses a complaint without an account or anyone complained about, by field, and stores nothing', async () => {
    const refused = await queueComplaint(db, 'zhang-wei', intake({ account: '  ', accusedStaffIds: [] })).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(InvalidEventError);
    const messages = (refused as InvalidEventError).issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(messages).toContain('account:complaintAccountRequired');
    expect(await db.complaintOutbox.count()).toBe(0);
  });

  it('refuses a work order number on anything but a 12345 referral', async () => {
    await expect(queueComplaint(db, 'zhang-wei', intake({ referenceNo: 'WO-1' }))).rejects.toThrow(
      'workOrderFor12345Only',
    );
    await queueComplaint(db, 'zhang-wei', intake({ channel: 'referral12345', referenceNo: 'WO-1' }));
    expect(await db.complaintOutbox.count()).toBe(1);
  });

  it('refuses an intake under no valid clerk, as a fault of the form as a whole', async () => {
    const refused = (await queueComplaint(db, '', intake()).catch((e: unknown) => e)) as InvalidEventError;
    expect(refused).toBeInstanceOf(InvalidEventError);
    expect(refused.issues.every((i) => i.path.join('.') === 'form')).toBe(true);
    expect(await db.complaintOutbox.count()).toBe(0);
  });

  it('drops what the intake form does not have (a hostile caller): no name of an anonymous complainant is kept', async () => {
    const hostile = { ...intake(), complainant: { anonymous: true, name: 'x' } } as ComplaintReceivedInput;
    await queueComplaint(db, 'zhang-wei', hostile);
    // zod objects strip unknown keys: the anonymous complainant's name never reaches the outbox.
    expect((await db.complaintOutbox.toArray())[0]!.payload.complainant).toEqual({ anonymous: true });
  });
});

describe('the outbox as the intake screen sees it', () => {
  it('counts what waits and lists what HQ refused with its reason, oldest first', async () => {
    const first = await queueComplaint(db, 'zhang-wei', intake());
    const second = await queueComplaint(db, 'zhang-wei', intake());
    await db.complaintOutbox.where('complaintId').equals(first.complaintId).modify({ lastError: '400: 未知人员' });
    const state = await readComplaintOutbox(db);
    expect(state).toEqual({
      queued: 2,
      failed: [{ eventId: expect.any(String), complaintId: first.complaintId, lastError: '400: 未知人员' }],
      complaintIds: [first.complaintId, second.complaintId],
      loaded: true,
    });
  });

  it('follows the table live in a screen: loading, queued, then gone once HQ has it', async () => {
    let seen: ComplaintOutboxState | undefined;
    function Probe() {
      seen = useComplaintOutbox(db);
      return null;
    }
    const root = createRoot(document.createElement('div'));
    act(() => root.render(createElement(Probe)));
    expect(seen).toEqual({ queued: 0, failed: [], complaintIds: [], loaded: false });
    const settle = async (ok: (s: ComplaintOutboxState) => boolean) => {
      for (let i = 0; i < 50 && !ok(seen!); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
    };
    await settle((s) => s.loaded);
    expect(seen).toMatchObject({ queued: 0, loaded: true });
    const { complaintId } = await queueComplaint(db, 'zhang-wei', intake());
    await settle((s) => s.queued === 1);
    expect(seen).toMatchObject({ queued: 1, complaintIds: [complaintId], failed: [] });
    await db.complaintOutbox.clear();
    await settle((s) => s.queued === 0);
    expect(seen).toMatchObject({ queued: 0, complaintIds: [] });
    act(() => root.unmount());
  });
});
