import type { Channel, ChecklistHow, NOTIFY_CHANNELS } from '../../shared/model/contactEvents.ts';
import type { EventDraft } from '../../shared/model/events.ts';
import type { AgencyId, ContactId, StaffId } from '../../shared/model/ids.ts';
import type { Staff } from '../../shared/model/reference.ts';
import { firstInquiryResponsible } from '../../shared/rules/contact.ts';
import { isValidIdNumber, maskIdNumber } from '../../shared/rules/idNumber.ts';
import { appendEvents, InvalidEventError } from './append.ts';
import { authorId, type Author } from './author.ts';
import type { DeskDb } from './db.ts';
import { newId } from './ids.ts';
import { getStaff } from './references.ts';

/**
 * The operations the UI may call. Each validates, appends its events and updates projections in
 * one transaction (appendEvents); the UI never touches Dexie.
 */
export interface RecordContactInput {
  channel: Channel;
  visitor: { name?: string; organisation?: string; phone?: string; idNumber?: string };
  matter: string;
  materials?: { name: string; count: number }[];
  /** Staff asked together; empty means only the signed-in clerk. */
  askedStaffIds: StaffId[];
}

export function invalid(path: string, message: string): InvalidEventError {
  return new InvalidEventError([{ code: 'custom', path: [path], message, input: undefined }]);
}

// art. 6–7: register the contact with its first-inquiry responsible person.
export async function recordContact(db: DeskDb, clerk: Author, input: RecordContactInput): Promise<ContactId> {
  const askedIds = [...new Set([authorId(clerk), ...input.askedStaffIds])];
  const asked = [];
  for (const id of askedIds) {
    const staff = await getStaff(db, id);
    if (!staff?.active) throw invalid('askedStaffIds', 'responsibleRequired');
    asked.push(staff);
  }
  const responsible = firstInquiryResponsible(asked);
  if (!responsible) throw invalid('askedStaffIds', 'responsibleRequired');
  // PIPL: the full ID number is checked here and never stored; only its masked form is.
  const idNumber = input.visitor.idNumber?.trim();
  if (idNumber && !isValidIdNumber(idNumber)) throw invalid('idNumber', 'invalidIdNumber');
  const { idNumber: _full, ...visitor } = input.visitor;
  const contactId = newId() as ContactId;
  await appendEvents(db, clerk, [
    {
      type: 'contact.opened',
      aggregateId: contactId,
      payload: {
        channel: input.channel,
        visitor: { ...visitor, idNumberMasked: idNumber ? maskIdNumber(idNumber) : undefined },
        matter: input.matter,
        materials: input.materials?.length ? input.materials : undefined,
        askedStaffIds: askedIds,
        responsibleStaffId: responsible.id,
      },
    },
  ]);
  return contactId;
}

// art. 8(2): answered at once within one's own duty, on the basis of policy.
export async function answerContact(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { answer: string; basis?: string },
): Promise<void> {
  await appendEvents(db, author, [{ type: 'contact.answered', aggregateId: contactId, payload: input }]);
}

// art. 8(3): transfer to a handler; the applicant is told department name, handler name and phone,
// so a handler without a phone in the directory cannot be chosen.
export async function transferContact(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { toStaffId: StaffId; note?: string },
): Promise<void> {
  const handler = await getStaff(db, input.toStaffId);
  if (!handler || !handler.active) throw invalid('toStaffId', 'handlerRequired');
  if (!handler.phone) throw invalid('toStaffId', 'handlerNoPhone');
  const department = await db.refs.get(['department', handler.departmentId]);
  if (!department || department.doc.kind !== 'department') throw invalid('toDepartmentId', 'departmentRequired');
  await appendEvents(db, author, [
    {
      type: 'contact.transferred',
      aggregateId: contactId,
      payload: {
        toDepartmentId: handler.departmentId,
        toStaffId: handler.id,
        toldApplicant: { departmentName: department.doc.body.name, handlerName: handler.name, phone: handler.phone },
        note: input.note,
      },
    },
  ]);
}

export async function activeStaff(db: DeskDb, id: string, field: string): Promise<Staff> {
  const staff = await getStaff(db, id);
  if (!staff || !staff.active) throw invalid(field, 'staffRequired');
  return staff;
}

export async function leader(db: DeskDb, id: string, field = 'toLeaderId'): Promise<Staff> {
  const staff = await activeStaff(db, id, field);
  if (!staff.roles.includes('leader')) throw invalid(field, 'leaderRequired');
  return staff;
}

