import Fastify, { type FastifyInstance } from 'fastify';
import { describeDatabase, type ServerConfig } from './config.ts';
import {
  ENROLMENT_ATTEMPTS,
  FailedAttempts,
  SIGN_IN_PER_DESK_ATTEMPTS,
  SIGN_IN_PER_STAFF_ATTEMPTS,
} from './auth/attempts.ts';
import { privilegedWithoutSecret } from './auth/staffSecrets.ts';
import { issueEnrolmentCode } from './auth/enrolment.ts';
import { registerAdminDevices } from './http/admin.ts';
import { registerCatalogFiles } from './http/catalogFiles.ts';
import { registerComplaints } from './http/complaints.ts';
import { registerCors } from './http/cors.ts';
import { registerEnrol } from './http/enrol.ts';
import { registerErrorHandler } from './http/errors.ts';
import { BODY_LIMITS } from './http/bodyLimits.ts';
import { decorateDevice } from './http/deviceGuard.ts';
import { registerHealth, WriteTrouble } from './http/health.ts';
import { registerJsonParser } from './http/jsonBody.ts';
import { registerPadRelay } from './http/padRelay.ts';
import { registerPull } from './http/pull.ts';
import { registerPublicRating } from './http/publicRating.ts';
import { registerPublicSite } from './http/publicSite.ts';
import { registerPush } from './http/push.ts';
import { registerReports } from './http/reports.ts';
import { registerReference } from './http/reference.ts';
import { registerStaffAuth } from './http/staffAuth.ts';
import { registerDeskApp } from './http/static.ts';
import { seedOnFirstRun } from './seed/firstRun.ts';
import { openStorage, pingDatabase, type Storage, type StorageTuning } from './storage/db.ts';
import { migrateToLatest } from './storage/migrations.ts';
import { hasReferenceDocs } from './storage/reference.ts';
import { ReportProjector } from './reports/projector.ts';

export type ServerOptions = Pick<
  ServerConfig,
  'database' | 'seed' | 'logLevel' | 'rendererDir' | 'trustProxy' | 'publicUrl'
> & {
  /** Lock waits (tests shorten them to meet a busy database quickly). */
  readonly storageTuning?: StorageTuning;
  /** Where log lines go (tests read them); stdout when absent. */
  readonly logStream?: { write(line: string): void };
};

export interface BuiltServer {
  readonly app: FastifyInstance;
  /** The open database, for in-process tests and tools; requests never need it from here. */
  readonly storage: Storage;
  /** The supervision reports' projection (issue 15): running; tests await catchUp(). */
  readonly reports: ReportProjector;
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
    logger: { level: config.logLevel, ...(config.logStream ? { stream: config.logStream } : {}) },
    // Each route that takes a body says how much (http/bodyLimits.ts); everything else takes next to nothing.
    bodyLimit: BODY_LIMITS.default,
    // Only the bureau's own proxies may say who the client is; by default the socket's address counts.
    trustProxy: config.trustProxy ?? false,
  });
  const storage = openStorage(
    config.database,
    (err) => app.log.warn({ err }, 'database connection lost; replaced'),
    config.storageTuning,
  );
  try {
    await pingDatabase(storage.db).catch((err: unknown) => {
      throw new Error(`Cannot reach the database (${describeDatabase(config.database)}): ${reason(err)}`, {
        cause: err,
      });
    });
    await migrateToLatest(storage.db);
    const firstRun = config.seed === 'demo' && !(await hasReferenceDocs(storage.db));
    await seedOnFirstRun(storage.db, config.seed, Date.now(), config.publicUrl);
    // The demo bureau's first desk needs a way in: one code, logged where the operator starting it looks.
    if (firstRun) {
      const { code, expiresAt } = await issueEnrolmentCode(storage.db, { label: '演示窗口', createdBy: 'first-run' });
      app.log.warn(
        { expiresAt },
        `First run: enrolment code for the first desk 首台窗口登记码 ${code} (one use, until ${expiresAt}); more with: npm run enrol -- enrol-code`,
      );
    }
    const cannotSignIn = await privilegedWithoutSecret(storage.db);
    if (cannotSignIn.length > 0) {
      app.log.warn(
        { staffIds: cannotSignIn },
        `Leaders/supervisors/admins without a password cannot sign in 以下人员尚未设置密码: ${cannotSignIn.join(', ')}; set one with: npm run enrol -- set-secret <staffId>`,
      );
    }
  } catch (err) {
    await storage.close();
    await app.close();
    throw err;
  }

  const reports = new ReportProjector(storage.db, {
    onError: (err) => app.log.error({ err }, 'reports: the projection failed; it tries again'),
  });
  app.decorate('reportProjector', reports);
  app.addHook('onClose', async () => {
    await reports.stop();
    await storage.close();
  });
  const writes = new WriteTrouble();
  registerErrorHandler(app, (report) => writes.heard(report));
  registerJsonParser(app);
  decorateDevice(app);
  registerCors(app);
  registerHealth(app, storage, writes);
  registerPush(app, storage.db);
  registerPull(app, storage.db);
  registerReference(app, storage.db);
  registerEnrol(app, storage.db, new FailedAttempts(ENROLMENT_ATTEMPTS));
  registerAdminDevices(app, storage.db);
  registerCatalogFiles(app, storage.db);
  registerPadRelay(app, storage.db);
  registerStaffAuth(app, storage.db, {
    perStaff: new FailedAttempts(SIGN_IN_PER_STAFF_ATTEMPTS),
    perDesk: new FailedAttempts(SIGN_IN_PER_DESK_ATTEMPTS),
  });
  registerPublicRating(app, storage.db);
  registerPublicSite(app, storage.db);
  registerComplaints(app, storage.db);
  registerReports(app, storage.db);
  await registerDeskApp(app, config.rendererDir);
  await app.ready();
  reports.start();
  return { app, storage, reports, close: () => app.close() };
}
