import type { Transaction } from 'dexie';
import type { CaseEvent } from '../../shared/model/caseEvents.ts';
import type { ServiceItem } from '../../shared/model/catalog.ts';
import type { ContactEvent } from '../../shared/model/contactEvents.ts';
import type { Staff } from '../../shared/model/reference.ts';
import { foldCase } from '../../shared/rules/case.ts';
import { foldContact } from '../../shared/rules/contact.ts';
import { caseRow } from './caseProjection.ts';
import type { CaseRow, ContactRow, RefRow, StoredEvent } from './db.ts';
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
 * Re-fold every case from its events inside an upgrade transaction, with the leaders of the stored directory (the
 * fold's art. 8(二)/17 checks) and the item and contact each row names. Rows folded by older rules lack the fields
 * the current rules judge by (receipt, intake, limits at opening, steps, the day each act was recorded, flags).
 */
export async function refoldCasesOnUpgrade(tx: Transaction): Promise<void> {
  const byCase = new Map<string, CaseEvent[]>();
  await tx
    .table<StoredEvent>('events')
    .where('[aggregate+aggregateId]')
    .between(['case', ''], ['case', '\uffff'])
    .each((stored) => {
      const list = byCase.get(stored.aggregateId) ?? [];
      list.push(stored.event as CaseEvent);
      byCase.set(stored.aggregateId, list);
    });
  if (byCase.size === 0) return;
  const refs = tx.table<RefRow>('refs');
  const staff = await refs.where('kind').equals('staff').toArray();
  const leaders = new Set(
    staff.map((r) => r.doc.body as Staff).filter((s) => s.roles.includes('leader')).map((s) => s.id as string),
  );
  const items = new Map(
    (await refs.where('kind').equals('serviceItem').toArray()).map((r) => [r.id, r.doc.body as ServiceItem]),
  );
  const contacts = tx.table<ContactRow>('contacts');
  const rows: CaseRow[] = [];
  for (const events of byCase.values()) {
    const state = foldCase(events, { isLeader: (id) => leaders.has(id) });
    if (state) rows.push(caseRow(state, items.get(state.serviceItemId), await contacts.get(state.contactId)));
  }
  await tx.table<CaseRow>('cases').bulkPut(rows);
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
