import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/model/caseEvents.ts';
import type { IsoDate } from '../../../../shared/rules/isoDate.ts';
import { openDeskDb } from '../../../../renderer/data/db.ts';
import { SCHEMA_VERSIONS } from '../../../../renderer/data/schema.ts';
import { accepted, CASE_ID, CONTACT_ID, opened } from '../../shared/caseBuilders.ts';
import { DIRECTORY } from './deskDb.ts';

const on = '2026-11-23' as IsoDate;

/** A desk as the release before the case re-fold left it: schema version 9, a case row folded by the old rules. */
async function deskAtVersion9(name: string, events: CaseEvent[]): Promise<void> {
  const old = new Dexie(name);
  for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= 9)) old.version(version).stores(stores);
  await old.open();
  await old.table('refs').bulkPut(DIRECTORY.map((doc) => ({ kind: doc.kind, id: doc.id, doc })));
  await old
    .table('events')
    .bulkPut(events.map((event) => ({ eventId: event.eventId, aggregate: 'case', aggregateId: CASE_ID, event })));
  // What an old fold stored: no receipt day, no limits at opening, no flags.
  await old.table('cases').put({ caseId: CASE_ID, contactId: CONTACT_ID, status: 'running', flags: [], eventCount: 2 });
  old.close();
}

describe('issue 12: upgrading a desk re-folds its cases with the current rules', () => {
  it('art. 11, §32: a stored case gains its receipt day, limits at opening and the flags the new fold raises', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    // A receipt day after the opening (not believed) and an acceptance with limits unlike the opening's.
    const events = [opened(on, { receivedOn: '2026-11-30' }), accepted(on, { promisedLimitDays: 8 })];
    await deskAtVersion9(name, events);
    const db = openDeskDb(name);
    await db.open();
    const row = await db.cases.get(CASE_ID);
    expect(row).toMatchObject({
      receivedOn: on,
      intake: 'inPerson',
      openedLimits: { promisedLimitDays: 5, statutoryLimitDays: 10 },
      status: 'running',
      serviceItemName: '技术合同认定登记',
      departmentId: 'dept-hightech',
    });
    expect(row?.flags).toEqual([
      { code: 'notAllowed', eventIds: [events[0]!.eventId] },
      { code: 'notAllowed', eventIds: [events[1]!.eventId] },
    ]);
    db.close();
  });

  it('leaves a desk without cases as it was', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= 9)) old.version(version).stores(stores);
    await old.open();
    old.close();
    const db = openDeskDb(name);
    await db.open();
    expect(await db.cases.count()).toBe(0);
    expect(db.verno).toBeGreaterThanOrEqual(10);
    db.close();
  });
});
