import type { CaseEvent } from '../../../shared/model/caseEvents.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { ReferenceDoc, Staff } from '../../../shared/model/reference.ts';
import type { RejectionCode } from '../../../shared/sync/protocol.ts';
import { hasAppealDeciderRole } from '../../../shared/rules/followUpPermissions.ts';
import {
  mayTakeRectificationStep,
  ratingRectifierDepartments,
} from '../../../shared/rules/rectificationPermissions.ts';
import { checkFirstInquiryResponsible } from './firstInquiry.ts';

// Who may write which register event, judged against the staff directory alone (issue 6, "server-side
// authority"): a leader's decision needs a leader's staffId, and every person, department or agency an event
// names must be in the directory. Pure: the caller supplies the directory.
//
// Deliberately NOT checked here: anything that depends on the contact's current state — whether it is still
// open, whether the transfer is still pending, whether the one accepting is the transfer's target, whether a
// refusal was already decided. Two desks acting on one contact while offline each act on what they saw; the
// shared fold (shared/rules/contactDispositions.ts) keeps both events and flags the clash
// (conflictingDisposition, notAllowed) for a person. If the server refused the second event, the desk that
// wrote it would keep it while every other desk never saw it, and the desks would never converge.

/** The reference directory as the server holds it when a push arrives. */
export interface Directory {
  /** Every staff member, active or not, by id. */
  readonly staff: ReadonlyMap<string, Staff>;
  readonly departmentIds: ReadonlySet<string>;
  readonly agencyIds: ReadonlySet<string>;
}

export function directoryOf(docs: readonly ReferenceDoc[]): Directory {
  const staff = new Map<string, Staff>();
  const departmentIds = new Set<string>();
  const agencyIds = new Set<string>();
  for (const doc of docs) {
    if (doc.kind === 'staff') staff.set(doc.id, doc.body);
    else if (doc.kind === 'department') departmentIds.add(doc.id);
    else if (doc.kind === 'agency') agencyIds.add(doc.id);
  }
  return { staff, departmentIds, agencyIds };
}

export function isActiveStaff(directory: Directory, staffId: string): boolean {
  return directory.staff.get(staffId)?.active === true;
}

type ContactEvent = Extract<DeskEvent, { aggregate: 'contact' }>;

/** Why an event was refused: a role it lacks, or a name the directory does not have. */
export interface Refusal {
  readonly code: Extract<RejectionCode, 'not-authorised' | 'unknown-reference'>;
  readonly message: string;
}

const isLeader = (staff: Staff | undefined): boolean => staff?.roles.includes('leader') === true;

function activeStaff(directory: Directory, staffId: string, what: string): Refusal | null {
  if (isActiveStaff(directory, staffId)) return null;
  return { code: 'unknown-reference', message: `${what} '${staffId}' is not an active member of the staff directory` };
}

/** The actor is known to be active (checked before); only their role is in question. */
function actorIsLeader(directory: Directory, actor: string, only: string): Refusal | null {
  if (isLeader(directory.staff.get(actor))) return null;
  return { code: 'not-authorised', message: `only a leader may ${only}; ${actor} is not a leader` };
}

function namedLeader(directory: Directory, leaderId: string, rule: string): Refusal | null {
  const missing = activeStaff(directory, leaderId, 'the leader');
  if (missing) return missing;
  if (isLeader(directory.staff.get(leaderId))) return null;
  return { code: 'not-authorised', message: `${rule}; ${leaderId} is not a leader` };
}

// art. 8(3): the applicant is told the department, the handler's name and phone, so the handler must be an
// active member of that department with a phone in the directory.
function transferTarget(
  directory: Directory,
  payload: Extract<DeskEvent, { type: 'contact.transferred' }>['payload'],
): Refusal | null {
  const { toStaffId, toDepartmentId } = payload;
  const missing = activeStaff(directory, toStaffId, 'the handler');
  if (missing) return missing;
  const handler = directory.staff.get(toStaffId);
  if (!handler?.phone) {
    return {
      code: 'unknown-reference',
      message: `the handler ${toStaffId} has no phone in the directory, and the applicant must be told it (art. 8(3))`,
    };
  }
  if (!directory.departmentIds.has(toDepartmentId)) {
    return { code: 'unknown-reference', message: `department '${toDepartmentId}' is not in the directory` };
  }
  if (handler.departmentId !== toDepartmentId) {
    return {
      code: 'unknown-reference',
      message: `the handler ${toStaffId} belongs to ${handler.departmentId}, not to ${toDepartmentId}`,
    };
  }
  return null;
}

