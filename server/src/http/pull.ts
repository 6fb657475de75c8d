import type { FastifyInstance } from 'fastify';
import { pullQuerySchema, SYNC_FORMAT_VERSION } from '../../../shared/sync/protocol.ts';
import { readChangesAfter } from '../storage/changes.ts';
import type { Db } from '../storage/db.ts';
import { describeIssues } from '../sync/ingest.ts';
import { requireDevice } from './deviceGuard.ts';
import { sendError } from './errors.ts';
import { deviceLane } from './inFlight.ts';
import { noStore } from './noStore.ts';

/**
 * GET /sync/pull?cursor=&limit= — everything after the cursor, events and reference docs, in seq order, at most
 * `limit` items and about PULL_PAGE_BYTES (storage/changes.ts); to an enrolled device only (deviceGuard.ts).
 * The items come serialised from the page builder, which measured them that way: the body is joined from them
 * (the shape of shared/sync/protocol.ts pullResponseSchema) instead of being serialised a second time.
 * One pull per device at a time (inFlight.ts).
 */
export function registerPull(app: FastifyInstance, db: Db): void {
  const lane = deviceLane('pull');
  const onRequest = [requireDevice(db), lane.claim];
  app.get(
    '/sync/pull',
    { onRequest, onSend: noStore },
    lane.hold(async (request, reply) => {
      const query = pullQuerySchema.safeParse(request.query);
      if (!query.success) return sendError(reply, 400, 'bad-request', describeIssues(query.error));
      const changes = await readChangesAfter(db, query.data.cursor, query.data.limit);
      const list = (items: readonly { json: string }[]) => `[${items.map((item) => item.json).join(',')}]`;
      const body =
        `{"formatVersion":${SYNC_FORMAT_VERSION},"events":${list(changes.events)},` +
        `"references":${list(changes.references)},"nextCursor":${changes.nextCursor},` +
        `"hasMore":${changes.hasMore},"headSeq":${changes.headSeq}}`;
      return reply.type('application/json; charset=utf-8').send(body);
    }),
  );
}
