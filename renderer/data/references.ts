import type { Agency, Department, ReferenceDoc, Settings, Staff } from '../../shared/model/reference.ts';
import { newerReferenceDoc, SETTINGS_ID } from '../../shared/model/reference.ts';
import { replacedVersionDoc } from './catalogVersions.ts';
import type { DeskDb } from './db.ts';

type BodyOf<K extends ReferenceDoc['kind']> = Extract<ReferenceDoc, { kind: K }>['body'];

export async function listReference<K extends ReferenceDoc['kind']>(db: DeskDb, kind: K): Promise<BodyOf<K>[]> {
  const rows = await db.refs.where('kind').equals(kind).toArray();
  return rows.map((r) => r.doc.body as BodyOf<K>);
}

export async function listActiveStaff(db: DeskDb): Promise<Staff[]> {
  const staff = await listReference(db, 'staff');
  return staff.filter((s) => s.active).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export async function listDepartments(db: DeskDb): Promise<Department[]> {
  return (await listReference(db, 'department')).sort((a, b) => a.order - b.order);
}

export async function listAgencies(db: DeskDb): Promise<Agency[]> {
  return listReference(db, 'agency');
}

export async function getStaff(db: DeskDb, id: string): Promise<Staff | undefined> {
  const row = await db.refs.get(['staff', id]);
  return row?.doc.body as Staff | undefined;
}

export async function getSettings(db: DeskDb): Promise<Settings | undefined> {
  const row = await db.refs.get(['settings', SETTINGS_ID]);
  return row?.doc.body as Settings | undefined;
}

/**
 * Keep the newer of the stored and the incoming version (by rev, then HLC). A catalog item's older version is kept
 * apart, not dropped: the cases opened under it print their slips from it (item 12). Call inside a transaction.
 */
export async function mergeReferenceDocs(db: DeskDb, docs: readonly ReferenceDoc[]): Promise<void> {
  for (const doc of docs) {
    const current = await db.refs.get([doc.kind, doc.id]);
    const winner = current ? newerReferenceDoc(current.doc, doc) : doc;
    if (winner === current?.doc) continue;
    const replaced = current ? replacedVersionDoc(current.doc, winner) : null;
    if (replaced && !(await db.refs.get([replaced.kind, replaced.id]))) {
      await db.refs.put({ kind: replaced.kind, id: replaced.id, doc: replaced });
    }
    await db.refs.put({ kind: doc.kind, id: doc.id, doc: winner });
  }
}
