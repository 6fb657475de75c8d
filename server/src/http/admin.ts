import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import {
  createEnrolmentCodeRequestSchema,
  type DeviceSummary,
  type EnrolmentCodeIssued,
} from '../../../shared/sync/enrolment.ts';
import { deviceIdSchema } from '../../../shared/model/ids.ts';
import { authenticateAdmin } from '../auth/adminAuth.ts';
import { issueEnrolmentCode } from '../auth/enrolment.ts';
import type { Db } from '../storage/db.ts';
import { listEnrolledDevices, revokeDevice, type DeviceRow } from '../storage/devices.ts';
import { describeIssues } from '../sync/ingest.ts';
import { BODY_LIMITS } from './bodyLimits.ts';
import { authenticateRequest, deviceOf } from './deviceGuard.ts';
import { refuseBeforeBody, sendError } from './errors.ts';

// Desk administration over HTTP, for the admin screen (renderer/features/admin/devices). Each call needs the
// desk's own device token AND a live staff session of an administrator opened on this desk (x-staff-session,
// issue 11), both checked from the headers before the body is read.

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
    /** The admin whose session the server checked for this call: set by requireAdmin before the body is read. */
    adminStaffId: string | null;
  }
}

/** onRequest hook of every admin route: the desk's token, then the admin's staff session, before any body is read. */
function requireAdmin(db: Db): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const device = await authenticateRequest(db, request, reply);
    if (!device) return reply;
    const admin = await authenticateAdmin(db, request.headers, device.device_id);
    if (admin.ok) {
      request.device = device;
      request.adminStaffId = admin.staffId;
      return undefined;
    }
    request.log.warn({ deviceId: device.device_id, code: admin.code }, 'admin call refused');
    return sendError(refuseBeforeBody(reply), admin.status, admin.code, admin.message);
  };
}

function callerOf(request: FastifyRequest): { device: DeviceRow; staffId: string } {
  if (!request.adminStaffId) throw new Error(`${request.url}: route has no requireAdmin hook`);
  return { device: deviceOf(request), staffId: request.adminStaffId };
}

// Every desk's id is a ULID it minted itself; anything else (a NUL, which PostgreSQL text cannot hold) is no desk.
const revokeParamsSchema = z.object({ id: deviceIdSchema });

export function registerAdminDevices(app: FastifyInstance, db: Db): void {
  app.decorateRequest('adminStaffId', null);
  const options = { onRequest: requireAdmin(db), bodyLimit: BODY_LIMITS.admin };

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
