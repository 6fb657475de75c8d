import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { COMPLAINT_EVENT_VERSIONS, complaintEventSchema } from '../../../shared/model/complaintEvents.ts';
import {
  complaintIntakeSchema,
  type ComplaintAck,
  type ComplaintErrorCode,
} from '../../../shared/sync/complaintApi.ts';
import { STAFF_SESSION_HEADER } from '../../../shared/sync/staffAuth.ts';
import { checkStaffSession } from '../auth/staffSession.ts';
import { commitComplaintEvent } from '../storage/complaints.ts';
import type { Db } from '../storage/db.ts';
import { currentComplaintContext, judgeComplaintEvent } from '../sync/complaintContext.ts';
import { describeIssues } from '../sync/ingest.ts';
import { BODY_LIMITS } from './bodyLimits.ts';
import { COMPLAINT_MESSAGES, UNKNOWN_ACCUSED_MESSAGE, UNKNOWN_CLERK_MESSAGE } from './complaintMessages.ts';
import { authenticateRequest, deviceOf, header, requireDevice } from './deviceGuard.ts';
import { refuseBeforeBody, sendError } from './errors.ts';

// The HQ complaint API (issue 14; the contract and its routes: shared/sync/complaintApi.ts). Complaints never
// travel by the ordinary sync: a desk posts an intake with its device token alone (it may have been taken offline),
// and everything else is called with the person's own live staff session, both checked from the headers before the
// body is read. HQ stamps every act (its time, the proven actor, the calling desk) and stores it only when the
// shared fold (shared/rules/complaint.ts) applies it.

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member whose live session on this desk the server checked: set by requireStaff. */
    complaintStaffId: string | null;
  }
}

/** onRequest: the desk's token, then a live staff session of anyone opened on this desk, before any body. */
export function requireStaff(db: Db): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const device = await authenticateRequest(db, request, reply);
    if (!device) return reply;
    const check = await checkStaffSession(db, header(request, STAFF_SESSION_HEADER), device.device_id, {
      live: true,
    });
    if (!check.ok) {
      request.log.warn({ deviceId: device.device_id, code: check.code, url: request.url }, 'complaint call refused');
      return sendError(refuseBeforeBody(reply), 401, check.code, check.message);
    }
    request.device = device;
    request.complaintStaffId = check.session.staffId;
    return undefined;
  };
}

export function callerOf(request: FastifyRequest): { deviceId: string; staffId: string } {
  if (!request.complaintStaffId) throw new Error(`${request.url}: route has no requireStaff hook`);
  return { deviceId: deviceOf(request).device_id, staffId: request.complaintStaffId };
}

export function sendComplaintError(reply: FastifyReply, status: number, code: ComplaintErrorCode): FastifyReply {
  return sendError(reply, status, code, COMPLAINT_MESSAGES[code]);
}

const ackOf = (e: { complaintId: string; eventId: string; at: string }): ComplaintAck =>
  ({ complaintId: e.complaintId, eventId: e.eventId, at: e.at }) as ComplaintAck;

export function registerComplaints(app: FastifyInstance, db: Db): void {
  app.decorateRequest('complaintStaffId', null);

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
}
