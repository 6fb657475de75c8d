import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ADMIN_PIN_HEADER,
  ADMIN_STAFF_HEADER,
  createEnrolmentCodeRequestSchema,
  type DeviceSummary,
  type EnrolmentCodeIssued,
} from '../../../shared/sync/enrolment.ts';
import { authenticateAdmin } from '../auth/adminAuth.ts';
import type { FailedAttempts } from '../auth/attempts.ts';
import { issueEnrolmentCode } from '../auth/enrolment.ts';
import type { Db } from '../storage/db.ts';
import { listEnrolledDevices, revokeDevice, type DeviceRow } from '../storage/devices.ts';
import { describeIssues } from '../sync/ingest.ts';
import { requireDevice } from './deviceGuard.ts';
import { sendError, sendTooManyAttempts } from './errors.ts';

// Desk administration over HTTP, for the admin screen (renderer/features/admin/devices). Each call needs the
// desk's own device token AND the signed-in admin's staffId + PIN (headers), checked on the server. Wrong PINs
// are counted per desk: after a few, that desk is refused for a while even with the right PIN (auth/attempts.ts).

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

/** The device and the admin behind the call, or null after answering 400/401/403. */
async function requireAdmin(
  db: Db,
  attempts: FailedAttempts,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ device: DeviceRow; staffId: string } | null> {
  const device = await requireDevice(db, request, reply);
  if (!device) return null;
  // Charged before the PIN is checked (see auth/attempts.ts); only a wrong PIN keeps the charge.
  if (!attempts.charge(device.device_id)) {
    request.log.warn({ deviceId: device.device_id }, 'admin call refused: too many wrong PINs');
    sendTooManyAttempts(reply, attempts.blockedFor(device.device_id));
    return null;
  }
  const admin = await authenticateAdmin(db, {
    staffId: request.headers[ADMIN_STAFF_HEADER],
    pin: request.headers[ADMIN_PIN_HEADER],
  });
  if (admin.ok || admin.code !== 'admin-unauthenticated') attempts.refund(device.device_id);
  if (admin.ok) return { device, staffId: admin.staffId };
  request.log.warn({ deviceId: device.device_id, code: admin.code }, 'admin call refused');
  sendError(reply, admin.status, admin.code, admin.message);
  return null;
}

const revokeParamsSchema = z.object({ id: z.string().min(1).max(64) });

export function registerAdminDevices(app: FastifyInstance, db: Db, attempts: FailedAttempts): void {
  app.post('/admin/enrolment-codes', async (request, reply) => {
    const caller = await requireAdmin(db, attempts, request, reply);
    if (!caller) return reply;
    const body = createEnrolmentCodeRequestSchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
    const issued: EnrolmentCodeIssued = await issueEnrolmentCode(db, {
      label: body.data.label,
      createdBy: caller.staffId,
    });
    request.log.info({ by: caller.staffId, label: issued.label, expiresAt: issued.expiresAt }, 'enrolment code issued');
    return issued;
  });

  app.get('/admin/devices', async (request, reply) => {
    if (!(await requireAdmin(db, attempts, request, reply))) return reply;
    return { devices: (await listEnrolledDevices(db)).map(deviceSummary) };
  });

  app.post('/admin/devices/:id/revoke', async (request, reply) => {
    const caller = await requireAdmin(db, attempts, request, reply);
    if (!caller) return reply;
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
