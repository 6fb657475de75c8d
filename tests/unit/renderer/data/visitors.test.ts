import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import { openDeskDb, type DeskDb } from '../../../../renderer/data/db.ts';
import { recordContact, type RecordContactInput } from '../../../../renderer/data/operations.ts';
import { rebuildProjections } from '../../../../renderer/data/projections.ts';
import { SCHEMA_VERSIONS } from '../../../../renderer/data/schema.ts';
import { applyPulled } from '../../../../renderer/data/sync.ts';
import { contactSearchFields } from '../../../../shared/rules/visitor.ts';
import { contactsOfVisitor, ensureVisitorIndex, searchVisitors } from '../../../../renderer/data/visitors.ts';
import { makeContactOpened, newDeviceId } from '../../../fixtures/events.ts';
import { contactOpened } from '../../shared/builders.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';

const clerk = 'zhang-wei' as StaffId;
const visit = (visitor: RecordContactInput['visitor'], matter = '咨询科技型中小企业评价'): RecordContactInput => ({
  channel: 'visit',
  visitor,
  matter,
  askedStaffIds: [],
});

let db: DeskDb;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-02T09:00:00+08:00'));
  db = await withDirectory(freshDeskDb());
});
afterEach(() => {
  vi.useRealTimers();
});

/** Record a contact on the given day of November 2026 (the desk's clock is faked). */
async function recordOn(day: number, input: RecordContactInput): Promise<string> {
  vi.setSystemTime(new Date(`2026-11-${String(day).padStart(2, '0')}T09:00:00+08:00`));
  return recordContact(db, clerk, input);
}

const found = async (query: string, limit?: number) => (await searchVisitors(db, query, limit)).map((m) => m.name);

describe('finding a returning visitor as the clerk types', () => {
  beforeEach(async () => {
    await recordOn(2, visit({ name: '张三', organisation: '南阳光电研究院', phone: '138 0013 8000' }));
    await recordOn(3, visit({ name: '李四', phone: '0377-63176300' }));
  });

  it.each([
    ['pinyin initials', 'zs'],
    ['pinyin initials in capitals', 'ZS'],
    ['the first character of the name', '张'],
    ['the whole name', '张三'],
    ['the first phone digits', '1380013'],
    ['phone digits typed with spaces', '138 0013'],
    ['the organisation', '南阳光电'],
    ["the organisation's initials", 'nygd'],
  ])('finds 张三 by %s', async (_how, query) => {
    expect(await found(query)).toEqual(['张三']);
  });

  it('finds a landline caller by the local number without the area code', async () => {
    expect(await found('6317')).toEqual(['李四']);
    expect(await found('0377')).toEqual(['李四']);
  });

  it('finds nobody for an empty query or one that matches no one', async () => {
    expect(await found('')).toEqual([]);
    expect(await found('王')).toEqual([]);
    expect(await found('wx')).toEqual([]);
    expect(await found('139')).toEqual([]);
  });

  it('shows what the clerk needs to recognise the visitor', async () => {
    expect(await searchVisitors(db, 'zs')).toEqual([
      {
        visitorKey: 'tel:13800138000',
        name: '张三',
        organisation: '南阳光电研究院',
        phone: '13800138000',
        lastContactAt: expect.stringMatching(/^2026-11-0[12]T/),
        contactCount: 1,
      },
    ]);
  });
});

describe('a visitor and their earlier contacts', () => {
  it('groups contacts with the same phone into one visitor, earlier contacts one key away, newest first', async () => {
    const first = await recordOn(2, visit({ name: '张三', phone: '13800138000' }, '咨询高新技术企业认定'));
    const second = await recordOn(9, visit({ name: '张三', phone: '+86 138 0013 8000' }, '补交认定材料'));
    const [match, ...others] = await searchVisitors(db, 'zs');
    expect(others).toEqual([]);
    expect(match).toMatchObject({ contactCount: 2, lastContactAt: expect.stringMatching(/^2026-11-09/) });
    const contacts = await contactsOfVisitor(db, match!.visitorKey);
    expect(contacts.map((c) => c.contactId)).toEqual([second, first]);
    expect(contacts.map((c) => c.matter)).toEqual(['补交认定材料', '咨询高新技术企业认定']);
  });

  it('groups visitors without a phone by name and organisation', async () => {
    await recordOn(2, visit({ name: '王五', organisation: '卧龙科技公司' }));
    await recordOn(3, visit({ name: '王五', organisation: '卧龙科技公司' }));
    await recordOn(4, visit({ name: '王五', organisation: '宛城农业合作社' }));
    const matches = await searchVisitors(db, 'ww');
    expect(matches.map((m) => [m.organisation, m.contactCount])).toEqual([
      ['宛城农业合作社', 1],
      ['卧龙科技公司', 2],
    ]);
  });

  it('shows the most recent visitors first and no more than asked for', async () => {
    for (let day = 1; day <= 6; day++) await recordOn(day, visit({ name: '张三', phone: `1380013800${day}` }));
    const matches = await searchVisitors(db, 'zs', 3);
    expect(matches.map((m) => m.phone)).toEqual(['13800138006', '13800138005', '13800138004']);
  });

  it('puts an exact match before longer names', async () => {
    await recordOn(5, visit({ name: '张三丰', phone: '13800138001' }));
    await recordOn(2, visit({ name: '张三', phone: '13800138002' }));
    expect(await found('zs')).toEqual(['张三', '张三丰']);
    expect(await found('张三')).toEqual(['张三', '张三丰']);
  });

  it('finds the other visitors of a name although one of them came 1,100 times since (more than a scan reads)', async () => {
    await recordOn(1, visit({ name: '张三', organisation: '宛城农业合作社' }));
    const regular = { name: '张三', phone: '13800138000' };
    const deviceId = newDeviceId();
    const contacts = Array.from({ length: 1100 }, (_, i) =>
      makeContactOpened({ deviceId, deviceSeq: i + 1, staffId: clerk, at: Date.parse('2026-11-20T09:00:00+08:00') + i, visitor: regular }),
    );
    await applyPulled(db, 0, {
      formatVersion: 1,
      events: contacts.map((event, i) => ({ seq: i + 1, receivedAt: '2026-11-28T01:00:01.000Z', event })),
      references: [],
      nextCursor: contacts.length,
      hasMore: false,
    });
    const matches = await searchVisitors(db, 'zs');
    expect(matches.map((m) => [m.phone ?? m.organisation, m.contactCount])).toEqual([
      ['13800138000', 1100],
      ['宛城农业合作社', 1],
    ]);
  });

  it('finds a polyphonic surname by its surname reading and its common reading (曾 zēng / céng)', async () => {
    await recordOn(2, visit({ name: '曾国藩', phone: '13800138003' }));
    expect(await found('zgf')).toEqual(['曾国藩']);
    expect(await found('cgf')).toEqual(['曾国藩']);
  });
});

