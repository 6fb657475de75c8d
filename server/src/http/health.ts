import type { FastifyInstance } from 'fastify';
import packageJson from '../../package.json' with { type: 'json' };
import { probeWrite, type Storage } from '../storage/db.ts';
import { databaseTrouble, type TroubleReport } from '../storage/unavailable.ts';
import { sendDatabaseUnavailable } from './errors.ts';

export const SERVER_VERSION: string = packageJson.version;

/** A write that failed for want of room (or a read-only disk) keeps the server unhealthy this long at most. */
const WRITE_TROUBLE_MS = 60_000;

/**
 * What the server's own requests learnt about writing. The probe of /healthz rewrites one row in place, which a
 * nearly full disk may still allow while a push that needs new pages fails: a push's SQLITE_FULL therefore
 * keeps /healthz at 503 until a write succeeds again or a minute has passed.
 */
export class WriteTrouble {
  private last: { report: TroubleReport; at: number } | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  heard(report: TroubleReport): void {
    if (report.trouble === 'cannot-write') this.last = { report, at: this.now() };
  }

  wroteOk(): void {
    this.last = undefined;
  }

  current(): TroubleReport | undefined {
    if (this.last && this.now() - this.last.at < WRITE_TROUBLE_MS) return this.last.report;
    return undefined;
  }
}

const WRITES = new Set(['/sync/push', '/devices/enrol']);

/**
 * GET /healthz — 200 only after a real write to the database (storage/db.ts probeWrite), so a load balancer can
 * trust it: a database that is down, locked, read-only or full answers 503 with Retry-After.
 */
export function registerHealth(app: FastifyInstance, storage: Storage, writes: WriteTrouble): void {
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const writing = request.method === 'POST' && (WRITES.has(path) || path.startsWith('/admin/'));
    if (writing && reply.statusCode === 200) writes.wroteOk();
  });

  app.get('/healthz', async (request, reply) => {
    try {
      await probeWrite(storage.db, new Date().toISOString());
    } catch (err) {
      const report = databaseTrouble(err) ?? { trouble: 'unreachable' as const, code: 'unknown', message: String(err) };
      request.log.error({ err, db: report }, `health check: database cannot write: ${report.code} ${report.message}`);
      return sendDatabaseUnavailable(reply, report.trouble);
    }
    const recent = writes.current();
    if (recent) {
      request.log.warn({ db: recent }, `health check: a recent write failed: ${recent.code} ${recent.message}`);
      return sendDatabaseUnavailable(reply, recent.trouble);
    }
    return { status: 'ok', db: storage.dialect, version: SERVER_VERSION };
  });
}
