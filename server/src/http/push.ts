import type { FastifyInstance } from 'fastify';
import {
  pushRequestSchema,
  SYNC_FORMAT_VERSION,
  type PushResponse,
  type Rejection,
} from '../../../shared/sync/protocol.ts';
import { bearerToken, rotateTokenIfDue } from '../auth/deviceAuth.ts';
import { adminStore } from '../storage/adminStore.ts';
import type { Db } from '../storage/db.ts';
import { appendEvents } from '../storage/events.ts';
import { referenceLookup } from '../storage/referenceLookup.ts';
import { currentReferenceDocs } from '../storage/referenceSnapshot.ts';
import { findSessions } from '../storage/staffSessions.ts';
import { applyAdminEvent } from '../sync/applyAdmin.ts';
import { admitRatingToken } from '../storage/ratingTokens.ts';
import { directoryOf } from '../sync/authorize.ts';
import { checkStoredReferences } from '../sync/references.ts';
import { checkPadRating } from '../sync/padRatingCheck.ts';
import { checkRatingRectifier } from '../sync/rectifierCheck.ts';
import { sessionIdsNamed } from '../sync/proof.ts';
import { checkEvent, describeIssues, judgeExisting, settledDeviceSeq, type CheckedEvent } from '../sync/ingest.ts';
import { BODY_LIMITS } from './bodyLimits.ts';
import { deviceOf, header, requireDevice } from './deviceGuard.ts';
import { sendError } from './errors.ts';
import { deviceLane } from './inFlight.ts';

/**
 * POST /sync/push, from an enrolled device only (deviceGuard.ts, checked before the body is read). The body as a
 * whole must be well-formed (else 400 and nothing stored); then each event is judged on its own, so one bad event
 * is rejected without holding back the rest of the desk's queue. One push per device at a time (inFlight.ts).
 */
export function registerPush(app: FastifyInstance, db: Db): void {
  const lane = deviceLane('push');
  const onRequest = [requireDevice(db), lane.claim];
  app.post(
    '/sync/push',
    { onRequest, bodyLimit: BODY_LIMITS.push },
    lane.hold(async (request, reply) => {
      const device = deviceOf(request);
      const body = pushRequestSchema.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
      const { deviceId, formatVersion, events, deskTime } = body.data;
      // The token proves the header's deviceId; a body speaking for another device is not this desk's to push.
      if (deviceId !== device.device_id) {
        return sendError(
          reply,
          401,
          'unauthenticated',
          `this desk's credentials are for device ${device.device_id}, not for ${deviceId}`,
        );
      }
      if (formatVersion !== SYNC_FORMAT_VERSION) {
        const newer = formatVersion > SYNC_FORMAT_VERSION ? 'the desk is newer: update the server' : 'update the desk';
        return sendError(
          reply,
          400,
          'format-version',
          `sync format ${formatVersion} is not supported by this server (it speaks ${SYNC_FORMAT_VERSION}): ${newer}`,
        );
      }

      const now = Date.now();
      // A desk's clock far off is recorded on its events, never followed (the server clock is not touched).
      const deskClockSkewMs = deskTime ? Date.parse(deskTime) - now : 0;
      // The staff sessions the batch's proofs name, loaded once for the whole push (sync/proof.ts).
      const sessions = await findSessions(db, sessionIdsNamed(events));
      const ctx = { deviceId, directory: directoryOf(await currentReferenceDocs(db)), now, deskClockSkewMs, sessions };
      const checked: CheckedEvent[] = events.map((raw) => checkEvent(raw, ctx));
      const refused: Rejection[] = checked.flatMap((c) => (c.ok ? [] : [c.rejection]));

      const receivedAt = new Date(now).toISOString();
      const result = await appendEvents(db, {
        deviceId,
        events: checked.flatMap((c) => (c.ok ? [{ event: c.event, flags: c.flags }] : [])),
        settledDeviceSeq: settledDeviceSeq(checked),
        knownAckedSeq: device.last_acked_seq,
        receivedAt,
        judgeExisting,
        // What an event names that only the stored log vouches for (sync/references.ts); then admin edits become
        // new versions of the reference docs in the same transaction (sync/applyAdmin.ts).
        admit: async (trx, event, earlier) =>
          (await checkStoredReferences(event, earlier, referenceLookup(trx))) ??
          // 差评整改 by the rated person's department, a supervisor or a leader: the rated person is in the stored rating.
          (await checkRatingRectifier(event, earlier, referenceLookup(trx), ctx.directory)) ??
          // A pad rating: of a contact HQ holds, of someone who served it, the service's first (一次一评).
          (await checkPadRating(event, earlier, referenceLookup(trx))) ??
          (await applyAdminEvent(event, {
            store: adminStore(trx),
            directory: ctx.directory,
            receivedAt,
            earlier,
            log: request.log,
          })) ??
          // A slip's QR rating token hashes are known to HQ from the commit that stores each print (issue 13).
          (await admitRatingToken(trx, event, earlier, referenceLookup(trx), receivedAt)),
      });

      if (result.stored > 0) app.reportProjector.wake(); // the supervision reports follow (reports/projector.ts)
      const rejected = [...refused, ...result.rejected];
      if (rejected.length > 0) request.log.warn({ deviceId, rejected }, 'push: events rejected');
      // An aged token is replaced only once the push is stored; the old one works until the desk uses the new.
      const newToken = await rotateTokenIfDue(
        db,
        device,
        bearerToken(header(request, 'authorization')) ?? '',
        now,
        request.log,
      );
      if (newToken) request.log.info({ deviceId }, 'push: device token rotated');
      const response: PushResponse = {
        ackedSeq: result.ackedSeq,
        stored: result.stored,
        duplicates: result.duplicates,
        rejected,
        serverTime: new Date().toISOString(),
        ...(newToken ? { newToken } : {}),
      };
      return response;
    }),
  );
}