describe('keeping the visitor index complete', () => {
  it('indexes without initials when pinyin is not loaded, and completes them later', async () => {
    const id = await recordOn(2, visit({ name: '张三', phone: '13800138000' }));
    const { tokens: _tokens, ...row } = (await db.contacts.get(id))!;
    // As refreshContacts writes it when pinyin failed to load.
    await db.contacts.put({ ...row, ...contactSearchFields(row, null) });
    expect(await found('zs')).toEqual([]);
    expect(await found('张')).toEqual(['张三']);
    expect(await ensureVisitorIndex(db)).toBe(1);
    expect(await found('zs')).toEqual(['张三']);
    expect(await db.contacts.where('initialsPending').equals(1).count()).toBe(0);
    expect((await db.contacts.get(id))?.initialsPending).toBeUndefined();
  });

  it('updates the visitors of contacts pulled from another desk', async () => {
    await applyPulled(db, 0, {
      formatVersion: 1,
      events: [{ seq: 1, receivedAt: '2026-11-28T01:00:01.000Z', event: contactOpened() }],
      references: [],
      nextCursor: 1,
      hasMore: false,
    });
    expect(await found('lm')).toEqual(['李明']);
    expect(await found('南阳某某')).toEqual(['李明']);
  });

  it('rebuilds the visitor index with the other projections', async () => {
    await recordOn(2, visit({ name: '张三', phone: '13800138000' }));
    await db.contacts.clear();
    expect(await found('zs')).toEqual([]);
    await rebuildProjections(db);
    expect(await found('zs')).toEqual(['张三']);
  });
});

describe('upgrading a desk database from schema version 5 (one visitors row per visitor)', () => {
  it('moves the search tokens onto the contacts and drops the visitors table', async () => {
    const name = `desk-upgrade-v5-${Math.random().toString(36).slice(2)}`;
    const v5 = new Dexie(name);
    for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= 5)) v5.version(version).stores(stores);
    await v5.table('contacts').bulkAdd([
      { contactId: 'c1', visitor: { name: '张三', phone: '13800138000' }, openedAt: '2026-11-02T09:00:00.000+08:00',
        openedDay: '2026-11-02', phoneDigits: '13800138000', visitorKey: 'tel:13800138000', status: 'answered' },
      { contactId: 'c2', visitor: { name: '王五', organisation: '卧龙科技公司' }, openedAt: '2026-11-03T09:00:00.000+08:00',
        openedDay: '2026-11-03', phoneDigits: '', visitorKey: 'who:王五|卧龙科技公司', status: 'open' },
    ]);
    await v5.table('visitors').put({ visitorKey: 'tel:13800138000', tokens: ['tel:13800138000'] });
    v5.close();

    db = openDeskDb(name);
    expect(await found('138')).toEqual(['张三']);
    expect(await found('卧龙')).toEqual(['王五']);
    expect(db.tables.map((t) => t.name)).not.toContain('visitors');
    expect((await db.contacts.get('c1')) as unknown).not.toHaveProperty('phoneDigits');
    expect(await db.contacts.where('status').equals('open').primaryKeys()).toEqual(['c2']);
    expect(await ensureVisitorIndex(db)).toBe(2);
    expect(await found('zs')).toEqual(['张三']);
    expect(await found('wlkjgs')).toEqual(['王五']);
  });
});

describe('upgrading a desk database from schema version 1', () => {
  it('groups the stored contacts into visitors, searchable at once by phone and name and by initials after', async () => {
    const name = `desk-upgrade-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    const row = (contactId: string, day: number, visitor: object) => ({
      contactId,
      visitor,
      openedAt: `2026-11-0${day}T09:00:00.000+08:00`,
      openedDay: `2026-11-0${day}`,
      phoneDigits: '',
    });
    await v1.table('contacts').bulkAdd([
      row('c1', 1, { name: '张三', phone: '13800138000' }),
      row('c2', 3, { name: '张三', phone: '13800138000' }),
      row('c3', 2, { name: '王五', organisation: '卧龙科技公司' }),
    ]);
    v1.close();

    db = openDeskDb(name);
    expect(await found('138')).toEqual(['张三']);
    expect(await found('王')).toEqual(['王五']);
    expect(await found('zs')).toEqual([]); // the upgrade cannot load pinyin
    expect((await contactsOfVisitor(db, 'tel:13800138000')).map((c) => c.contactId)).toEqual(['c2', 'c1']);

    expect(await ensureVisitorIndex(db)).toBe(3);
    expect(await found('zs')).toEqual(['张三']);
    expect(await found('ww')).toEqual(['王五']);
  });
});