/** null when the directory allows the event; otherwise the first reason it does not. */
export function authorizeEvent(event: DeskEvent, directory: Directory): Refusal | null {
  if (isContactEvent(event)) return authorizeContactEvent(event, directory);
  if (event.aggregate === 'case') return authorizeCaseEvent(event as CaseEvent, directory);
  if (event.aggregate === 'followUp' || event.aggregate === 'rating')
    return authorizeSatisfactionEvent(event, directory);
  // Admin events (catalog, calendar) are judged where they are applied (applyAdmin.ts), with the state they need.
  return null;
}

function authorizeCaseEvent(event: CaseEvent, directory: Directory): Refusal | null {
  switch (event.type) {
    case 'case.extensionDecided':
      // art. 17: an extension is approved or refused by a leader.
      return actorIsLeader(directory, event.staffId, 'decide on an extension');
    case 'case.rejectionProposed':
      // art. 8(二) 说"不"提级管理: a proposed 不予受理 goes to an active leader; the competent agency named is real.
      return (
        namedLeader(directory, event.payload.toLeaderId, 'a proposed rejection must go to a leader for review') ??
        knownAgency(directory, event.payload.competentAgencyId)
      );
    case 'case.rejectionReviewed':
      // art. 8(二): only a leader makes a 不予受理 final, or overrules it.
      return actorIsLeader(directory, event.staffId, 'review a proposed rejection');
    case 'case.rejected':
      // LEGACY one-step 不予受理: only a leader may still record one (with a proven session, see staffAuth.ts).
      return (
        actorIsLeader(directory, event.staffId, 'reject a case in one step') ??
        knownAgency(directory, event.payload.competentAgencyId)
      );
    default:
      // The rest depend on the case's state, which the fold judges (and flags) on every replica.
      return null;
  }
}

// Chapter 7 and 好差评 (issue 13): the roles and names an event carries. Whether the appellant is the rated person,
// whether the decider is someone else, whether the recorder is among those followed up: the folds judge those
// (shared/rules/rating.ts, followUp.ts), with the state they need. Who takes a rating's rectification step depends on
// the rated person, named in the stored rating: judged at admit (rectifierCheck.ts, authorizeRatingRectification).
function authorizeSatisfactionEvent(event: DeskEvent, directory: Directory): Refusal | null {
  switch (event.type) {
    case 'rating.given':
      // A QR rating comes from the applicant through HQ's public page, never from a desk, which could invent slips.
      if (event.payload.source === 'qr') {
        return {
          code: 'not-authorised',
          message: 'a QR rating is taken by the HQ rating page, never pushed by a desk',
        };
      }
      return activeStaff(directory, event.payload.ratedStaffId, 'the rated staff member');
    case 'rating.appealDecided': {
      // 申诉复核: an upheld appeal invalidates a rating, so a supervisor or a leader decides.
      const actor = directory.staff.get(event.staffId);
      if (actor && hasAppealDeciderRole(actor)) return null;
      return {
        code: 'not-authorised',
        message: `only a supervisor or a leader may decide an appeal against a rating; ${event.staffId} is neither`,
      };
    }
    case 'followUp.leaderInformed':
      // art. 30: strong dissatisfaction is reported to a leader.
      return namedLeader(directory, event.payload.leaderId, 'strong dissatisfaction is reported to a leader');
    default:
      return null;
  }
}

const RATING_STEPS: ReadonlySet<string> = new Set(['rating.verified', 'rating.rectified', 'rating.feedbackGiven']);

