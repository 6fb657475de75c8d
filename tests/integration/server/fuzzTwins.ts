// Twin HQ servers for the fuzz suites: the subject gets every request, valid and hostile; the reference gets only
// the valid part. Both hold the same desks (same ids, same tokens), so the very same valid request can be sent to
// each, and afterwards their stored state must be equal: whatever the hostile requests did, they changed nothing.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import { issueEnrolmentCode } from '../../../server/src/auth/enrolment.ts';
import { hashDeviceToken, hashEnrolmentCode } from '../../../server/src/auth/secrets.ts';
import { demoSecretOf } from '../../../server/src/seed/demoBureau.ts';
import type { Db } from '../../../server/src/storage/db.ts';
import { listEnrolledDevices, redeemEnrolmentCode } from '../../../server/src/storage/devices.ts';
import { insertSession } from '../../../server/src/storage/staffSessions.ts';
import { deviceSummary } from '../../../server/src/http/admin.ts';
import { DEVICE_ID_HEADER, deviceListSchema, type DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { pullResponseSchema } from '../../../shared/sync/protocol.ts';
import {
  signInResponseSchema,
  STAFF_SESSION_HEADER,
  staffSessionHeader,
  type StaffSession,
} from '../../../shared/sync/staffAuth.ts';
import { startServer, type Backend, type TestServer } from './harness.ts';

/** Fixed so a failure can be replayed; FIRSTDESK_FUZZ_SEED overrides it (a failure prints its seed and path). */
export const FUZZ_SEED = Number(process.env.FIRSTDESK_FUZZ_SEED ?? 20_261_010);

export interface FuzzOptions {
  readonly label: string;
  readonly numRuns: number;
  readonly budgetMs: number;
}

/** How a fuzz property runs: its name in the log, its number of runs and its time budget. */
export function fuzzParameters(label: string, numRuns: number, budgetMs = 40_000): FuzzOptions {
  return { label, numRuns, budgetMs };
}

/**
 * Check `run` on `numRuns` values of `arb` with the fixed seed (logged). Bounded in time: past the budget a value is
 * not run, so shrinking a failure stops there and the smallest counterexample so far is reported. (fast-check's own
 * interruptAfterTimeLimit abandons a run half-way, which would keep using a server the next test relies on.)
 */
export async function fuzzAssert<T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>, options: FuzzOptions) {
  const started = performance.now();
  const deadline = started + options.budgetMs;
  let ran = 0;
  let skipped = 0;
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (value) => {
        if (performance.now() > deadline) return void skipped++;
        ran++;
        await run(value);
      }),
      { seed: FUZZ_SEED, numRuns: options.numRuns },
    );
  } finally {
    console.info(
      `${options.label}: fast-check seed ${FUZZ_SEED} (FIRSTDESK_FUZZ_SEED=… to replay), ${ran} runs in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s` +
        (skipped ? `, ${skipped} not run: past the ${options.budgetMs / 1000} s budget` : ''),
    );
  }
}

export interface Injected {
  readonly status: number;
  readonly body: string;
  json(): unknown;
}

export interface RequestSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly payload?: string | Buffer;
  readonly remoteAddress?: string;
}

export async function send(server: TestServer, spec: RequestSpec): Promise<Injected> {
  const res = await server.app.inject({
    method: spec.method,
    url: spec.url,
    headers: spec.headers ?? {},
    ...(spec.payload !== undefined ? { payload: spec.payload } : {}),
    ...(spec.remoteAddress ? { remoteAddress: spec.remoteAddress } : {}),
  });
  return { status: res.statusCode, body: res.body, json: () => JSON.parse(res.body) as unknown };
}

