import type { FastifyInstance } from 'fastify';
import { pullQuerySchema, SYNC_FORMAT_VERSION, type PullResponse } from '../../../shared/sync/protocol.ts';
import { readChangesAfter } from '../storage/changes.ts';
import type { Db } from '../storage/db.ts';
import { describeIssues } from '../sync/ingest.ts';
import { requireDevice } from './deviceGuard.ts';
import { sendError } from './errors.ts';

/**
 * GET /sync/pull?cursor=&limit= — everything after the cursor, events and reference docs, in seq order; to an
 * enrolled device only (deviceGuard.ts).
 */
export function registerPull(app: FastifyInstance, db: Db): void {
  app.get('/sync/pull', async (request, reply) => {
    if (!(await requireDevice(db, request, reply))) return reply;
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad-request', describeIssues(query.error));
    const changes = await readChangesAfter(db, query.data.cursor, query.data.limit);
    const response: PullResponse = {
      formatVersion: SYNC_FORMAT_VERSION,
      events: changes.events.map(({ seq, receivedAt, event }) => ({ seq, receivedAt, event })),
      references: changes.references.map(({ seq, doc }) => ({ seq, doc })),
      nextCursor: changes.nextCursor,
      hasMore: changes.hasMore,
      headSeq: changes.headSeq,
    };
    return response;
  });
}
