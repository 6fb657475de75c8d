import { useLiveQuery } from 'dexie-react-hooks';
import type { ComplaintLink } from '../../../shared/model/complaintEvents.ts';
import type { DeskDb } from '../db.ts';
import { contactsOfVisitor, searchVisitors } from '../visitors.ts';
import {
  caseHit,
  caseIdMatches,
  contactHit,
  linkKey,
  matterMatches,
  recordQueryOf,
  serialMatches,
  slipHit,
  type RecordHit,
} from './recordSearch.ts';

// The desk's own records a complaint may name, read with the desk's existing indexes: a visitor by the
// returning-visitor search (searchVisitors), a case or slip by its key. Reads only; nothing here writes.

/** Contacts of one found visitor offered: a regular's years of visits are not all worth a row. */
const CONTACTS_PER_VISITOR = 3;
/** The newest contacts whose matter is read for the text typed (no index holds matters). */
const MATTER_SCAN = 500;

/** Records answering what was typed: numbers first, then visitors by name and their cases, then matters. */
export async function findRecords(db: DeskDb, raw: string, limit = 8): Promise<RecordHit[]> {
  const query = recordQueryOf(raw);
  if (!query || limit <= 0) return [];
  const hits: RecordHit[] = [];
  if (query.caseTail !== undefined) {
    const tail = query.caseTail;
    const ids = (await db.cases.toCollection().primaryKeys()).filter((id) => caseIdMatches(id, tail));
    const rows = await db.cases.bulkGet(ids.slice(0, limit));
    for (const row of rows) if (row) hits.push(caseHit(row));
  }
  if (query.serialPrefix !== undefined || query.serialSeq !== undefined) {
    const serials = ((await db.slips.orderBy('serial').uniqueKeys()) as string[]).filter((s) =>
      serialMatches(s, query),
    );
    const rows = serials.length ? await db.slips.where('serial').anyOf(serials.slice(0, limit)).toArray() : [];
    for (const row of rows) hits.push(slipHit(row));
  }
  if (query.text !== undefined) {
    const visitors = await searchVisitors(db, query.text, limit);
    const contacts = (
      await Promise.all(visitors.map((v) => contactsOfVisitor(db, v.visitorKey)))
    ).flatMap((rows) => rows.slice(0, CONTACTS_PER_VISITOR));
    for (const row of contacts) hits.push(contactHit(row));
    const ids = contacts.map((c) => c.contactId);
    const cases = ids.length ? await db.cases.where('contactId').anyOf(ids).toArray() : [];
    for (const row of cases) hits.push(caseHit(row));
    const text = query.text;
    const recent = await db.contacts.orderBy('openedDay').reverse().limit(MATTER_SCAN).toArray();
    for (const row of recent) if (matterMatches(row.matter, text)) hits.push(contactHit(row));
  }
  return hits;
}

/** The records this desk holds among `links`, by linkKey; a link missing from the map names a record held elsewhere. */
export async function linkedRecords(db: DeskDb, links: readonly ComplaintLink[]): Promise<Map<string, RecordHit>> {
  const idsOf = (kind: ComplaintLink['kind']) => links.filter((l) => l.kind === kind).map((l) => l.id as string);
  const [contacts, cases, slips] = await Promise.all([
    db.contacts.bulkGet(idsOf('contact')),
    db.cases.bulkGet(idsOf('case')),
    idsOf('slip').length ? db.slips.where('serial').anyOf(idsOf('slip')).toArray() : [],
  ]);
  const found = new Map<string, RecordHit>();
  const add = (hit: RecordHit) => found.set(linkKey(hit.link), hit);
  for (const row of contacts) if (row) add(contactHit(row));
  for (const row of cases) if (row) add(caseHit(row));
  for (const row of slips) add(slipHit(row));
  return found;
}

/**
 * findRecords as the clerk types, with the words the hits answer: while a new search runs the last answer stays,
 * and the picker must not offer (or add on Enter) a record found for what was typed before. Undefined at first.
 */
export function useRecordSearch(
  db: DeskDb,
  raw: string,
  limit = 8,
): { readonly raw: string; readonly hits: readonly RecordHit[] } | undefined {
  return useLiveQuery(async () => ({ raw, hits: await findRecords(db, raw, limit) }), [db, raw, limit]);
}

/** linkedRecords, live; undefined while reading. */
export function useLinkedRecords(db: DeskDb, links: readonly ComplaintLink[]): Map<string, RecordHit> | undefined {
  const keys = links.map(linkKey).join('\n');
  // The links' keys say when they changed; a new array of the same links must not read again.
  return useLiveQuery(() => linkedRecords(db, links), [db, keys]);
}
