import Fastify, { type FastifyInstance } from 'fastify';
import { describeDatabase, type ServerConfig } from './config.ts';
import { ADMIN_PIN_ATTEMPTS, ENROLMENT_ATTEMPTS, FailedAttempts } from './auth/attempts.ts';
import { issueEnrolmentCode } from './auth/enrolment.ts';
import { registerAdminDevices } from './http/admin.ts';
import { registerCors } from './http/cors.ts';
import { registerEnrol } from './http/enrol.ts';
import { registerErrorHandler } from './http/errors.ts';
import { registerHealth } from './http/health.ts';
import { registerPull } from './http/pull.ts';
import { registerPush } from './http/push.ts';
import { registerReference } from './http/reference.ts';
import { registerDeskApp } from './http/static.ts';
import { seedOnFirstRun } from './seed/firstRun.ts';
import { openStorage, pingDatabase, type Storage } from './storage/db.ts';
import { migrateToLatest } from './storage/migrations.ts';
import { hasReferenceDocs } from './storage/reference.ts';

// A push carries at most MAX_PUSH_EVENTS (500) events; the largest event (2000 CJK characters of matter,
// ~6 KB as UTF-8, plus the envelope) keeps a full batch under 5 MB, so 8 MB leaves room without inviting abuse.
const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export type ServerOptions = Pick<ServerConfig, 'database' | 'seed' | 'logLevel' | 'rendererDir' | 'trustProxy'>;

export interface BuiltServer {
  readonly app: FastifyInstance;
  /** The open database, for in-process tests and tools; requests never need it from here. */
  readonly storage: Storage;
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
}

/** pg reports "localhost refused" as an AggregateError with an empty message; its code still says why. */
function reason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return err.message || (typeof code === 'string' ? code : err.name);
}

/** The whole HQ server, ready to `listen` or to `inject` in tests: database open, migrated and seeded. */
export async function buildServer(config: ServerOptions): Promise<BuiltServer> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    // Only the bureau's own proxies may say who the client is; by default the socket's address counts.
    trustProxy: config.trustProxy ?? false,
  });
  const storage = openStorage(config.database, (err) => app.log.warn({ err }, 'database connection lost; replaced'));
  try {
    await pingDatabase(storage.db).catch((err: unknown) => {
      throw new Error(`Cannot reach the database (${describeDatabase(config.database)}): ${reason(err)}`, {
        cause: err,
      });
    });
    await migrateToLatest(storage.db);
    const firstRun = config.seed === 'demo' && !(await hasReferenceDocs(storage.db));
    await seedOnFirstRun(storage.db, config.seed);
    // The demo bureau's first desk needs a way in: one code, logged where the operator starting it looks.
    if (firstRun) {
      const { code, expiresAt } = await issueEnrolmentCode(storage.db, { label: '演示窗口', createdBy: 'first-run' });
      app.log.warn(
        { expiresAt },
        `First run: enrolment code for the first desk 首台窗口登记码 ${code} (one use, until ${expiresAt}); more with: npm run enrol -- enrol-code`,
      );
    }
  } catch (err) {
    await storage.close();
    await app.close();
    throw err;
  }

  app.addHook('onClose', async () => storage.close());
  registerErrorHandler(app);
  registerCors(app);
  registerHealth(app, storage);
  registerPush(app, storage.db);
  registerPull(app, storage.db);
  registerReference(app, storage.db);
  registerEnrol(app, storage.db, new FailedAttempts(ENROLMENT_ATTEMPTS));
  registerAdminDevices(app, storage.db, new FailedAttempts(ADMIN_PIN_ATTEMPTS));
  await registerDeskApp(app, config.rendererDir);
  await app.ready();
  return { app, storage, close: () => app.close() };
}