/** A 5xx is the server's fault; a hostile client must only ever earn a 4xx. Says which request it was. */
export function expectNoServerError(res: Injected, what: string): void {
  expect(res.status, `${what} answered ${res.status}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
}

export function deskHeaders(desk: DeviceCredentials): Record<string, string> {
  return { authorization: `Bearer ${desk.token}`, [DEVICE_ID_HEADER]: desk.deviceId };
}

/** A call from `desk` with a person's staff session (admin calls, sign-out; issue 11). */
export function sessionHeaders(desk: DeviceCredentials, session: Pick<StaffSession, 'sessionId' | 'key'>) {
  return { ...deskHeaders(desk), [STAFF_SESSION_HEADER]: staffSessionHeader(session) };
}

/** A long text as its start, length and hash: equal texts stay equal, and a failure's diff stays readable. */
export function compact(text: string): string {
  if (text.length <= 200) return text;
  return `${text.slice(0, 60)}…[${text.length} chars, sha256 ${createHash('sha256').update(text).digest('hex').slice(0, 12)}]`;
}

function compactRow<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? compact(v) : v])) as T;
}

/** What a hostile request must not change: every event, every reference document version, every device. */
export async function storedState(db: Db) {
  const events = await db.selectFrom('events').selectAll().orderBy('seq').execute();
  const references = await db.selectFrom('reference_docs').selectAll().orderBy('seq').execute();
  const devices = await db.selectFrom('devices').selectAll().orderBy('device_id').execute();
  const codes = await db.selectFrom('enrolment_codes').selectAll().orderBy('code_hash').execute();
  // The guides' uploaded forms (issue 16): only an administrator's session adds one.
  const files = await db
    .withTables<{ guide_files: { sha256: string } }>()
    .selectFrom('guide_files')
    .select('sha256')
    .orderBy('sha256')
    .execute();
  return {
    // seq and received_at differ between two servers by construction; the order and the content must not.
    events: events.map(({ seq: _seq, received_at: _at, ...rest }) => compactRow(rest)),
    // Seeded documents carry the time the server was seeded; an admin edit's version, its event's HLC.
    references: references.map((r) => ({ kind: r.kind, id: r.id, rev: r.rev, body: compact(r.body) })),
    devices: devices.map((d) => ({
      deviceId: d.device_id,
      label: d.label,
      revoked: d.revoked_at !== null,
      revokedBy: d.revoked_by,
      enrolled: d.token_hash !== null,
    })),
    acks: Object.fromEntries(devices.map((d) => [d.device_id, d.last_acked_seq])),
    unusedCodes: codes.filter((c) => c.used_at === null).length,
    usedCodes: codes.filter((c) => c.used_at !== null).length,
    guideFiles: files.map((f) => f.sha256),
  };
}

export interface Twins {
  /** Gets every request. */
  readonly subject: TestServer;
  /** Gets only the valid ones. */
  readonly reference: TestServer;
  /** A desk enrolled on the subject through POST /devices/enrol, and given the same id and token on the reference. */
  enrolDesk(label: string): Promise<DeviceCredentials>;
  /**
   * A person signed in on `desk` through POST /auth/sign-in on the subject, the very same session (id and key) given
   * to the reference: for admin calls (sessionHeaders) and proofs of events sent to both (issue 11).
   */
  signIn(desk: DeviceCredentials, staffId: string): Promise<StaffSession>;
  stop(): Promise<void>;
}

export async function startTwins(backend: Backend): Promise<Twins> {
  const [subject, reference] = await Promise.all([startServer(backend), startServer(backend)]);
  return {
    subject,
    reference,
    async enrolDesk(label) {
      const desk = await subject.enrol(label);
      const { code } = await issueEnrolmentCode(reference.storage.db, { label, createdBy: 'fuzz' });
      const mirrored = await redeemEnrolmentCode(
        reference.storage.db,
        hashEnrolmentCode(code),
        { deviceId: desk.deviceId, label, tokenHash: hashDeviceToken(desk.token) },
        new Date().toISOString(),
      );
      if (!mirrored.ok) throw new Error(`could not mirror desk ${desk.deviceId}: ${mirrored.refusal}`);
      return desk;
    },
    async signIn(desk, staffId) {
      const res = await send(subject, {
        method: 'POST',
        url: '/auth/sign-in',
        headers: { ...deskHeaders(desk), 'content-type': 'application/json' },
        payload: JSON.stringify({ staffId, secret: demoSecretOf(staffId) }),
      });
      if (res.status !== 200) throw new Error(`sign-in of ${staffId} failed: ${res.status} ${res.body}`);
      const session = signInResponseSchema.parse(res.json());
      const now = Date.now();
      await insertSession(reference.storage.db, {
        sessionId: session.sessionId,
        staffId,
        deviceId: desk.deviceId,
        key: session.key,
        createdAt: now - 60_000,
        expiresAt: Date.parse(session.expiresAt),
        endedAt: null,
      });
      return session;
    },
    async stop() {
      await Promise.all([subject.stop(), reference.stop()]);
    },
  };
}

/** The server still answers: /healthz is 200 after whatever was thrown at it. */
export async function expectHealthy(server: TestServer): Promise<void> {
  const res = await send(server, { method: 'GET', url: '/healthz' });
  expect(res.status, `/healthz answered ${res.status}: ${res.body.slice(0, 200)}`).toBe(200);
}

/**
 * The admin's device list still parses with the desk's own schema (an ack of 1e300 once broke it). Read the way
 * GET /admin/devices reads it, without its PIN check: a PBKDF2 of 600,000 rounds per run would be most of a run.
 */
export async function expectDeviceListReadable(server: TestServer): Promise<void> {
  const devices = (await listEnrolledDevices(server.storage.db)).map(deviceSummary);
  expect(deviceListSchema.safeParse({ devices }).error, 'the admin device list does not parse').toBeUndefined();
}

/** A desk can still pull everything, page by page, each page parsed with the shared schema. */
export async function expectPullable(server: TestServer, desk: DeviceCredentials, limit = 500): Promise<number> {
  let cursor = 0;
  let events = 0;
  for (let page = 0; page < 1_000; page++) {
    const res = await send(server, {
      method: 'GET',
      url: `/sync/pull?cursor=${cursor}&limit=${limit}`,
      headers: deskHeaders(desk),
    });
    expect(res.status, `pull after ${cursor} answered ${res.status}: ${res.body.slice(0, 200)}`).toBe(200);
    const parsed = pullResponseSchema.safeParse(res.json());
    expect(parsed.error, `pull after ${cursor} does not parse`).toBeUndefined();
    events += parsed.data!.events.length;
    if (!parsed.data!.hasMore) return events;
    expect(parsed.data!.nextCursor, 'a pull page must move the cursor').toBeGreaterThan(cursor);
    cursor = parsed.data!.nextCursor;
  }
  throw new Error('pull did not finish in 1000 pages');
}

/**
 * Twins kept across the runs of a property (a fresh pair costs seconds on PostgreSQL): each run enrols its own
 * desks, so runs do not see each other's events. A run that fails leaves the pair unequal, so it is replaced.
 */
export function twinPool(backend: Backend) {
  let current: Promise<Twins> | undefined;
  return {
    async use<T>(run: (twins: Twins) => Promise<T>): Promise<T> {
      const twins = await (current ??= startTwins(backend));
      try {
        return await run(twins);
      } catch (err) {
        current = undefined;
        await twins.stop();
        throw err;
      }
    },
    async close(): Promise<void> {
      const twins = current;
      current = undefined;
      await (await twins)?.stop();
    },
  };
}
