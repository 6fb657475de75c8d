import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { openCase } from '../../../../renderer/data/caseOperations.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { recordContact } from '../../../../renderer/data/operations.ts';
import {
  acknowledgeRejection,
  countRejectionsNeedingAttention,
  listRejections,
} from '../../../../renderer/data/rejections.ts';
import { syncOnce } from '../../../../renderer/data/sync.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';
import { fakeTransport } from './fakeTransport.ts';

const clerk = 'zhang-wei' as StaffId;
const chief = 'zhao-gang' as StaffId;
const visit = { channel: 'visit' as const, visitor: { name: '王芳' }, matter: '技术合同登记', askedStaffIds: [] };

let db: DeskDb;
let server: ReturnType<typeof fakeTransport>;
beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  server = fakeTransport(db);
});

async function eventIdsOf(aggregateId: string): Promise<string[]> {
  return (await db.events.toArray()).filter((s) => s.aggregateId === aggregateId).map((s) => s.eventId);
}

describe('events refused by HQ, for a person to resolve', () => {
  it('lists a refused event with its code, what it was, who did it and the contact it concerns', async () => {
    const contactId = await recordContact(db, clerk, visit);
    const [eventId] = await eventIdsOf(contactId);
    server.refuse(eventId!, 'unknown-staff', 'staff zhang-wei is not active');
    await syncOnce(db, server.transport);

    const [entry, ...others] = await listRejections(db);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      eventId,
      code: 'unknown-staff',
      message: 'staff zhang-wei is not active',
      eventType: 'contact.opened',
      staffId: 'zhang-wei',
      contactId,
      visitor: '王芳',
      at: '2026-11-28T01:00:00.000Z',
    });
    expect(entry?.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(entry?.acknowledged).toBeUndefined();
    expect(await countRejectionsNeedingAttention(db)).toBe(1);
  });

  it('links a refused case event to the contact the case was opened from', async () => {
    const contactId = await recordContact(db, clerk, visit);
    const caseId = await openCase(db, chief, contactId, 'tech-contract');
    const [caseEventId] = await eventIdsOf(caseId);
    server.refuse(caseEventId!, 'not-authorised');
    await syncOnce(db, server.transport);

    expect(await listRejections(db)).toEqual([
      expect.objectContaining({ eventId: caseEventId, eventType: 'case.opened', caseId, contactId, visitor: '王芳' }),
    ]);
  });

  it('does not block the queue: the other events are stored and the outbox empties', async () => {
    const first = await recordContact(db, clerk, visit);
    const second = await recordContact(db, clerk, visit);
    server.refuse((await eventIdsOf(first))[0]!, 'invalid-event');
    const result = await syncOnce(db, server.transport);
    expect(result).toMatchObject({ pushed: 1, rejected: 1 });
    expect(server.received.map((e) => e.aggregateId)).toEqual([second]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('leaves the count needing attention but keeps the refusal and the event on record when acknowledged', async () => {
    const contactId = await recordContact(db, clerk, visit);
    const [eventId] = await eventIdsOf(contactId);
    server.refuse(eventId!, 'unknown-reference');
    await syncOnce(db, server.transport);

    const ack = await acknowledgeRejection(db, eventId!, chief, new Date(2026, 10, 28, 9, 15));
    expect(ack).toEqual({ staffId: 'zhao-gang', at: expect.stringMatching(/^2026-11-28T09:15:00\.000[+-]\d\d:\d\d$/) });
    expect(await countRejectionsNeedingAttention(db)).toBe(0);
    expect(await db.rejected.count()).toBe(1);
    expect(await db.events.get(eventId!)).toBeDefined();
    expect(await listRejections(db)).toEqual([expect.objectContaining({ eventId, acknowledged: ack })]);
  });

  it('keeps the first acknowledgement when a second person acknowledges the same refusal', async () => {
    const contactId = await recordContact(db, clerk, visit);
    const [eventId] = await eventIdsOf(contactId);
    server.refuse(eventId!, 'stale-edit');
    await syncOnce(db, server.transport);
    const first = await acknowledgeRejection(db, eventId!, chief);
    expect(await acknowledgeRejection(db, eventId!, clerk)).toEqual(first);
  });

  it('refuses to acknowledge an event the server never refused', async () => {
    await expect(acknowledgeRejection(db, 'no-such-event', chief)).rejects.toThrow(/no refused event/);
    expect(await countRejectionsNeedingAttention(db)).toBe(0);
  });

  it('lists the refusals still needing attention before the acknowledged ones', async () => {
    const a = await recordContact(db, clerk, visit);
    const b = await recordContact(db, clerk, visit);
    const [first] = await eventIdsOf(a);
    const [second] = await eventIdsOf(b);
    server.refuse(first!, 'invalid-event');
    server.refuse(second!, 'invalid-event');
    await syncOnce(db, server.transport);
    await acknowledgeRejection(db, first!, chief);
    expect((await listRejections(db)).map((r) => [r.eventId, Boolean(r.acknowledged)])).toEqual([
      [second, false],
      [first, true],
    ]);
    expect(await countRejectionsNeedingAttention(db)).toBe(1);
  });
});
