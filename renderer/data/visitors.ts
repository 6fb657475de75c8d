import { Dexie, type Transaction } from 'dexie';
import {
  classifyQuery,
  contactSearchFields,
  rankVisitorHits,
  summariseVisitor,
  tokenPrefixOf,
  tokenVisitorKey,
  visitorKeyOf,
  type InitialsOf,
  type TokenHit,
  type VisitorContact,
  type VisitorSummary,
} from '../../shared/rules/visitor.ts';
import type { ContactRow, DeskDb } from './db.ts';
import { loadInitials } from './pinyin.ts';

// The returning-visitor index is the contacts table itself: each contact row carries multiEntry `tokens` whose
// key order is (kind, value, newest contact first) and which end in the contact's visitor key. A prefix search
// scans a few index keys (no rows), takes the visitors they name, and summarises those from their contacts.
// No row of its own per visitor: a contact pulled or recorded writes one row, not two.

export interface VisitorMatch {
  readonly visitorKey: string;
  readonly name?: string;
  readonly organisation?: string;
  readonly phone?: string;
  readonly lastContactAt: string;
  readonly contactCount: number;
}

/** Distinct visitors gathered per result wanted, so the ranking has more than the first few to choose from. */
const CANDIDATES_PER_RESULT = 4;
/**
 * Index keys read by the first step of the scan (each next step reads twice as many), and at most in all: a
 * visitor with many contacts repeats its tokens, so a daily regular's years of contacts are read past (keys only,
 * no rows) to reach the other visitors of the same name.
 */
const FIRST_SCAN_STEP = 64;
const SCAN_LIMIT = 8192;
/** A visitor is shown from its newest contacts (name, organisation, phone); all of them are only counted. */
const SUMMARISED_CONTACTS = 20;
const REINDEX_CHUNK = 500;
const MAX_STRING = String.fromCharCode(65535);

function contactsOfKey(db: DeskDb, visitorKey: string) {
  return db.contacts.where('[visitorKey+openedAt]').between([visitorKey, Dexie.minKey], [visitorKey, Dexie.maxKey]);
}

/** Visitors matching what the clerk typed (phone digits, name / organisation prefix, pinyin initials). */
export async function searchVisitors(db: DeskDb, query: string, limit = 8): Promise<VisitorMatch[]> {
  const parsed = classifyQuery(query);
  const prefix = tokenPrefixOf(parsed);
  if (prefix === null || limit <= 0) return [];
  const tokens = await scanTokens(db, prefix, limit * CANDIDATES_PER_RESULT);
  const visitors = await summariesOf(db, [...new Set(tokens.map(tokenVisitorKey))]);
  const hits: TokenHit<VisitorSummary>[] = tokens.flatMap((token) => {
    const visitor = visitors.get(tokenVisitorKey(token));
    return visitor ? [{ token, visitor }] : [];
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

/**
 * The index keys starting with `prefix`, in key order (exact values first, newest contact first within a value),
 * until they name `visitors` distinct visitors or SCAN_LIMIT keys were read.
 */
async function scanTokens(db: DeskDb, prefix: string, visitors: number): Promise<string[]> {
  const tokens: string[] = [];
  const seen = new Set<string>();
  let lower = prefix;
  let includeLower = true;
  for (let step = FIRST_SCAN_STEP; seen.size < visitors && tokens.length < SCAN_LIMIT; step *= 2) {
    const keys = (await db.contacts
      .where('tokens')
      .between(lower, prefix + MAX_STRING, includeLower, true)
      .limit(Math.min(step, SCAN_LIMIT - tokens.length))
      .keys()) as string[];
    for (const token of keys) {
      tokens.push(token);
      seen.add(tokenVisitorKey(token));
    }
    const last = keys[keys.length - 1];
    if (keys.length < step || last === undefined) break;
    lower = last;
    includeLower = false;
  }
  return tokens;
}

/**
 * What the clerk sees of each visitor: its newest contacts, and how many it has. One range read per visitor, all
 * at once: the visitors a prefix finds lie far apart in the [visitorKey+openedAt] index, where a single cursor
 * jumping from range to range (Dexie's inAnyRange) walks past every key in between on some IndexedDB
 * implementations.
 */
async function summariesOf(db: DeskDb, visitorKeys: readonly string[]): Promise<Map<string, VisitorSummary>> {
  const read = await Promise.all(
    visitorKeys.map(async (key) => {
      const newest = await contactsOfKey(db, key).reverse().limit(SUMMARISED_CONTACTS).toArray();
      const count = newest.length < SUMMARISED_CONTACTS ? newest.length : await contactsOfKey(db, key).count();
      return { key, newest, count };
    }),
  );
  const summaries = new Map<string, VisitorSummary>();
  for (const { key, newest, count } of read) {
    const summary = summariseVisitor(key, newest);
    if (summary) summaries.set(key, { ...summary, contactCount: count });
  }
  return summaries;
}

/** A visitor's earlier contacts, newest first. */
export async function contactsOfVisitor(db: DeskDb, visitorKey: string): Promise<ContactRow[]> {
  return contactsOfKey(db, visitorKey).reverse().toArray();
}

/** Add the pinyin initials to contacts indexed without them, in small transactions. Returns how many. */
export async function reindexPendingVisitors(db: DeskDb, initialsOf: InitialsOf): Promise<number> {
  let done = 0;
  for (;;) {
    const count = await db.transaction('rw', db.contacts, async () => {
      const pending = await db.contacts.where('initialsPending').equals(1).limit(REINDEX_CHUNK).toArray();
      await db.contacts.bulkPut(pending.map((row) => withSearchFields(row, initialsOf)));
      return pending.length;
    });
    done += count;
    if (count < REINDEX_CHUNK) return done;
  }
}

/** The row with its search fields made afresh (a row read back keeps a stale initialsPending otherwise). */
function withSearchFields(row: ContactRow, initialsOf: InitialsOf | null): ContactRow {
  const { tokens: _tokens, initialsPending: _pending, ...rest } = row;
  return { ...rest, ...contactSearchFields(row, initialsOf) };
}

const ensuring = new WeakMap<DeskDb, Promise<number>>();

/**
 * Make initials search complete: load pinyin and reindex contacts marked initialsPending (after a
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

/** Schema v2 upgrade: give every contact its visitor key (version 6 then indexes contacts by their tokens). */
export async function keyVisitorsOnUpgrade(tx: Transaction): Promise<void> {
  await tx
    .table<VisitorContact & { visitorKey?: string }, string>('contacts')
    .toCollection()
    .modify((row) => {
      row.visitorKey = visitorKeyOf(row.visitor);
    });
}

/**
 * Schema v6 upgrade: the search tokens move from one row per visitor onto the contacts. The pinyin library
 * cannot be imported inside an upgrade transaction (it would commit while we wait), so the tokens are made
 * without initials, marked initialsPending, and completed by ensureVisitorIndex. (phoneDigits, no longer
 * indexed, goes: the visitor key carries the digits.)
 */
export async function tokensOnUpgrade(tx: Transaction): Promise<void> {
  await tx
    .table<ContactRow & { phoneDigits?: string }, string>('contacts')
    .toCollection()
    .modify((row, ref) => {
      const { phoneDigits: _digits, ...rest } = row;
      // Defensive: every row written since v2 has both; one without must not stop the whole upgrade.
      const visitor = rest.visitor ?? {};
      ref.value = withSearchFields({ ...rest, visitor, visitorKey: rest.visitorKey ?? visitorKeyOf(visitor) }, null);
    });
}
