import type { DeskDb } from '../../data/db.ts';

// Where the desk opens the record behind a fact or a warning card. A fact names its aggregate (`recordId`): a
// contact's facts (the contact, its transfer, escalation, their breaches and due duties) open the contact's drawer;
// a case's (the case, its extensions, clock breaches and due days) open the drawer of the contact the case came
// from; a rating's open it in the 好差评 tab; a complaint's in the 投诉处理 tab, where HQ checks the reader's standing
// again. A refusal without reasons may be a contact's or a case's: the desk looks in both.

export type RecordKind = 'desk' | 'rating' | 'complaint' | 'unknown';

const RATING_CODES = new Set(['rectificationLate', 'rectification']);

export function recordKind(kind: string, code?: string): RecordKind {
  switch (kind) {
    case 'contact':
    case 'transfer':
    case 'escalation':
    case 'case':
    case 'extension':
      return 'desk';
    case 'rating':
      return 'rating';
    case 'complaint':
      return 'complaint';
    case 'breach':
    case 'due':
      return code !== undefined && RATING_CODES.has(code) ? 'rating' : 'desk';
    default:
      return 'unknown';
  }
}

/** The contact whose drawer shows the record (a contact itself, or the contact a case came from); undefined when
 * this desk does not hold it (not synced yet). */
export async function contactOfRecord(db: DeskDb, recordId: string): Promise<string | undefined> {
  if (await db.contacts.get(recordId)) return recordId;
  return (await db.cases.get(recordId))?.contactId;
}

/** What this desk holds of a drilled record, to tell apart rows HQ words the same: when it was registered and the
 * first words of the matter (no visitor's name or number: the report stays free of personal data). */
export interface DeskDetail {
  readonly openedAt: string;
  readonly matter: string;
}

const EXCERPT = 16;

/** The desk's details of the records given (a contact, or the contact a case came from); absent ones are left out. */
export async function deskDetails(db: DeskDb, recordIds: readonly string[]): Promise<Map<string, DeskDetail>> {
  const ids = [...new Set(recordIds)];
  const out = new Map<string, DeskDetail>();
  const detail = (c: { openedAt: string; matter: string }): DeskDetail => ({
    openedAt: c.openedAt,
    matter: c.matter.length > EXCERPT ? `${c.matter.slice(0, EXCERPT).trimEnd()}…` : c.matter,
  });
  const contacts = await db.contacts.bulkGet(ids);
  const missing = ids.filter((_, i) => !contacts[i]);
  ids.forEach((id, i) => contacts[i] && out.set(id, detail(contacts[i])));
  if (missing.length === 0) return out;
  const cases = await db.cases.bulkGet(missing);
  const caseContacts = await db.contacts.bulkGet(cases.map((c) => c?.contactId ?? ''));
  missing.forEach((id, i) => caseContacts[i] && out.set(id, detail(caseContacts[i])));
  return out;
}

/** A record's id as a row shows it when the desk holds nothing of it: its tail, enough to tell two rows apart. */
export function idTail(recordId: string): string {
  return recordId.length > 8 ? `…${recordId.slice(-6)}` : recordId;
}
