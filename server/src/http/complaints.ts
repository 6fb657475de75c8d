import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  COMPLAINT_EVENT_VERSIONS,
  complaintEventSchema,
  type ComplaintEvent,
} from '../../../shared/model/complaintEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { beijingDate } from '../../../shared/rules/case.ts';
import { foldComplaint, type ComplaintFlag, type ComplaintState } from '../../../shared/rules/complaint.ts';
import { mayReadComplaint } from '../../../shared/rules/complaintPermissions.ts';
import { complaintActSchema, complaintIntakeSchema, type ComplaintAck } from '../../../shared/sync/complaintApi.ts';
import { commitComplaintEvent, complaintEvents } from '../storage/complaints.ts';
import type { Db } from '../storage/db.ts';
import {
  currentComplaintContext,
  FLAG_ERRORS,
  judgeComplaintEvent,
  type HqComplaintContext,
} from '../sync/complaintContext.ts';
import {
  isDateRefusal,
  namedDayOf,
  ownDateRefusal,
  toldDateRefusal,
  type ComplaintDateRefusal,
} from '../sync/complaintDates.ts';
import { describeIssues } from '../sync/ingest.ts';
import { BODY_LIMITS } from './bodyLimits.ts';
import { callerOf, requireStaff, sendComplaintError } from './complaintGuard.ts';
import {
  DATE_OUT_OF_RANGE,
  DATE_REFUSAL_MESSAGES,
  UNKNOWN_ACCUSED_MESSAGE,
  UNKNOWN_CLERK_MESSAGE,
} from './complaintMessages.ts';
import { complaintParamsSchema } from './complaintParams.ts';
import { registerComplaintReads } from './complaintReads.ts';
import { deviceOf, requireDevice } from './deviceGuard.ts';
import { sendError } from './errors.ts';

// The HQ complaint API (issue 14; the contract and its routes: shared/sync/complaintApi.ts). Complaints never
// travel by the ordinary sync: a desk posts an intake with its device token alone (it may have been taken offline),
// and everything else is called with the person's own live staff session, both checked from the headers before the
// body is read. HQ stamps every act (its time, the proven actor, the calling desk) and stores it only when the
// shared fold (shared/rules/complaint.ts) applies it.

/**
 * Whether the caller may learn that this complaint exists when an act is refused: those who may read it, and an
 * accused person once invited to state their side (the invitation told them; their statement routes need it).
 * Anyone else hears 404, as for an unknown id: an accused person not (yet) invited, and a leader who stands aside,
 * must not learn from a 403 'recused' that someone complained about them or their department.
 */
function hasStanding(staff: Staff | undefined, state: ComplaintState): staff is Staff {
  if (!staff) return false;
  const invited = state.statements.some((s) => s.staffId === staff.id && s.invitations.length > 0);
  return mayReadComplaint(staff, state) || invited;
}

type Refusal = ComplaintFlag['code'] | ComplaintDateRefusal;

/** 400 'date-out-of-range': the day the act names, against HQ's Beijing today, in the person's words. */
function sendDateRefusal(reply: FastifyReply, refusal: ComplaintDateRefusal, act: Pick<Unstamped, 'type' | 'payload'>) {
  const day = { sent: namedDayOf(act) ?? '', today: beijingDate(new Date().toISOString()) };
  return sendError(reply, 400, DATE_OUT_OF_RANGE, DATE_REFUSAL_MESSAGES[refusal](day));
}

const ackOf = (e: ComplaintEvent): ComplaintAck => ({ complaintId: e.complaintId, eventId: e.eventId, at: e.at });

/** An act as HQ stamps it: everything but `at`, which is taken under the complaint lock. */
interface Unstamped {
  readonly eventId: string;
  readonly complaintId: string;
  readonly type: ComplaintEvent['type'];
  readonly staffId: string;
  readonly deviceId: string;
  readonly payload: unknown;
}

/**
 * Store the act if the fold applies it. A repeat of the same act (same type, complaint, actor, desk and payload)
 * answers its first ack; anything else under a used eventId is a conflict.
 */
async function commitAct(
  db: Db,
  act: Unstamped,
  context: HqComplaintContext,
): Promise<{ ack: ComplaintAck; chain?: string } | { conflict: true } | { flag: Refusal }> {
  const result = await commitComplaintEvent<Refusal>(db, {
    eventId: act.eventId,
    complaintId: act.complaintId,
    build: (at) => complaintEventSchema.parse({ ...act, v: COMPLAINT_EVENT_VERSIONS[act.type], at }),
    // Judged only when HQ does not hold this eventId yet, so a desk's retry of an acked intake is never refused
    // because a day has passed since. The act's own day first (bad input), then the fold, then the telling's day.
    judge: (stored, event) =>
      ownDateRefusal(event) ?? judgeComplaintEvent(stored, event, context) ?? toldDateRefusal(stored, event, context),
  });
  if (result.kind === 'refused') return { flag: result.refusal };
  if (result.kind === 'stored') return { ack: ackOf(result.event), chain: result.chain };
  const e = result.event;
  const same =
    e.type === act.type &&
    e.complaintId === act.complaintId &&
    e.staffId === act.staffId &&
    e.deviceId === act.deviceId &&
    JSON.stringify(e.payload) === JSON.stringify(act.payload);
  return same ? { ack: ackOf(e) } : { conflict: true };
}

