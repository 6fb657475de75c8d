import type { FastifyInstance } from 'fastify';
import packageJson from '../../package.json' with { type: 'json' };
import { pingDatabase, type Storage } from '../storage/db.ts';
import { sendError } from './errors.ts';

export const SERVER_VERSION: string = packageJson.version;

/** GET /healthz — 200 only after a real round-trip to the database, so a load balancer can trust it. */
export function registerHealth(app: FastifyInstance, storage: Storage): void {
  app.get('/healthz', async (request, reply) => {
    try {
      await pingDatabase(storage.db);
    } catch (err) {
      request.log.error({ err }, 'health check: database unreachable');
      return sendError(reply, 503, 'db-unavailable', `The ${storage.dialect} database is not reachable.`);
    }
    return { status: 'ok', db: storage.dialect, version: SERVER_VERSION };
  });
}
