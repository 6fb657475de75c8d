import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { ComplaintErrorCode } from '../../../shared/sync/complaintApi.ts';
import { STAFF_SESSION_HEADER } from '../../../shared/sync/staffAuth.ts';
import { checkStaffSession } from '../auth/staffSession.ts';
import type { Db } from '../storage/db.ts';
import { COMPLAINT_MESSAGES } from './complaintMessages.ts';
import { authenticateRequest, deviceOf, header } from './deviceGuard.ts';
import { refuseBeforeBody, sendError } from './errors.ts';

// Every complaint call but the intake is made by a person, not a desk: the desk's token, then that person's own
// live staff session opened on this desk (issue 11), both from the headers before the body is read.

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
