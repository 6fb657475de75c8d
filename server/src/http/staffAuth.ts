import type { FastifyInstance } from 'fastify';
import { signInRequestSchema, STAFF_SESSION_HEADER, type SignInResponse } from '../../../shared/sync/staffAuth.ts';
import type { FailedAttempts } from '../auth/attempts.ts';
import { checkStaffSession } from '../auth/staffSession.ts';
import { signIn } from '../auth/staffSignIn.ts';
import type { Db } from '../storage/db.ts';
import { endSession } from '../storage/staffSessions.ts';
import { describeIssues } from '../sync/ingest.ts';
import { deviceOf, header, requireDevice } from './deviceGuard.ts';
import { sendError, sendTooManyAttempts } from './errors.ts';

// Staff sign-in and sign-out on the HQ server (issue 11; docs/AUTHORSHIP.md), from an enrolled desk only: the
// device token is checked before the body is read (deviceGuard.ts).

/** {staffId, secret}: a 128-character secret even written as \uXXXX escapes, and the id, fit in this. */
const SIGN_IN_BODY_BYTES = 2 * 1024;

export const SIGN_IN_FAILED_MESSAGE =
  '登录失败：人员或密码（PIN）不正确，或此人员已停用。Sign-in failed: the person or the secret is not correct, or the person is no longer active.';

export interface SignInThrottle {
  /** Keyed by desk and person. */
  readonly perStaff: FailedAttempts;
  /** Keyed by desk. */
  readonly perDesk: FailedAttempts;
}

export function registerStaffAuth(app: FastifyInstance, db: Db, throttle: SignInThrottle): void {
  /**
   * POST /auth/sign-in {staffId, secret} → 200 {staffId, sessionId, key, expiresAt}, or 401 'sign-in-failed', the
   * one answer to every failure, or 429 'too-many-attempts'. A body that is no sign-in at all is 400, not a guess.
   */
  app.post('/auth/sign-in', { onRequest: requireDevice(db), bodyLimit: SIGN_IN_BODY_BYTES }, async (request, reply) => {
    const deviceId = deviceOf(request).device_id;
    const body = signInRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
    const { staffId } = body.data;

    // Charged before the secret is checked, refunded when it was right (auth/attempts.ts): parallel guesses count.
    const personKey = `${deviceId}/${staffId}`;
    if (!throttle.perDesk.charge(deviceId)) {
      request.log.warn({ deviceId, staffId }, 'sign-in refused: too many failures from this desk');
      return sendTooManyAttempts(reply, throttle.perDesk.blockedFor(deviceId));
    }
    if (!throttle.perStaff.charge(personKey)) {
      throttle.perDesk.refund(deviceId);
      request.log.warn({ deviceId, staffId }, 'sign-in refused: too many failures for this person on this desk');
      return sendTooManyAttempts(reply, throttle.perStaff.blockedFor(personKey));
    }

    const session = await signIn(db, deviceId, body.data);
    if (!session) {
      request.log.warn({ deviceId, staffId }, 'sign-in failed');
      return sendError(reply, 401, 'sign-in-failed', SIGN_IN_FAILED_MESSAGE);
    }
    throttle.perDesk.refund(deviceId);
    throttle.perStaff.refund(personKey);
    request.log.info({ deviceId, staffId, expiresAt: session.expiresAt }, 'signed in');
    const response: SignInResponse = session;
    return response;
  });

  /** POST /auth/sign-out with the session header → 204: the session ends now; its later events are refused. */
  app.post('/auth/sign-out', { onRequest: requireDevice(db) }, async (request, reply) => {
    const deviceId = deviceOf(request).device_id;
    const check = await checkStaffSession(db, header(request, STAFF_SESSION_HEADER), deviceId, { live: false });
    if (!check.ok) return sendError(reply, 401, check.code, check.message);
    await endSession(db, check.session.sessionId, Date.now());
    request.log.info({ deviceId, staffId: check.session.staffId }, 'signed out');
    return reply.code(204).send();
  });
}
