import type { Transaction } from 'dexie';
import { catalogVersionId, serviceItemSchema, type ServiceItem } from '../../shared/model/catalog.ts';
import type { ReferenceDoc } from '../../shared/model/reference.ts';
import { publishedAtOf } from '../../shared/rules/guide/publishedAt.ts';
import type { DeskDb, RefRow } from './db.ts';

// Item 12: a case's slips come from the catalog version it was opened under, never the current one. The desk keeps
// every version it can know of: the current one (refs 'serviceItem'), the versions the server kept when an admin
// replaced them (refs 'serviceItemVersion', `${itemId}@${rev}`), the versions this desk saw before they were replaced
// (kept by keepReplacedVersion as the same kind of doc), and every version a second admin published (issue 16): a
// catalog.itemSaved event is only a DRAFT, whole in its payload; the catalog.itemPublished HQ stored for it made it
// version baseRev + 1, stamped with its publication. A draft nobody published is never a version.

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
  return (await publishedFromEvents(db, itemId)).find((v) => v.rev === rev)?.item;
}

/** One published version of an item, with the day it took effect. */
export interface CatalogVersion {
  readonly rev: number;
  readonly item: ServiceItem;
  /** HQ's publication stamp; a version seeded or saved before issue 16 dates from its document. */
  readonly publishedAt?: string;
}

/** The versions the server stored a publication of (their drafts and the approvals, both in this desk's log). */
async function publishedFromEvents(db: DeskDb, itemId: string): Promise<CatalogVersion[]> {
  // Only events the server stored (they have a serverSeq): a local one may still be refused.
  const rows = (await db.events.where('[aggregate+aggregateId]').equals(['catalog', itemId]).toArray()).filter(
    (row) => row.serverSeq !== undefined,
  );
  return rows.flatMap((row) => {
    const approval = row.event;
    if (approval.type !== 'catalog.itemPublished') return [];
    const draft = rows.find((r) => r.eventId === approval.payload.draftEventId)?.event;
    if (draft?.type !== 'catalog.itemSaved') return [];
    const publishedAt = row.receivedAt ?? approval.occurredAt;
    const publication = { publishedAt, draftEventId: draft.eventId, draftedBy: draft.staffId, approvedBy: approval.staffId };
    const item = readItem({ ...draft.payload.item, publication }, itemId);
    return item ? [{ rev: (draft.payload.baseRev ?? 0) + 1, item, publishedAt }] : [];
  });
}

/** A stored version with its date, by the rule the public site dates it by (publishedAtOf). */
function datedVersion(rev: number, body: unknown, itemId: string, doc: ReferenceDoc): CatalogVersion | undefined {
  const item = readItem(body, itemId);
  return item && { rev, item, publishedAt: publishedAtOf(item, doc) };
}

/**
 * Every version of an item this desk can read, newest first (公开承诺: a published version stays readable after a
 * newer one supersedes it): the current one, those HQ or this desk archived, and those published in its log.
 */
export async function listCatalogVersions(db: DeskDb, itemId: string): Promise<CatalogVersion[]> {
  const byRev = new Map<number, CatalogVersion>();
  for (const v of await publishedFromEvents(db, itemId)) byRev.set(v.rev, v);
  const archived = await db.refs
    .where('[kind+id]')
    .between(['serviceItemVersion', `${itemId}@`], ['serviceItemVersion', `${itemId}@\uffff`])
    .toArray();
  for (const { doc } of archived) {
    if (doc.kind !== 'serviceItemVersion' || doc.body.item.id !== itemId) continue;
    const v = datedVersion(doc.body.rev, doc.body.item, itemId, doc);
    if (v) byRev.set(v.rev, v);
  }
  const current = (await db.refs.get(['serviceItem', itemId]))?.doc;
  if (current?.kind === 'serviceItem') {
    const v = datedVersion(current.rev, current.body, itemId, current);
    if (v) byRev.set(v.rev, v);
  }
  return [...byRev.values()].sort((a, b) => b.rev - a.rev);
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
