import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { formatHlc, parseHlc } from '../../../../shared/sync/hlc.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { readDevice } from '../../../../renderer/data/device.ts';
import { answerContact } from '../../../../renderer/data/operations.ts';
import { applyPulled } from '../../../../renderer/data/sync.ts';
import { makeContactOpened, newDeviceId } from '../../../fixtures/events.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';

// An action is stamped after every event of its aggregate the desk holds, whatever the clocks say, so every
// replica folds it after what it acted upon (renderer/data/append.ts).

const clerk = 'zhang-wei' as StaffId;
const HOUR = 3_600_000;

let db: DeskDb;
beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
});

async function pullOne(at: number): Promise<string> {
  const opened = makeContactOpened({ deviceId: newDeviceId(), deviceSeq: 1, staffId: clerk, at });
  const page = { formatVersion: 1, events: [{ seq: 1, receivedAt: new Date().toISOString(), event: opened }] };
  await applyPulled(db, 0, { ...page, references: [], nextCursor: 1, hasMore: false });
  return opened.aggregateId;
}

describe('stamping an action on a contact another desk opened', () => {
  it('sorts the answer after an opening stamped three hours ahead, without moving the desk’s clock', async () => {
    const contactId = await pullOne(Date.now() + 3 * HOUR);
    const clockBefore = parseHlc((await readDevice(db)).hlc);
    expect(clockBefore.ms).toBeLessThan(Date.now() + HOUR); // the far-ahead clock was not followed on receipt
    await answerContact(db, clerk, contactId, { answer: '已答复' });

    const [opened, answered] = (await db.events.where('[aggregate+aggregateId]').equals(['contact', contactId]).toArray())
      .map((s) => s.event)
      .sort((a, b) => (a.type === 'contact.opened' ? -1 : b.type === 'contact.opened' ? 1 : 0));
    const floor = parseHlc(opened!.hlc);
    expect(answered!.hlc).toBe(formatHlc({ ms: floor.ms, counter: floor.counter + 1, node: parseHlc(answered!.hlc).node }));
    expect(parseHlc((await readDevice(db)).hlc).ms).toBeLessThan(Date.now() + HOUR);
    expect(await db.contacts.get(contactId)).toMatchObject({ status: 'answered', flags: [] });
  });

  it('keeps its own clock when that is already past the events it acts upon', async () => {
    const contactId = await pullOne(Date.now() - HOUR);
    await answerContact(db, clerk, contactId, { answer: '已答复' });
    const answered = (await db.events.toArray()).find((s) => s.event.type === 'contact.answered')!.event;
    expect(answered.hlc).toBe((await readDevice(db)).hlc);
  });
});
