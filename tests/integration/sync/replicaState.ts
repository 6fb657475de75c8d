// The folded state of one replica as a hash, for the convergence tests: a desk's contact and case projections as
// it holds them, and the same rows folded from the server's own log with the same shared rules.
import { createHash } from 'node:crypto';
import type { CaseEvent } from '../../../shared/model/caseEvents.ts';
import type { ContactEvent } from '../../../shared/model/contactEvents.ts';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { foldCase } from '../../../shared/rules/case.ts';
import { foldContact, type FoldContext } from '../../../shared/rules/contact.ts';
import { caseRow } from '../../../renderer/data/caseProjection.ts';
import type { CaseRow, ContactRow, DeskDb } from '../../../renderer/data/db.ts';
import { loadInitials } from '../../../renderer/data/pinyin.ts';
import { contactRow } from '../../../renderer/data/projections.ts';
import type { Db } from '../../../server/src/storage/db.ts';
import { readEventsAfter } from '../../../server/src/storage/events.ts';
import { listReferenceDocs } from '../../../server/src/storage/reference.ts';

/** JSON with sorted keys and without undefined members: equal data, equal text, whatever the property order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ReplicaState {
  readonly contacts: readonly ContactRow[];
  readonly cases: readonly CaseRow[];
}

export function stateHash(state: ReplicaState): string {
  const byId = <T>(rows: readonly T[], id: (row: T) => string) => [...rows].sort((a, b) => (id(a) < id(b) ? -1 : 1));
  const text = stableJson({
    contacts: byId(state.contacts, (c) => c.contactId),
    cases: byId(state.cases, (c) => c.caseId),
  });
  return createHash('sha256').update(text).digest('hex');
}

/** What a desk shows: its projection rows as stored. */
export async function deskState(db: DeskDb): Promise<ReplicaState> {
  return { contacts: await db.contacts.toArray(), cases: await db.cases.toArray() };
}

/** The server's own log folded with the shared rules into the rows a desk would show. */
export async function serverState(db: Db): Promise<ReplicaState> {
  const references = await listReferenceDocs(db);
  // As on the desks (projections.ts foldContext): a leader who has left still counts for decisions made earlier.
  const leaders = new Set<string>(
    references.flatMap((d) => (d.kind === 'staff' && d.body.roles.includes('leader') ? [d.id] : [])),
  );
  const context: FoldContext = { isLeader: (id) => leaders.has(id) };
  const logs = new Map<string, DeskEvent[]>();
  for (let cursor = 0; ;) {
    const page = await readEventsAfter(db, cursor, 5000);
    for (const { event } of page) {
      const key = `${event.aggregate}/${event.aggregateId}`;
      const log = logs.get(key);
      if (log) log.push(event);
      else logs.set(key, [event]);
    }
    if (page.length < 5000) break;
    cursor = page.at(-1)!.seq;
  }
  // The desks index contacts with pinyin initials (loaded before every write); so does the expected state.
  const initialsOf = await loadInitials();
  const contacts = new Map<string, ContactRow>();
  for (const [key, log] of logs) {
    const state = key.startsWith('contact/') ? foldContact(log as ContactEvent[], context) : null;
    if (state) contacts.set(state.contactId, contactRow(state, initialsOf));
  }
  const items = new Map<string, ServiceItem>(
    references.flatMap((d) => (d.kind === 'serviceItem' ? [[d.id, d.body] as const] : [])),
  );
  const cases: CaseRow[] = [];
  for (const [key, log] of logs) {
    const state = key.startsWith('case/') ? foldCase(log as CaseEvent[], context) : null;
    if (state) cases.push(caseRow(state, items.get(state.serviceItemId), contacts.get(state.contactId)));
  }
  return { contacts: [...contacts.values()], cases };
}
