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
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** `listener` hears of every database trouble a request met, of any kind. */
  onTrouble(listener: () => void): void {
    this.listeners.push(listener);
  }

  heard(report: TroubleReport): void {
    for (const listener of this.listeners) listener();
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

/** A probe that wrote answers /healthz this long: a flood of checks must not be a flood of durable writes. */
export const PROBE_FRESH_MS = 2_000;

/**
 * The probe write of /healthz, one at a time: callers while one runs await the same write, and a success answers
 * for PROBE_FRESH_MS. A failure is never kept (the next check writes again), and a success is forgotten as soon as
 * any request meets database trouble, so a database that just went down is not reported healthy from memory.
 */
export class HealthProbe {
  private running: Promise<void> | undefined;
  private wroteAt: number | undefined;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  check(): Promise<void> {
    if (this.wroteAt !== undefined && this.now() - this.wroteAt < PROBE_FRESH_MS) return Promise.resolve();
    this.running ??= this.write()
      .then(
        () => {
          this.wroteAt = this.now();
        },
        (err: unknown) => {
          this.wroteAt = undefined;
          throw err;
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  forget(): void {
    this.wroteAt = undefined;
  }
}

const WRITES = new Set(['/sync/push', '/devices/enrol']);

/**
 * GET /healthz — 200 only after a real write to the database (storage/db.ts probeWrite) at most PROBE_FRESH_MS ago,
 * so a load balancer can trust it: a database that is down, locked, read-only or full answers 503 with Retry-After.
 */
export function registerHealth(app: FastifyInstance, storage: Storage, writes: WriteTrouble): void {
  const probe = new HealthProbe(() => probeWrite(storage.db, new Date().toISOString()));
  writes.onTrouble(() => probe.forget()); // a route met database trouble: the next check writes again
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const writing = request.method === 'POST' && (WRITES.has(path) || path.startsWith('/admin/'));
    if (writing && reply.statusCode === 200) writes.wroteOk();
  });

  app.get('/healthz', async (request, reply) => {
    try {
      await probe.check();
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
