import type { Channel } from '../../shared/model/events.ts';
import type { ContactId, StaffId } from '../../shared/model/ids.ts';
import { firstInquiryResponsible } from '../../shared/rules/contact.ts';
import { appendEvents, InvalidEventError } from './append.ts';
import type { DeskDb } from './db.ts';
import { newId } from './ids.ts';
import { getStaff } from './references.ts';

/**
 * The operations the UI may call. Each validates, appends its events and updates projections in
 * one transaction (appendEvents); the UI never touches Dexie.
 */
export interface RecordContactInput {
  channel: Channel;
  visitor: { name?: string; organisation?: string; phone?: string };
  matter: string;
  /** Staff asked together; empty means only the signed-in clerk. */
  askedStaffIds: StaffId[];
}

function invalid(path: string, message: string): InvalidEventError {
  return new InvalidEventError([{ code: 'custom', path: [path], message, input: undefined }]);
}

// art. 6–7: register the contact with its first-inquiry responsible person.
export async function recordContact(db: DeskDb, clerk: StaffId, input: RecordContactInput): Promise<ContactId> {
  const askedIds = [...new Set([clerk, ...input.askedStaffIds])];
  const asked = [];
  for (const id of askedIds) {
    const staff = await getStaff(db, id);
    if (!staff) throw invalid('askedStaffIds', 'responsibleRequired');
    asked.push(staff);
  }
  const responsible = firstInquiryResponsible(asked);
  if (!responsible) throw invalid('askedStaffIds', 'responsibleRequired');
  const contactId = newId() as ContactId;
  await appendEvents(db, clerk, [
    {
      type: 'contact.opened',
      aggregateId: contactId,
      payload: {
        channel: input.channel,
        visitor: input.visitor,
        matter: input.matter,
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
  staffId: StaffId,
  contactId: string,
  input: { answer: string; basis?: string },
): Promise<void> {
  await appendEvents(db, staffId, [{ type: 'contact.answered', aggregateId: contactId, payload: input }]);
}

// art. 8(3): transfer to a handler; the applicant is told department name, handler name and phone,
// so a handler without a phone in the directory cannot be chosen.
export async function transferContact(
  db: DeskDb,
  staffId: StaffId,
  contactId: string,
  input: { toStaffId: StaffId; note?: string },
): Promise<void> {
  const handler = await getStaff(db, input.toStaffId);
  if (!handler || !handler.active) throw invalid('toStaffId', 'handlerRequired');
  if (!handler.phone) throw invalid('toStaffId', 'handlerNoPhone');
  const department = await db.refs.get(['department', handler.departmentId]);
  if (!department || department.doc.kind !== 'department') throw invalid('toDepartmentId', 'departmentRequired');
  await appendEvents(db, staffId, [
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
