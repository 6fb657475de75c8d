import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDeskDb } from '../../../../renderer/data/db.ts';
import { getStaff, listReference } from '../../../../renderer/data/references.ts';
import { SCHEMA_VERSIONS } from '../../../../renderer/data/schema.ts';

const stamp = { rev: 3, hlc: '000000000000001-00000-hq', updatedAt: '2026-11-28T00:00:00.000Z' };
const PIN_HASH = 'pbkdf2-sha256$120000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==';
const staffDoc = (id: string, roles: string[]) => ({
  kind: 'staff',
  id,
  ...stamp,
  body: { id, name: id, departmentId: 'dept-window', rank: 'clerk', title: '科员', roles, pinHash: PIN_HASH, active: true },
});
const department = { kind: 'department', id: 'dept-window', ...stamp, body: { id: 'dept-window', name: '窗口', order: 1 } };

/** A desk database as the release before issue 11 left it: schema version 6, the directory with PIN hashes. */
async function deskAtVersion6(name: string): Promise<void> {
  const old = new Dexie(name);
  for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= 6)) old.version(version).stores(stores);
  await old.open();
  await old.table('refs').bulkPut(
    [staffDoc('zhang-wei', ['clerk']), staffDoc('he-jianguo', ['leader']), department].map((doc) => ({
      kind: doc.kind,
      id: doc.id,
      doc,
    })),
  );
  await old.table('meta').put({ key: 'device', value: { deviceId: 'D1', nextSeq: 7, hlc: 'x', label: 'D1' } });
  old.close();
}

describe('upgrading a desk that holds the old staff directory', () => {
  it('removes every PIN hash, a leader’s included, and keeps everything else of the directory', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    await deskAtVersion6(name);
    const db = openDeskDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const staff = await listReference(db, 'staff');
    expect(staff).toHaveLength(2);
    expect(JSON.stringify(await db.refs.toArray())).not.toMatch(/pinHash|pbkdf2/);
    expect(await getStaff(db, 'he-jianguo')).toEqual({
      id: 'he-jianguo',
      name: 'he-jianguo',
      departmentId: 'dept-window',
      rank: 'clerk',
      title: '科员',
      roles: ['leader'],
      active: true,
    });
    // The versions stay: the server's next version of the doc (without the hash) replaces it as usual.
    expect((await db.refs.get(['staff', 'zhang-wei']))?.doc.rev).toBe(3);
    expect((await db.refs.get(['department', 'dept-window']))?.doc).toEqual(department);
    expect((await db.meta.get('device'))?.value).toMatchObject({ deviceId: 'D1', nextSeq: 7 });
    // Nobody has an offline verifier yet: everyone's next sign-in on this desk is online.
    expect(await db.signInVerifiers.count()).toBe(0);
    db.close();
  });
});
