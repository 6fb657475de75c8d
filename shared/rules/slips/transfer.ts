import type { SlipBlock, SlipContent, SlipField } from '../../model/slip.ts';
import type { ContactState } from '../contact.ts';
import { composeSlipContent, paperStrings, type SlipIssue } from './paper.ts';

/** Which note: inside the bureau (转办, art. 8(3)) or to an outside agency (告知, art. 8(4)). */
export type TransferNoteVariant = 'transfer' | 'referral';

/** The note a contact can have: its transfer, its referral, or none. */
export function transferNoteVariant(contact: Pick<ContactState, 'transfer' | 'referral'>): TransferNoteVariant | null {
  if (contact.referral) return 'referral';
  if (contact.transfer) return 'transfer';
  return null;
}

// art. 8(3): a transferred matter — the applicant is told the department, the handler and the phone (as the
// transfer recorded them), and where the department sits. art. 8(4): a matter outside the bureau's remit — the
// competent agency, its phone and address, and why.
export function composeTransferNote(
  issue: SlipIssue,
  contact: ContactState,
  variant: TransferNoteVariant,
  departmentAddress?: string,
): SlipContent {
  const strings = paperStrings(issue.lang ?? 'zh-CN');
  if (variant === 'transfer') {
    const transfer = contact.transfer;
    if (!transfer) throw new Error(`contact ${contact.contactId} was not transferred`);
    const words = strings.transfer;
    const department = { label: words.department, value: transfer.toldApplicant.departmentName };
    return whereToGo(
      issue,
      words,
      department,
      [
        { label: words.matter, value: contact.matter },
        department,
        { label: words.handler, value: transfer.toldApplicant.handlerName },
        { label: words.handlerPhone, value: transfer.toldApplicant.phone },
        ...(departmentAddress ? [{ label: words.address, value: departmentAddress }] : []),
      ],
      { type: 'notice', text: words.note },
    );
  }
  const referral = contact.referral;
  if (!referral) throw new Error(`contact ${contact.contactId} was not referred`);
  const words = strings.referral;
  const agency = { label: words.agency, value: referral.toldApplicant.agencyName };
  return whereToGo(
    issue,
    words,
    agency,
    [
      { label: words.matter, value: contact.matter },
      agency,
      { label: words.phone, value: referral.toldApplicant.phone },
      { label: words.address, value: referral.toldApplicant.address },
      { label: words.explanation, value: referral.explanation },
    ],
    { type: 'paragraph', text: words.note },
  );
}

/** Both notes: one section of who and where to go, then the note; addressed to the department or the agency. */
function whereToGo(
  issue: SlipIssue,
  words: { readonly title: string; readonly intro: string },
  recipient: SlipField,
  fields: SlipField[],
  note: SlipBlock,
): SlipContent {
  const body = {
    intro: words.intro,
    sections: [{ heading: '', blocks: [{ type: 'fields' as const, fields }, note] }],
    closing: [],
  };
  return composeSlipContent('transferNote', words.title, issue, undefined, body, recipient);
}
