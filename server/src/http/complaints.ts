import type { FastifyInstance } from 'fastify';
import { COMPLAINT_EVENT_VERSIONS, complaintEventSchema } from '../../../shared/model/complaintEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { foldComplaint, type ComplaintState } from '../../../shared/rules/complaint.ts';
import { mayReadComplaint } from '../../../shared/rules/complaintPermissions.ts';
import { complaintActSchema, complaintIntakeSchema, type ComplaintAck } from '../../../shared/sync/complaintApi.ts';
import { commitComplaintEvent, complaintEvents } from '../storage/complaints.ts';
import type { Db } from '../storage/db.ts';
import { currentComplaintContext, FLAG_ERRORS, judgeComplaintEvent } from '../sync/complaintContext.ts';
import { describeIssues } from '../sync/ingest.ts';
import { BODY_LIMITS } from './bodyLimits.ts';
import { callerOf, requireStaff, sendComplaintError } from './complaintGuard.ts';
import { UNKNOWN_ACCUSED_MESSAGE, UNKNOWN_CLERK_MESSAGE } from './complaintMessages.ts';
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
 * Whether the caller learns that this complaint exists when an act is refused: those who may read it, the accused
 * (who state their side) and leaders (a recused leader is told why). Anyone else hears 404, as for an unknown id.
 */
function hasStanding(staff: Staff | undefined, state: ComplaintState): staff is Staff {
  if (!staff) return false;
  return mayReadComplaint(staff, state) || state.accusedStaffIds.includes(staff.id) || staff.roles.includes('leader');
}

const ackOf = (e: { complaintId: string; eventId: string; at: string }): ComplaintAck =>
  ({ complaintId: e.complaintId, eventId: e.eventId, at: e.at }) as ComplaintAck;

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

      const payload = JSON.stringify(intake.payload);
      const result = await commitComplaintEvent(db, {
        eventId: intake.eventId,
        complaintId: intake.complaintId,
        build: (at) =>
          complaintEventSchema.parse({
            eventId: intake.eventId,
            complaintId: intake.complaintId,
            type: 'complaint.received',
            v: COMPLAINT_EVENT_VERSIONS['complaint.received'],
            at,
            staffId: intake.staffId,
            deviceId,
            payload: intake.payload,
          }),
        judge: (stored, event) => judgeComplaintEvent(stored, event, context),
      });
      if (result.kind === 'exists') {
        const e = result.event;
        const same =
          e.type === 'complaint.received' &&
          e.complaintId === intake.complaintId &&
          e.staffId === intake.staffId &&
          e.deviceId === deviceId &&
          JSON.stringify(e.payload) === payload;
        if (!same) return sendComplaintError(reply, 409, 'conflict');
        return ackOf(e);
      }
      if (result.kind === 'refused') {
        // The only flag an intake can raise: this complaint id is already another intake's.
        request.log.warn({ deviceId, complaintId: intake.complaintId, flag: result.refusal }, 'intake refused');
        return sendComplaintError(reply, 409, 'conflict');
      }
      request.log.info(
        { deviceId, complaintId: intake.complaintId, by: intake.staffId, eventId: intake.eventId },
        'complaint received',
      );
      return ackOf(result.event);
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
        return sendComplaintError(reply, 404, 'unknown-complaint');
      }
      const result = await commitComplaintEvent(db, {
        eventId,
        complaintId,
        build: (at) =>
          complaintEventSchema.parse({
            eventId,
            complaintId,
            type,
            v: COMPLAINT_EVENT_VERSIONS[type],
            at,
            staffId: caller.staffId,
            deviceId: caller.deviceId,
            payload,
          }),
        judge: (stored, event) => judgeComplaintEvent(stored, event, context),
      });
      if (result.kind === 'exists') {
        const e = result.event;
        const same =
          e.type === type &&
          e.complaintId === complaintId &&
          e.staffId === caller.staffId &&
          JSON.stringify(e.payload) === JSON.stringify(payload);
        return same ? ackOf(e) : sendComplaintError(reply, 409, 'conflict');
      }
      if (result.kind === 'refused') {
        const error = FLAG_ERRORS[result.refusal];
        request.log.warn({ ...caller, complaintId, type, flag: result.refusal }, 'complaint act refused');
        return sendComplaintError(reply, error.status, error.code);
      }
      request.log.info({ ...caller, complaintId, type, eventId }, 'complaint act stored');
      return ackOf(result.event);
    },
  );
}
