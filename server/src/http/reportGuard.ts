import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { STAFF_SESSION_HEADER } from '../../../shared/sync/staffAuth.ts';
import { checkStaffSession } from '../auth/staffSession.ts';
import type { Db } from '../storage/db.ts';
import { currentReferenceDocs } from '../storage/referenceSnapshot.ts';
import { authenticateRequest, header } from './deviceGuard.ts';
import { refuseBeforeBody, sendError } from './errors.ts';

// art. 4: the bureau's supervision reports are read by its supervisors (机关党委/人事科) and leaders, online, each
// with their own live staff session on an enrolled desk (issue 11), checked from the headers before anything is
// read. Anyone else — a clerk, a handler, someone no longer active — is refused.

declare module 'fastify' {
  interface FastifyRequest {
    /** The supervisor or leader whose live session on this desk the server checked: set by requireReportReader. */
    reportReaderId: string | null;
  }
}

export const NOT_A_REPORT_READER_MESSAGE =
  '督查报表仅限机关党委（人事科）督查人员和局领导查看。Supervision reports are for the bureau’s supervisors and leaders only.';

export function requireReportReader(db: Db): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const device = await authenticateRequest(db, request, reply);
    if (!device) return reply;
    const check = await checkStaffSession(db, header(request, STAFF_SESSION_HEADER), device.device_id, {
      live: true,
    });
    if (!check.ok) {
      request.log.warn({ deviceId: device.device_id, code: check.code }, 'report call refused');
      return sendError(refuseBeforeBody(reply), 401, check.code, check.message);
    }
    const staffId = check.session.staffId;
    const docs = await currentReferenceDocs(db);
    const person = docs.find((d) => d.kind === 'staff' && d.id === staffId);
    const roles = person?.kind === 'staff' && person.body.active ? person.body.roles : [];
    if (!roles.some((r) => r === 'supervisor' || r === 'leader')) {
      request.log.warn({ deviceId: device.device_id, staffId }, 'report call refused: not a supervisor or leader');
      return sendError(refuseBeforeBody(reply), 403, 'not-allowed', NOT_A_REPORT_READER_MESSAGE);
    }
    request.device = device;
    request.reportReaderId = staffId;
    return undefined;
  };
}

export function readerOf(request: FastifyRequest): string {
  if (!request.reportReaderId) throw new Error(`${request.url}: route has no requireReportReader hook`);
  return request.reportReaderId;
}
