import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import {
  ADMIN_PIN_HEADER,
  ADMIN_STAFF_HEADER,
  createEnrolmentCodeRequestSchema,
  type DeviceSummary,
  type EnrolmentCodeIssued,
} from '../../../shared/sync/enrolment.ts';
import { authenticateAdmin, offersPin } from '../auth/adminAuth.ts';
import type { FailedAttempts } from '../auth/attempts.ts';
import { issueEnrolmentCode } from '../auth/enrolment.ts';
import type { Db } from '../storage/db.ts';
import { listEnrolledDevices, revokeDevice, type DeviceRow } from '../storage/devices.ts';
import { describeIssues } from '../sync/ingest.ts';
import { BODY_LIMITS } from './bodyLimits.ts';
import { authenticateRequest, deviceOf } from './deviceGuard.ts';
import { refuseBeforeBody, sendError, sendTooManyAttempts } from './errors.ts';

// Desk administration over HTTP, for the admin screen (renderer/features/admin/devices). Each call needs the
// desk's own device token AND the signed-in admin's staffId + PIN (headers), checked on the server before the
// body is read. Refused PINs are counted per desk: after a few, that desk is refused for a while even with the
// right PIN (auth/attempts.ts).

export function deviceSummary(row: DeviceRow): DeviceSummary {
  return {
    deviceId: row.device_id,
    label: row.label,
    enrolledAt: row.enrolled_at,
    lastSeenAt: row.last_seen_at,
    lastAckedSeq: row.last_acked_seq,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The admin whose PIN the server checked for this call: set by requireAdmin before the body is read. */
    adminStaffId: string | null;
  }
}

/**
 * onRequest hook of every admin route: the desk's token, then the admin's PIN, both from headers, before any
 * body is read. Every refused PIN is charged to the desk (auth/attempts.ts); a call offering no PIN is not.
 */
function requireAdmin(db: Db, attempts: FailedAttempts): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const device = await authenticateRequest(db, request, reply);
    if (!device) return reply;
    const presented = { staffId: request.headers[ADMIN_STAFF_HEADER], pin: request.headers[ADMIN_PIN_HEADER] };
    const guess = offersPin(presented.pin);
    // Charged before the PIN is checked (see auth/attempts.ts); only a right PIN of an admin is refunded.
    if (guess && !attempts.charge(device.device_id)) {
      request.log.warn({ deviceId: device.device_id }, 'admin call refused: too many wrong PINs');
      return sendTooManyAttempts(refuseBeforeBody(reply), attempts.blockedFor(device.device_id));
    }
    const admin = await authenticateAdmin(db, presented).catch((err: unknown) => {
      if (guess) attempts.refund(device.device_id); // the database failed, not the PIN
      throw err;
    });
    if (admin.ok) {
      attempts.refund(device.device_id);
      request.device = device;
      request.adminStaffId = admin.staffId;
      return undefined;
    }
    request.log.warn({ deviceId: device.device_id, code: admin.code }, 'admin call refused');
    return sendError(refuseBeforeBody(reply), 401, admin.code, admin.message);
  };
}

function callerOf(request: FastifyRequest): { device: DeviceRow; staffId: string } {
  if (!request.adminStaffId) throw new Error(`${request.url}: route has no requireAdmin hook`);
  return { device: deviceOf(request), staffId: request.adminStaffId };
}

const revokeParamsSchema = z.object({ id: z.string().min(1).max(64) });

export function registerAdminDevices(app: FastifyInstance, db: Db, attempts: FailedAttempts): void {
  app.decorateRequest('adminStaffId', null);
  const options = { onRequest: requireAdmin(db, attempts), bodyLimit: BODY_LIMITS.admin };

  app.post('/admin/enrolment-codes', options, async (request, reply) => {
    const caller = callerOf(request);
    const body = createEnrolmentCodeRequestSchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
    const issued: EnrolmentCodeIssued = await issueEnrolmentCode(db, {
      label: body.data.label,
      createdBy: caller.staffId,
    });
    request.log.info({ by: caller.staffId, label: issued.label, expiresAt: issued.expiresAt }, 'enrolment code issued');
    return issued;
  });

  app.get('/admin/devices', options, async () => {
    return { devices: (await listEnrolledDevices(db)).map(deviceSummary) };
  });

  app.post('/admin/devices/:id/revoke', options, async (request, reply) => {
    const caller = callerOf(request);
    const params = revokeParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'bad-request', describeIssues(params.error));
    const { id } = params.data;
    // Revoking the desk you are using would lock you out mid-task; do it from another desk or the CLI.
    if (id === caller.device.device_id) {
      return sendError(
        reply,
        400,
        'cannot-revoke-self',
        '不能停用正在使用的本窗口，请在其他窗口或用命令行操作。This desk cannot revoke itself; use another desk or the CLI.',
      );
    }
    if (!(await revokeDevice(db, id, caller.staffId, new Date().toISOString()))) {
      return sendError(reply, 404, 'unknown-device', `没有此窗口设备。No enrolled device ${id}.`);
    }
    request.log.warn({ deviceId: id, by: caller.staffId }, 'device revoked');
    const devices = (await listEnrolledDevices(db)).map(deviceSummary);
    return { devices };
  });
}
