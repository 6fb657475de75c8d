import type { SlipContent, SlipSerial } from '../../shared/model/slip.ts';
import type { SlipSubject } from '../../shared/model/slipEvents.ts';
import type { Agency, Department, Settings, Staff } from '../../shared/model/reference.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { composeAcceptanceReceipt } from '../../shared/rules/slips/acceptance.ts';
import { composeChecklist } from '../../shared/rules/slips/checklist.ts';
import { composeClosureNotice } from '../../shared/rules/slips/closure.ts';
import type { CatalogVersion, SlipIssue } from '../../shared/rules/slips/paper.ts';
import { composeRejectionNotice } from '../../shared/rules/slips/rejection.ts';
import { composeSupplementNotice } from '../../shared/rules/slips/supplement.ts';
import { composeTransferNote, type TransferNoteVariant } from '../../shared/rules/slips/transfer.ts';
import { composeWithdrawalNotice } from '../../shared/rules/slips/withdrawal.ts';
import { deskCalendar } from './calendar.ts';
import { readCatalogVersion } from './catalogVersions.ts';
import type { DeskDb } from './db.ts';
import { getSettings, getStaff } from './references.ts';

// Gathers what a slip is composed from — the case or contact, the catalog item, the bureau's settings, the
// clerk, the handler, the agency — and hands it to the pure composers in shared/rules/slips.

/** The slips of a case: each composed from the catalog version the case was opened under (item 12). */
export type CaseSlipKind =
  | 'checklist'
  | 'supplementNotice'
  | 'acceptanceReceipt'
  | 'rejectionNotice'
  | 'withdrawalNotice'
  | 'closureNotice';

/** Which slip, about what. */
export type SlipRequest =
  | { kind: CaseSlipKind; caseId: string }
  /** art. 10 at first inquiry: the checklist of an item, given from the contact itself without opening a case. */
  | { kind: 'checklist'; contactId: string; serviceItemId: string; catalogRev: number }
  | { kind: 'transferNote'; contactId: string; variant: TransferNoteVariant };

export type SlipErrorCode = 'missingSettings' | 'missingItem' | 'missingCatalogVersion' | 'notIssuable' | 'slipMissing';

/** A slip that cannot be issued, with the reason the clerk sees (slips.errors.<code>). */
export class SlipError extends Error {
  constructor(readonly code: SlipErrorCode) {
    super(`slip: ${code}`);
    this.name = 'SlipError';
  }
}

export function subjectOf(request: SlipRequest): SlipSubject {
  return 'caseId' in request
    ? { kind: 'case', caseId: request.caseId as never }
    : { kind: 'contact', contactId: request.contactId as never };
}

async function department(db: DeskDb, id: string): Promise<Department | undefined> {
  return (await db.refs.get(['department', id]))?.doc.body as Department | undefined;
}

/** A person's phone for a slip: theirs, or their department's when the directory has none for them. */
async function phoneOf(db: DeskDb, staff: Staff): Promise<string> {
  return staff.phone ?? (await department(db, staff.departmentId))?.phone ?? '';
}

/** The item at exactly `rev`. A version this desk lacks is an error, never the current version instead (item 12). */
async function catalogVersion(db: DeskDb, itemId: string, rev: number): Promise<CatalogVersion> {
  const item = await readCatalogVersion(db, itemId, rev);
  if (item) return { item, rev };
  throw new SlipError((await db.refs.get(['serviceItem', itemId])) ? 'missingCatalogVersion' : 'missingItem');
}

export interface Sources {
  readonly settings: Settings;
  /** The content as synced: its QR names the rating page without a token (issue 13; the print adds it). */
  readonly compose: (serial: SlipSerial, issuedOn: IsoDate) => SlipContent;
}

/** Everything a slip needs, read now; `compose` then only needs the serial and the day. Throws SlipError. */
export async function slipSources(db: DeskDb, staff: Staff, request: SlipRequest): Promise<Sources> {
  const settings = await getSettings(db);
  if (!settings) throw new SlipError('missingSettings');
  const clerk = { name: staff.name, phone: await phoneOf(db, staff) };
  const issue = (
    serial: SlipSerial,
    issuedOn: IsoDate,
    applicant: SlipIssue['applicant'],
  ): SlipIssue => ({
    serial,
    issuedOn,
    settings,
    staff: clerk,
    applicant,
    ...(settings.publicRatingBase
      ? { rating: { base: settings.publicRatingBase }, guide: { base: settings.publicRatingBase } }
      : {}),
  });

  if (request.kind === 'checklist' && 'contactId' in request) {
    const contact = await db.contacts.get(request.contactId);
    if (!contact) throw new SlipError('notIssuable');
    const catalog = await catalogVersion(db, request.serviceItemId, request.catalogRev);
    return { settings, compose: (serial, day) => composeChecklist(issue(serial, day, contact.visitor), catalog) };
  }

  if (request.kind === 'transferNote') {
    const contact = await db.contacts.get(request.contactId);
    const target = request.variant === 'transfer' ? contact?.transfer : contact?.referral;
    if (!contact || !target) throw new SlipError('notIssuable');
    const address = contact.transfer ? (await department(db, contact.transfer.toDepartmentId))?.address : undefined;
    return {
      settings,
      compose: (serial, day) =>
        composeTransferNote(issue(serial, day, contact.visitor), contact, request.variant, address),
    };
  }

  const row = await db.cases.get(request.caseId);
  if (!row) throw new SlipError('notIssuable');
  const applicant = (await db.contacts.get(row.contactId))?.visitor ?? { name: row.applicant };
  const catalog = await catalogVersion(db, row.serviceItemId, row.catalogRev);
  const calendar = deskCalendar();
  switch (request.kind) {
    case 'checklist':
      return { settings, compose: (serial, day) => composeChecklist(issue(serial, day, applicant), catalog) };
    case 'supplementNotice':
      if (!row.supplement) throw new SlipError('notIssuable');
      return {
        settings,
        compose: (serial, day) => composeSupplementNotice(issue(serial, day, applicant), catalog, row),
      };
    case 'acceptanceReceipt': {
      const handlerStaff = await getStaff(db, row.handlerStaffId);
      if (!row.acceptance || !handlerStaff) throw new SlipError('notIssuable');
      const handler = { name: handlerStaff.name, phone: await phoneOf(db, handlerStaff) };
      return {
        settings,
        compose: (serial, day) =>
          composeAcceptanceReceipt(issue(serial, day, applicant), catalog, row, { calendar, handler }),
      };
    }
    case 'rejectionNotice': {
      // art. 8(二): only a leader-approved (final) rejection has a notice; a proposal waiting for the leader has none.
      if (row.status !== 'rejected' || !row.rejection) throw new SlipError('notIssuable');
      const agencyId = row.rejection.competentAgencyId;
      const agency = agencyId ? ((await db.refs.get(['agency', agencyId]))?.doc.body as Agency | undefined) : undefined;
      return {
        settings,
        compose: (serial, day) => composeRejectionNotice(issue(serial, day, applicant), catalog, row, agency),
      };
    }
    case 'withdrawalNotice':
      if (row.status !== 'withdrawn' || !row.withdrawal) throw new SlipError('notIssuable');
      return { settings, compose: (serial, day) => composeWithdrawalNotice(issue(serial, day, applicant), catalog, row) };
    case 'closureNotice':
      if (row.status !== 'closed' || !row.closure) throw new SlipError('notIssuable');
      return { settings, compose: (serial, day) => composeClosureNotice(issue(serial, day, applicant), catalog, row) };
  }
}