export function registerComplaints(app: FastifyInstance, db: Db): void {
  app.decorateRequest('complaintStaffId', null);
  registerComplaintReads(app, db);

  /** POST /complaints: a desk's intake, by device token alone. Idempotent on eventId. */
  app.post(
    '/complaints',
    { onRequest: requireDevice(db), bodyLimit: BODY_LIMITS.complaint },
    async (request, reply) => {
      const deviceId = deviceOf(request).device_id;
      const body = complaintIntakeSchema.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
      const intake = body.data;
      const context = await currentComplaintContext(db);
      if (context.staffById.get(intake.staffId)?.active !== true) {
        return sendError(reply, 400, 'unknown-staff', UNKNOWN_CLERK_MESSAGE(intake.staffId));
      }
      // Those complained about must be in the directory (a person who has left still is, marked inactive).
      const unknown = [
        ...intake.payload.accusedStaffIds.filter((id) => !context.staffById.has(id)),
        ...intake.payload.accusedDepartmentIds.filter((id) => !context.departmentIds.has(id)),
      ];
      if (unknown.length > 0) return sendError(reply, 400, 'unknown-reference', UNKNOWN_ACCUSED_MESSAGE(unknown));

      const { eventId, complaintId, staffId, payload } = intake;
      const type = 'complaint.received';
      const result = await commitAct(db, { eventId, complaintId, type, staffId, deviceId, payload }, context);
      if ('conflict' in result) return sendComplaintError(reply, 409, 'conflict');
      if ('flag' in result) {
        request.log.warn({ deviceId, complaintId, flag: result.flag }, 'intake refused');
        if (isDateRefusal(result.flag)) return sendDateRefusal(reply, result.flag, { type, payload });
        // The only flag the fold raises on an intake: this complaint id is already another intake's.
        return sendComplaintError(reply, 409, 'conflict');
      }
      // The chain's head in the server log: an outside record a rewrite of the whole register cannot match.
      request.log.info({ deviceId, complaintId, by: staffId, eventId, chain: result.chain }, 'complaint received');
      if (result.chain) app.reportProjector.wake(); // stored now (not a repeat): the reports count it (reports/)
      return result.ack;
    },
  );

  /** POST /complaints/:id/acts: any later act, by the session's staff member, stored only if the fold applies it. */
  app.post(
    '/complaints/:id/acts',
    { onRequest: requireStaff(db), bodyLimit: BODY_LIMITS.complaint },
    async (request, reply) => {
      const caller = callerOf(request);
      const params = complaintParamsSchema.safeParse(request.params);
      if (!params.success) return sendError(reply, 400, 'bad-request', describeIssues(params.error));
      const body = complaintActSchema.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
      const complaintId = params.data.id;
      const { eventId, type, payload } = body.data;
      const context = await currentComplaintContext(db);
      // A complaint never stops existing, so who may hear of it is judged before the lock.
      const state = foldComplaint(await complaintEvents(db, complaintId), context);
      if (!state || !hasStanding(context.staffById.get(caller.staffId), state)) {
        // Nothing was shown, but the attempt is on the server's log for whoever audits it.
        request.log.warn({ ...caller, complaintId, type }, 'complaint act refused: unknown or not the caller’s');
        return sendComplaintError(reply, 404, 'unknown-complaint');
      }
      const { staffId, deviceId } = caller;
      const result = await commitAct(
        db,
        { eventId, complaintId, type, staffId, deviceId, payload } as Unstamped,
        context,
      );
      if ('conflict' in result) return sendComplaintError(reply, 409, 'conflict');
      if ('flag' in result) {
        request.log.warn({ ...caller, complaintId, type, flag: result.flag }, 'complaint act refused');
        if (isDateRefusal(result.flag)) return sendDateRefusal(reply, result.flag, { type, payload });
        const error = FLAG_ERRORS[result.flag];
        return sendComplaintError(reply, error.status, error.code);
      }
      request.log.info({ ...caller, complaintId, type, eventId, chain: result.chain }, 'complaint act stored');
      if (result.chain) app.reportProjector.wake();
      return result.ack;
    },
  );
}
