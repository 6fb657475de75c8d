import { Dexie, type Transaction } from 'dexie';
import {
  classifyQuery,
  rankVisitorHits,
  summariseVisitor,
  tokenPrefixOf,
  visitorKeyOf,
  withInitials,
  type InitialsOf,
  type TokenHit,
  type VisitorContact,
  type VisitorSummary,
} from '../../shared/rules/visitor.ts';
import type { ContactRow, DeskDb, VisitorRow } from './db.ts';
import { rowsInRanges } from './bulkRead.ts';
import { loadInitials } from './pinyin.ts';

// The returning-visitor projection. Each visitor row carries multiEntry `tokens` whose key order is
// (kind, value, newest first), so a prefix search reads a few index entries, never the whole table.

export interface VisitorMatch {
  readonly visitorKey: string;
  readonly name?: string;
  readonly organisation?: string;
  readonly phone?: string;
  readonly lastContactAt: string;
  readonly contactCount: number;
}

/** Index entries read per result wanted: a visitor may match through several of its tokens. */
const CANDIDATES_PER_RESULT = 4;
const REINDEX_CHUNK = 500;

function contactsOfKey(db: DeskDb, visitorKey: string) {
  return db.contacts.where('[visitorKey+openedAt]').between([visitorKey, Dexie.minKey], [visitorKey, Dexie.maxKey]);
}

/** Contact rows about to be written (or deleted) in the same transaction, which the index must count as such. */
export interface PendingContacts {
  readonly rows: readonly ContactRow[];
  readonly gone: readonly string[];
}

/**
 * Re-derive the rows of these visitors from their contact rows. Call inside the transaction that
 * writes the contacts, after writing them or before with the rows as `pending`; `initialsOf` null
 * (pinyin not loaded) writes the rows marked initialsPending.
 */
export async function updateVisitorIndex(
  db: DeskDb,
  visitorKeys: Iterable<string>,
  initialsOf: InitialsOf | null,
  pending?: PendingContacts,
): Promise<void> {
  const keys = [...new Set(visitorKeys)];
  if (keys.length === 0) return;
  const contacts = await contactsOfKeys(db, keys, pending);
  const rows: VisitorRow[] = [];
  const gone: string[] = [];
  for (const key of keys) {
    const row = summariseVisitor(key, contacts.get(key) ?? [], initialsOf);
    if (row) rows.push(row);
    else gone.push(key);
  }
  if (rows.length) await db.visitors.bulkPut(rows);
  if (gone.length) await db.visitors.bulkDelete(gone);
}

/** The contacts of each visitor key in index order (openedAt, then contactId), with `pending` applied. */
async function contactsOfKeys(
  db: DeskDb,
  keys: readonly string[],
  pending?: PendingContacts,
): Promise<Map<string, ContactRow[]>> {
  const replaced = new Set([...(pending?.rows.map((r) => r.contactId) ?? []), ...(pending?.gone ?? [])]);
  const byKey = new Map<string, ContactRow[]>(keys.map((key) => [key, []]));
  const ranges = keys.map((key) => [[key, Dexie.minKey], [key, Dexie.maxKey]] as const);
  const stored = await rowsInRanges(db.contacts, '[visitorKey+openedAt]', ranges);
  for (const row of stored) if (!replaced.has(row.contactId)) byKey.get(row.visitorKey)?.push(row);
  if (!pending?.rows.length) return byKey;
  for (const row of pending.rows) byKey.get(row.visitorKey)?.push(row);
  const order = (a: ContactRow, b: ContactRow) =>
    a.openedAt !== b.openedAt ? (a.openedAt < b.openedAt ? -1 : 1) : a.contactId < b.contactId ? -1 : 1;
  for (const list of byKey.values()) list.sort(order);
  return byKey;
}

/** Visitors matching what the clerk typed (phone digits, name / organisation prefix, pinyin initials). */
export async function searchVisitors(db: DeskDb, query: string, limit = 8): Promise<VisitorMatch[]> {
  const parsed = classifyQuery(query);
  const prefix = tokenPrefixOf(parsed);
  if (prefix === null || limit <= 0) return [];
  const hits: TokenHit<VisitorRow>[] = [];
  await db.visitors
    .where('tokens')
    .startsWith(prefix)
    .limit(limit * CANDIDATES_PER_RESULT)
    .each((visitor, cursor) => {
      hits.push({ token: String(cursor.key), visitor });
    });
  return rankVisitorHits(parsed, hits, limit).map((v) => ({
    visitorKey: v.visitorKey,
    name: v.name,
    organisation: v.organisation,
    phone: v.phone,
    lastContactAt: v.lastContactAt,
    contactCount: v.contactCount,
  }));
}

/** A visitor's earlier contacts, newest first. */
export async function contactsOfVisitor(db: DeskDb, visitorKey: string): Promise<ContactRow[]> {
  return contactsOfKey(db, visitorKey).reverse().toArray();
}

/** Add the pinyin initials to visitors written without them, in small transactions. Returns how many. */
export async function reindexPendingVisitors(db: DeskDb, initialsOf: InitialsOf): Promise<number> {
  let done = 0;
  for (;;) {
    const count = await db.transaction('rw', db.visitors, async () => {
      const pending = await db.visitors.where('initialsPending').equals(1).limit(REINDEX_CHUNK).toArray();
      await db.visitors.bulkPut(pending.map((v) => withInitials(v, initialsOf)));
      return pending.length;
    });
    done += count;
    if (count < REINDEX_CHUNK) return done;
  }
}

const ensuring = new WeakMap<DeskDb, Promise<number>>();

/**
 * Make initials search complete: load pinyin and reindex visitors marked initialsPending (after the
 * schema upgrade, or when pinyin failed to load at write time). Call after opening the database;
 * concurrent calls share one run. Rejects if pinyin cannot be loaded.
 */
export function ensureVisitorIndex(db: DeskDb): Promise<number> {
  let run = ensuring.get(db);
  if (!run) {
    run = loadInitials()
      .then((initialsOf) => reindexPendingVisitors(db, initialsOf))
      .finally(() => ensuring.delete(db));
    ensuring.set(db, run);
  }
  return run;
}

/**
 * Schema v2 upgrade: give every contact its visitor key and build the visitor rows. The pinyin
 * library cannot be imported inside an upgrade transaction (it would commit while we wait), so the
 * rows are written without initials, marked initialsPending, and completed by ensureVisitorIndex.
 */
export async function indexVisitorsOnUpgrade(tx: Transaction): Promise<void> {
  const byKey = new Map<string, VisitorContact[]>();
  await tx
    .table<VisitorContact & { visitorKey?: string }, string>('contacts')
    .toCollection()
    .modify((row) => {
      const key = visitorKeyOf(row.visitor);
      row.visitorKey = key;
      const contacts = byKey.get(key);
      if (contacts) contacts.push(row);
      else byKey.set(key, [row]);
    });
  const rows = [...byKey].flatMap(([key, contacts]) => summariseVisitor(key, contacts, null) ?? []);
  await tx.table<VisitorSummary, string>('visitors').bulkPut(rows);
}
