import type { ContactEvent } from '../../shared/model/events.ts';
import { foldContact } from '../../shared/rules/contact.ts';
import { phoneDigits } from '../../shared/rules/phone.ts';
import type { ContactRow, DeskDb } from './db.ts';
import { dayOf } from './time.ts';

/**
 * Re-fold the given contacts from their events and write their rows. Called inside the same
 * transaction that wrote the events, so a screen never sees an event without its projection.
 */
export async function refreshContacts(db: DeskDb, contactIds: Iterable<string>): Promise<void> {
  const rows: ContactRow[] = [];
  const gone: string[] = [];
  for (const id of new Set(contactIds)) {
    const stored = await db.events.where('[aggregate+aggregateId]').equals(['contact', id]).toArray();
    const state = foldContact(stored.map((s) => s.event as ContactEvent));
    if (!state) {
      gone.push(id);
      continue;
    }
    rows.push({ ...state, openedDay: dayOf(state.openedAt), phoneDigits: phoneDigits(state.visitor.phone ?? '') });
  }
  if (rows.length) await db.contacts.bulkPut(rows);
  if (gone.length) await db.contacts.bulkDelete(gone);
}

/** Rebuild every projection from the event log (after a migration, or to repair). */
export async function rebuildProjections(db: DeskDb): Promise<void> {
  await db.transaction('rw', [db.events, db.contacts], async () => {
    await db.contacts.clear();
    const ids = new Set<string>();
    await db.events.where('[aggregate+aggregateId]').between(['contact', ''], ['contact', '\uffff']).each((e) => {
      ids.add(e.aggregateId);
    });
    await refreshContacts(db, ids);
  });
}
