import type { Transaction } from 'dexie';
import type { ContactEvent } from '../../shared/model/contactEvents.ts';
import { foldContact } from '../../shared/rules/contact.ts';
import type { ContactRow, RefRow, StoredEvent } from './db.ts';
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

/**
 * Remove the PIN hash every staff doc carried before issue 11: a copy of the directory must not let anyone guess
 * PINs offline, a leader's least of all. Nobody signs in offline until they have signed in here online again.
 */
export async function stripStaffSecretsOnUpgrade(tx: Transaction): Promise<void> {
  await tx
    .table<RefRow>('refs')
    .where('kind')
    .equals('staff')
    .modify((row: RefRow) => {
      const body = row.doc.body as unknown as Record<string, unknown>;
      if (!('pinHash' in body)) return;
      const { pinHash: _secret, ...rest } = body;
      (row as { doc: unknown }).doc = { ...row.doc, body: rest };
    });
}
