import type { Transaction } from 'dexie';
import { catalogVersionId, serviceItemSchema, type ServiceItem } from '../../shared/model/catalog.ts';
import type { ReferenceDoc } from '../../shared/model/reference.ts';
import type { DeskDb, RefRow } from './db.ts';

// Item 12: a case's slips come from the catalog version it was opened under, never the current one. The desk keeps
// every version it can know of: the current one (refs 'serviceItem'), the versions the server kept when an admin
// replaced them (refs 'serviceItemVersion', `${itemId}@${rev}`), the versions this desk saw before they were replaced
// (kept by keepReplacedVersion as the same kind of doc), and every version an admin saved, which is whole in its
// catalog.itemSaved event (the server gave it rev baseRev + 1, or refused it and never stored it).

type ServiceItemDoc = Extract<ReferenceDoc, { kind: 'serviceItem' }>;

/** The archived form of a version that `incoming` replaces here: call before `incoming` overwrites `current`. */
export function replacedVersionDoc(current: ReferenceDoc, incoming: ReferenceDoc): ReferenceDoc | null {
  if (current.kind !== 'serviceItem' || incoming.kind !== 'serviceItem' || incoming.rev <= current.rev) return null;
  return {
    kind: 'serviceItemVersion',
    id: catalogVersionId(current.id, current.rev),
    rev: 1,
    hlc: current.hlc,
    updatedAt: current.updatedAt,
    body: { rev: current.rev, item: current.body },
  };
}

/** An item as stored, read with today's schema (a step stored as a plain string becomes `{ name }`). */
function readItem(body: unknown, itemId: string): ServiceItem | undefined {
  const parsed = serviceItemSchema.safeParse(body);
  return parsed.success && parsed.data.id === itemId ? parsed.data : undefined;
}

/** Version `rev` of item `itemId` as this desk knows it, or undefined when it knows no such version. */
export async function readCatalogVersion(db: DeskDb, itemId: string, rev: number): Promise<ServiceItem | undefined> {
  const current = (await db.refs.get(['serviceItem', itemId]))?.doc;
  if (current?.kind === 'serviceItem' && current.rev === rev) return readItem(current.body, itemId);
  const archived = (await db.refs.get(['serviceItemVersion', catalogVersionId(itemId, rev)]))?.doc;
  if (archived?.kind === 'serviceItemVersion' && archived.body.rev === rev) {
    const item = readItem(archived.body.item, itemId);
    if (item) return item;
  }
  // Only an event the server stored (it has a serverSeq) made a version; a local one may still be refused.
  const saved = await db.events.where('[aggregate+aggregateId]').equals(['catalog', itemId]).toArray();
  for (const row of saved) {
    const { event } = row;
    if (row.serverSeq === undefined || event.type !== 'catalog.itemSaved') continue;
    if ((event.payload.baseRev ?? 0) + 1 === rev) return readItem(event.payload.item, itemId);
  }
  return undefined;
}

/**
 * Desks before issue 12 stored items whose steps were plain strings and whose statutory limit was required: read
 * each stored item with today's schema once, so every reader sees steps as `{ name, limitDays? }`.
 */
export async function normaliseCatalogOnUpgrade(tx: Transaction): Promise<void> {
  await tx
    .table<RefRow>('refs')
    .where('kind')
    .equals('serviceItem')
    .modify((row: RefRow) => {
      const doc = row.doc as ServiceItemDoc;
      const parsed = serviceItemSchema.safeParse(doc.body);
      if (parsed.success) (row as { doc: unknown }).doc = { ...doc, body: parsed.data };
    });
}
