import type { Transaction } from 'dexie';
import type { ContactEvent } from '../../shared/model/contactEvents.ts';
import { foldContact } from '../../shared/rules/contact.ts';
import type { ContactRow, StoredEvent } from './db.ts';
import { contactRow } from './projections.ts';

/**
 * Re-fold every contact from its events inside an upgrade transaction (which may only use its own
 * tables). The log is the truth; the projection is rebuilt from it with the current rules. Pinyin cannot be
 * loaded here: the rows are marked for ensureVisitorIndex to add their initials.
 */
export async function refoldContactsOnUpgrade(tx: Transaction): Promise<void> {
  const byContact = new Map<string, ContactEvent[]>();
  await tx
    .table<StoredEvent>('events')
    .where('[aggregate+aggregateId]')
    .between(['contact', ''], ['contact', '\uffff'])
    .each((stored) => {
      const list = byContact.get(stored.aggregateId) ?? [];
      list.push(stored.event as ContactEvent);
      byContact.set(stored.aggregateId, list);
    });
  const rows: ContactRow[] = [];
  for (const events of byContact.values()) {
    const state = foldContact(events);
    if (state) rows.push(contactRow(state, null));
  }
  await tx.table<ContactRow>('contacts').bulkPut(rows);
}