// art. 8(3): the handler accepts, and carries first-inquiry responsibility from now on.
export async function acceptTransfer(db: DeskDb, author: Author, contactId: string, transferEventId: string) {
  await appendEvents(db, author, [{ type: 'contact.transferAccepted', aggregateId: contactId, payload: { transferEventId } }]);
}

export async function returnTransfer(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { transferEventId: string; reason: string },
) {
  await appendEvents(db, author, [{ type: 'contact.transferReturned', aggregateId: contactId, payload: input }]);
}

// art. 8(4): outside the bureau's remit — explain and give the competent agency's contact.
export async function referContact(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { agencyId: AgencyId; explanation: string },
) {
  const row = await db.refs.get(['agency', input.agencyId]);
  if (!row || row.doc.kind !== 'agency') throw invalid('agencyId', 'agencyRequired');
  const agency = row.doc.body;
  await appendEvents(db, author, [
    {
      type: 'contact.referred',
      aggregateId: contactId,
      payload: {
        agencyId: agency.id,
        toldApplicant: { agencyName: agency.name, phone: agency.phone, address: agency.address },
        explanation: input.explanation,
      },
    },
  ]);
}

// art. 8(4): jurisdiction unclear — ask a leader.
export async function escalateContact(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { toLeaderId: StaffId; reason: string },
) {
  await leader(db, input.toLeaderId);
  await appendEvents(db, author, [{ type: 'contact.escalated', aggregateId: contactId, payload: input }]);
}

export async function assignContact(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { toStaffId: StaffId; note?: string },
) {
  await leader(db, authorId(author), 'form');
  await activeStaff(db, input.toStaffId, 'toStaffId');
  await appendEvents(db, author, [{ type: 'contact.assigned', aggregateId: contactId, payload: input }]);
}

// 说"不"事项提级管理: a "no" needs a reason and its basis, and goes up for review.
export async function proposeRefusal(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { toLeaderId: StaffId; reason: string; basis: string },
) {
  await leader(db, input.toLeaderId);
  await appendEvents(db, author, [{ type: 'contact.refusalProposed', aggregateId: contactId, payload: input }]);
}

export async function reviewRefusal(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { decision: 'approved'; note?: string } | { decision: 'overruled'; note: string; assignToStaffId: StaffId },
) {
  await leader(db, authorId(author), 'form');
  if (input.decision === 'overruled') await activeStaff(db, input.assignToStaffId, 'assignToStaffId');
  await appendEvents(db, author, [{ type: 'contact.refusalReviewed', aggregateId: contactId, payload: input }]);
}

export async function recordOutcomeNotified(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { how: (typeof NOTIFY_CHANNELS)[number]; note?: string },
) {
  await appendEvents(db, author, [{ type: 'contact.outcomeNotified', aggregateId: contactId, payload: input }]);
}

// Nothing is edited in place: a correction is a new event with its reason.
export async function correctContact(
  db: DeskDb,
  author: Author,
  contactId: string,
  input: { matter?: string; visitor?: { name?: string; organisation?: string; phone?: string }; reason: string },
) {
  await appendEvents(db, author, [{ type: 'contact.corrected', aggregateId: contactId, payload: input }]);
}

export interface ChecklistGivenInput {
  serviceItemId: string;
  catalogRev: number;
  how: ChecklistHow;
}

/** The event that records a checklist given from a contact (art. 10); a printed one goes with its slip.printed. */
export function checklistGivenDraft(contactId: string, input: ChecklistGivenInput): EventDraft {
  return { type: 'contact.checklistGiven', aggregateId: contactId, payload: input };
}

// art. 10: the one-time checklist given at first inquiry, read out or sent as a message, without opening a case.
// The version told must be the one the desk shows now: an item edited meanwhile is refused, not silently mixed up.
export async function recordChecklistGiven(db: DeskDb, author: Author, contactId: string, input: ChecklistGivenInput) {
  const row = await db.refs.get(['serviceItem', input.serviceItemId]);
  if (!row || row.doc.kind !== 'serviceItem' || !row.doc.body.active) throw invalid('serviceItemId', 'serviceItemRequired');
  if (row.doc.rev !== input.catalogRev) throw invalid('serviceItemId', 'catalogRevStale');
  await appendEvents(db, author, [checklistGivenDraft(contactId, input)]);
}
