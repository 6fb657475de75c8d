import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import { enrolRequestSchema, type DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import type { FailedAttempts } from '../auth/attempts.ts';
import { enrolDevice, ENROLMENT_REFUSAL_MESSAGES } from '../auth/enrolment.ts';
import type { Db } from '../storage/db.ts';
import { describeIssues } from '../sync/ingest.ts';
import { BODY_LIMITS } from './bodyLimits.ts';
import { refuseBeforeBody, sendError, sendTooManyAttempts } from './errors.ts';

/**
 * POST /devices/enrol {code, label} → {deviceId, token}. Open to anyone who holds a valid code: the code is the
 * admin's say-so. A wrong, used or expired code is refused with 403 and stores nothing; a source address that
 * was refused too often is refused with 429 without its code being looked at (see auth/attempts.ts).
 */
export function registerEnrol(app: FastifyInstance, db: Db, attempts: FailedAttempts): void {
  // An address that was refused too often is answered before its body is read.
  const notBlocked: onRequestAsyncHookHandler = async (request, reply) => {
    const seconds = attempts.blockedFor(request.ip);
    if (seconds === 0) return undefined;
    request.log.warn({ ip: request.ip }, 'enrolment refused: too many failed attempts');
    return sendTooManyAttempts(refuseBeforeBody(reply), seconds);
  };

  app.post('/devices/enrol', { onRequest: notBlocked, bodyLimit: BODY_LIMITS.enrol }, async (request, reply) => {
    const body = enrolRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
    // Charged before the code is looked up (see auth/attempts.ts), refunded if it was right.
    if (!attempts.charge(request.ip)) {
      request.log.warn({ ip: request.ip }, 'enrolment refused: too many failed attempts');
      return sendTooManyAttempts(reply, attempts.blockedFor(request.ip));
    }
    const result = await enrolDevice(db, body.data);
    if (!result.ok) {
      request.log.warn({ refusal: result.refusal, label: body.data.label, ip: request.ip }, 'enrolment refused');
      return sendError(reply, 403, result.refusal, ENROLMENT_REFUSAL_MESSAGES[result.refusal]);
    }
    attempts.refund(request.ip);
    request.log.info({ deviceId: result.credentials.deviceId, label: body.data.label }, 'desk enrolled');
    const response: DeviceCredentials = result.credentials;
    return response;
  });
}
