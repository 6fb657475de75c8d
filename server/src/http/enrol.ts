import type { FastifyInstance } from 'fastify';
import { enrolRequestSchema, type DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { enrolDevice, ENROLMENT_REFUSAL_MESSAGES } from '../auth/enrolment.ts';
import type { Db } from '../storage/db.ts';
import { describeIssues } from '../sync/ingest.ts';
import { sendError } from './errors.ts';

/**
 * POST /devices/enrol {code, label} → {deviceId, token}. Open to anyone who holds a valid code: the code is the
 * admin's say-so. A wrong, used or expired code is refused with 403 and stores nothing.
 */
export function registerEnrol(app: FastifyInstance, db: Db): void {
  app.post('/devices/enrol', async (request, reply) => {
    const body = enrolRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
    const result = await enrolDevice(db, body.data);
    if (!result.ok) {
      request.log.warn({ refusal: result.refusal, label: body.data.label }, 'enrolment refused');
      return sendError(reply, 403, result.refusal, ENROLMENT_REFUSAL_MESSAGES[result.refusal]);
    }
    request.log.info({ deviceId: result.credentials.deviceId, label: body.data.label }, 'desk enrolled');
    const response: DeviceCredentials = result.credentials;
    return response;
  });
}