export function isRatingRectificationStep(event: DeskEvent): boolean {
  return RATING_STEPS.has(event.type);
}

/**
 * 差评整改 of a rated service (issue 13, item 5): a step is taken by the rated person's department, a supervisor or a
 * leader, never by the rated person (shared/rules/rectificationPermissions.ts, which every fold applies too). The rated person is named only in
 * the rating's rating.given, which the caller looks up (sync/rectifierCheck.ts): `ratedStaffId` is what it says.
 */
export function authorizeRatingRectification(
  event: DeskEvent,
  ratedStaffId: string,
  directory: Directory,
): Refusal | null {
  const actor = directory.staff.get(event.staffId);
  const rated = directory.staff.get(ratedStaffId);
  if (event.staffId === ratedStaffId) {
    return {
      code: 'not-authorised',
      message: `the rated person (${ratedStaffId}) takes no step of the rectification of a rating of their own service`,
    };
  }
  if (mayTakeRectificationStep(event.staffId, actor, ratingRectifierDepartments(rated), [ratedStaffId])) return null;
  return {
    code: 'not-authorised',
    message:
      `a rectification step of a rating is taken by the rated person's department (${rated?.departmentId ?? 'unknown'}), ` +
      `a supervisor or a leader; ${event.staffId} is none of them`,
  };
}

/** An agency an event names (optional) must be in the directory: the applicant is told where to go. */
function knownAgency(directory: Directory, agencyId: string | undefined): Refusal | null {
  if (agencyId === undefined || directory.agencyIds.has(agencyId)) return null;
  return { code: 'unknown-reference', message: `agency '${agencyId}' is not in the directory` };
}

function isContactEvent(event: DeskEvent): event is ContactEvent {
  return event.aggregate === 'contact';
}

function authorizeContactEvent(event: ContactEvent, directory: Directory): Refusal | null {
  switch (event.type) {
    case 'contact.opened': {
      // art. 7: the responsible person and everyone asked together are real, current staff, and the responsible
      // person is the highest-ranked of those asked.
      const { askedStaffIds, responsibleStaffId } = event.payload;
      for (const id of askedStaffIds) {
        const missing = activeStaff(directory, id, 'the staff member asked');
        if (missing) return missing;
      }
      return (
        activeStaff(directory, responsibleStaffId, 'the responsible person') ??
        checkFirstInquiryResponsible(directory, askedStaffIds, responsibleStaffId)
      );
    }
    case 'contact.transferred':
      return transferTarget(directory, event.payload);
    case 'contact.referred':
      // art. 8(4): the competent agency comes from the directory, with the phone and address the applicant was given.
      return directory.agencyIds.has(event.payload.agencyId)
        ? null
        : { code: 'unknown-reference', message: `agency '${event.payload.agencyId}' is not in the directory` };
    case 'contact.escalated':
      // art. 8(4): an unclear jurisdiction goes to a leader.
      return namedLeader(directory, event.payload.toLeaderId, 'an escalation must go to a leader');
    case 'contact.refusalProposed':
      // 说"不"提级管理: a "no" is reviewed by a leader.
      return namedLeader(directory, event.payload.toLeaderId, 'a proposed refusal must go to a leader for review');
    case 'contact.assigned':
      return (
        actorIsLeader(directory, event.staffId, 'assign an escalated contact') ??
        activeStaff(directory, event.payload.toStaffId, 'the assignee')
      );
    case 'contact.refusalReviewed': {
      const notLeader = actorIsLeader(directory, event.staffId, 'review a refusal');
      if (notLeader || event.payload.decision === 'approved') return notLeader;
      return activeStaff(directory, event.payload.assignToStaffId, 'the assignee');
    }
    case 'contact.answered':
    case 'contact.transferAccepted':
    case 'contact.transferReturned':
    case 'contact.outcomeNotified':
    case 'contact.corrected':
    case 'contact.caseOpened':
    case 'contact.checklistGiven':
      // Nothing named; who may act depends on the contact's state, which the fold judges.
      return null;
  }
}
