import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { appendEvents, InvalidEventError } from '../../../../renderer/data/append.ts';
import { openDeskDb, type DeskDb } from '../../../../renderer/data/db.ts';
import { readDevice } from '../../../../renderer/data/device.ts';
import { answerContact, recordContact, transferContact } from '../../../../renderer/data/operations.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';

const clerk = 'zhang-wei' as StaffId;
const call = { channel: 'call' as const, visitor: { name: '李明', phone: '138 0013 8000' }, matter: '咨询技术合同登记', askedStaffIds: [] };

let db: DeskDb;
beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
});

describe('recording a contact on the desk', () => {
  it('writes the event, the outbox entry and the projection together', async () => {
    const id = await recordContact(db, clerk, call);
    const row = await db.contacts.get(id);
    expect(row?.responsibleStaffId).toBe('zhang-wei');
    expect(row?.visitor.phone).toBe('13800138000');
    expect(row?.visitorKey).toBe('tel:13800138000');
    expect(await db.events.count()).toBe(1);
    expect(await db.outbox.toArray()).toEqual([{ deviceSeq: 1, eventId: (await db.events.toArray())[0]?.eventId }]);
  });

  it('numbers events per device without gaps and advances the clock', async () => {
    await recordContact(db, clerk, call);
    await recordContact(db, clerk, call);
    const events = (await db.events.toArray()).map((s) => s.event).sort((a, b) => a.deviceSeq - b.deviceSeq);
    expect(events.map((e) => e.deviceSeq)).toEqual([1, 2]);
    expect(events[1]!.hlc > events[0]!.hlc).toBe(true);
    expect((await readDevice(db)).nextSeq).toBe(3);
  });

  it('makes the highest-ranked of the staff asked together responsible (art. 7)', async () => {
    const id = await recordContact(db, clerk, { ...call, askedStaffIds: ['zhao-gang' as StaffId] });
    const row = await db.contacts.get(id);
    expect(row?.responsibleStaffId).toBe('zhao-gang');
    expect(row?.askedStaffIds).toEqual(['zhang-wei', 'zhao-gang']);
  });

  it.each([
    ['no matter described', { ...call, matter: ' ' }, 'matterRequired'],
    ['an invalid phone', { ...call, visitor: { name: '李明', phone: '1380013' } }, 'invalidPhone'],
    ['neither name nor organisation', { ...call, visitor: { phone: '13800138000' } }, 'visitorRequired'],
  ])('refuses %s with a clear message and changes nothing', async (_what, input, message) => {
    const before = await readDevice(db);
    const error = await recordContact(db, clerk, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).issues.map((i) => i.message)).toContain(message);
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.contacts.count()).toBe(0);
    expect((await readDevice(db)).nextSeq).toBe(before.nextSeq);
  });

  it('stores nothing of an action when one of its events is invalid (no half-written action)', async () => {
    const id = await recordContact(db, clerk, call);
    const error = await appendEvents(db, clerk, [
      { type: 'contact.answered', aggregateId: id, payload: { answer: '已答复' } },
      { type: 'contact.answered', aggregateId: id, payload: { answer: '' } },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(await db.events.count()).toBe(1);
    expect((await db.contacts.get(id))?.status).toBe('open');
  });

  it('keeps everything across a reload of the database', async () => {
    const id = await recordContact(db, clerk, call);
    db.close();
    const reopened = openDeskDb(db.name);
    expect((await reopened.contacts.get(id))?.matter).toBe('咨询技术合同登记');
    expect(await reopened.outbox.count()).toBe(1);
  });
});

describe('dispositions on the desk', () => {
  it('answers a contact on the spot', async () => {
    const id = await recordContact(db, clerk, call);
    await answerContact(db, clerk, id, { answer: '已告知登记流程', basis: '《技术合同认定登记管理办法》' });
    expect((await db.contacts.get(id))?.status).toBe('answered');
  });

  it('transfers to a handler and records what the applicant was told (art. 8(3))', async () => {
    const id = await recordContact(db, clerk, call);
    await transferContact(db, clerk, id, { toStaffId: 'li-na' as StaffId });
    const row = await db.contacts.get(id);
    expect(row?.status).toBe('transferPending');
    expect(row?.transfer?.toldApplicant).toEqual({ departmentName: '高新技术发展及产业化科', handlerName: '李娜', phone: '13937700001' });
  });

  it('refuses a transfer to a handler without a phone in the directory', async () => {
    const id = await recordContact(db, clerk, call);
    const error = await transferContact(db, clerk, id, { toStaffId: 'sun-li' as StaffId }).catch((e: unknown) => e);
    expect((error as InvalidEventError).issues[0]?.message).toBe('handlerNoPhone');
    expect((await db.contacts.get(id))?.status).toBe('open');
    expect(await db.events.count()).toBe(1);
  });
});
