import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDeskDb } from '../../../../renderer/data/db.ts';
import { listReference } from '../../../../renderer/data/references.ts';
import { SCHEMA_VERSIONS } from '../../../../renderer/data/schema.ts';
import { TECH_CONTRACT } from './deskDb.ts';

const stamp = { rev: 4, hlc: '000000000000001-00000-hq', updatedAt: '2026-11-28T00:00:00.000Z' };

/** A desk database as the release before issue 12 left it: schema version 7, steps stored as plain strings. */
async function deskAtVersion7(name: string, body: unknown): Promise<void> {
  const old = new Dexie(name);
  for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= 7)) old.version(version).stores(stores);
  await old.open();
  const doc = { kind: 'serviceItem', id: 'tech-contract', ...stamp, body };
  await old.table('refs').put({ kind: doc.kind, id: doc.id, doc });
  old.close();
}

describe('art. 16: upgrading a desk whose catalog holds steps as plain strings', () => {
  it('reads every stored item once with the new schema: each step becomes { name }, nothing else changes', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    await deskAtVersion7(name, TECH_CONTRACT);
    const db = openDeskDb(name);
    await db.open();
    const [item] = await listReference(db, 'serviceItem');
    expect(item?.procedure).toEqual(TECH_CONTRACT.procedure.map((step) => ({ name: step })));
    expect(item).toEqual({ ...TECH_CONTRACT, procedure: item?.procedure });
    expect((await db.refs.get(['serviceItem', 'tech-contract']))?.doc).toMatchObject(stamp);
    db.close();
  });

  it('leaves an item today’s schema cannot read as it was, for the next pull to replace', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const broken = { ...TECH_CONTRACT, materials: [] };
    await deskAtVersion7(name, broken);
    const db = openDeskDb(name);
    await db.open();
    expect((await db.refs.get(['serviceItem', 'tech-contract']))?.doc.body).toEqual(broken);
    db.close();
  });
});
