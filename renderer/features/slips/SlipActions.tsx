import type { Staff } from '../../../shared/model/reference.ts';
import type { CaseRow, ContactRow } from '../../data/db.ts';

export type SlipSubject = { kind: 'case'; row: CaseRow } | { kind: 'contact'; row: ContactRow };

/** The slips that can be printed for a case or a contact, and those already issued (filled in with printing). */
export function SlipActions(_props: { subject: SlipSubject; staff: Staff }) {
  return null;
}
