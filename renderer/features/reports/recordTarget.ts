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
