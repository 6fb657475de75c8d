import type { ContactEvent } from '../../shared/model/contactEvents.ts';
import type { Staff } from '../../shared/model/reference.ts';
import { foldContact, type ContactState, type FoldContext } from '../../shared/rules/contact.ts';
import { contactSearchFields, visitorKeyOf, type InitialsOf } from '../../shared/rules/visitor.ts';
import type { ContactRow, DeskDb } from './db.ts';
import { initialsSync, preloadInitials } from './pinyin.ts';
import { dayOf } from './time.ts';
import { logOf, readAggregateLogs, type AggregateLogs, type AggregateRef } from './aggregateLogs.ts';
import { refreshCases } from './caseProjection.ts';
import { refreshSlips } from './slipProjection.ts';

/**
 * Re-fold the given contacts from their events and write their rows. Called inside the same
 * transaction that wrote the events, so a screen never sees an event without its projection.
 * Each row carries its own search tokens (the returning-visitor index), whose pinyin initials need
 * preloadInitials() before the transaction. `logs`, when the caller has them, are the contacts'
 * complete stored logs (see applyPulled).
 */
export async function refreshContacts(db: DeskDb, contactIds: Iterable<string>, logs?: AggregateLogs): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const rows: ContactRow[] = [];
  const gone: string[] = [];
  const context = await foldContext(db);
  const known = logs ?? (await readAggregateLogs(db, ids.map((aggregateId) => ({ aggregate: 'contact', aggregateId }))));
  const initialsOf = initialsSync();
  for (const id of ids) {
    const state = foldContact(
      logOf(known, 'contact', id).map((s) => s.event as ContactEvent),
      context,
    );
    if (!state) {
      gone.push(id);
      continue;
    }
    rows.push(contactRow(state, initialsOf));
  }
  if (rows.length) await db.contacts.bulkPut(rows);
  if (gone.length) await db.contacts.bulkDelete(gone);
}

/** The tables a write transaction must include so the projections can follow the events. */
export function projectionTables(db: DeskDb) {
  return [db.contacts, db.cases, db.refs, db.slips];
}

/** Refresh the projections of every aggregate the given events touch (inside the writing transaction). */
export async function refreshAggregates(
  db: DeskDb,
  events: readonly AggregateRef[],
  logs?: AggregateLogs,
): Promise<void> {
  const known = logs ?? (await readAggregateLogs(db, events));
  const ids = (aggregate: string) => events.filter((e) => e.aggregate === aggregate).map((e) => e.aggregateId);
  await refreshContacts(db, ids('contact'), known);
  await refreshCases(db, ids('case'), known);
  await refreshSlips(db, ids('slip'), known);
}

/**
 * The projection row of a folded contact: the state plus the keys the screens query by and its search tokens
 * (`initialsOf` null, when pinyin is not loaded: marked for ensureVisitorIndex to complete).
 */
export function contactRow(state: ContactState, initialsOf: InitialsOf | null): ContactRow {
  const visitorKey = visitorKeyOf(state.visitor);
  return {
    ...state,
    openedDay: dayOf(state.openedAt),
    visitorKey,
    ...contactSearchFields({ visitor: state.visitor, openedAt: state.openedAt, visitorKey }, initialsOf),
  };
}

/**
 * Who may decide as a leader comes from the directory. A decision stays valid after its leader leaves,
 * so inactive leaders count too: otherwise desks re-folding at different times would disagree.
 */
export async function foldContext(db: DeskDb): Promise<FoldContext> {
  const staff = await db.refs.where('kind').equals('staff').toArray();
  const leaders = new Set(
    staff.map((r) => r.doc.body as Staff).filter((s) => s.roles.includes('leader')).map((s) => s.id as string),
  );
  return { isLeader: (id) => leaders.has(id) };
}

/** Rebuild every projection from the event log (after a migration, or to repair). */
export async function rebuildProjections(db: DeskDb): Promise<void> {
  await preloadInitials();
  await db.transaction('rw', [db.events, ...projectionTables(db)], async () => {
    await db.contacts.clear();
    await db.cases.clear();
    const ids = new Set<string>();
    await db.events.where('[aggregate+aggregateId]').between(['contact', ''], ['contact', '\uffff']).each((e) => {
      ids.add(e.aggregateId);
    });
    await refreshContacts(db, ids);
    const caseIds = new Set<string>();
    await db.events.where('[aggregate+aggregateId]').between(['case', ''], ['case', '\uffff']).each((e) => {
      caseIds.add(e.aggregateId);
    });
    await refreshCases(db, caseIds);
    await db.slips.clear();
    const slipIds = new Set<string>();
    await db.events.where('[aggregate+aggregateId]').between(['slip', ''], ['slip', '\uffff']).each((e) => {
      slipIds.add(e.aggregateId);
    });
    await refreshSlips(db, slipIds);
  });
}
