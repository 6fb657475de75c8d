// Issue 10, item 9: the admin routes under fire. An admin desk makes valid calls with the admin's staff session
// (issue codes, list desks, revoke a desk) between calls without a session, with forged device credentials, junk
// bodies and impossible targets, while another desk tries sessions that are not its own or not an admin's. Never a
// 5xx; every valid call succeeds (a call without credentials locks no one out); the codes issued and the desks
// revoked are exactly those of the valid calls.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { deviceListSchema, enrolmentCodeIssuedSchema, type DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { newUlid } from '../../fixtures/events.ts';
import { FORGED_AUTH, forgedHeaders, hugeString, type ForgedAuth } from '../../fixtures/hostile.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../../shared/sync/staffAuth.ts';
import {
  deskHeaders,
  expectHealthy,
  expectNoServerError,
  fuzzAssert,
  fuzzParameters,
  send,
  sessionHeaders,
  storedState,
  type RequestSpec,
} from './fuzzTwins.ts';
import { signInAs } from './staffSessions.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

const RUNS = Number(process.env.FIRSTDESK_FUZZ_RUNS ?? 25);

const ROUTES = ['issue', 'list', 'revoke'] as const;
type Route = (typeof ROUTES)[number];
const BAD_BODIES = [
  'hugeLabel',
  'nulLabel',
  'numberLabel',
  'arrayLabel',
  'deep',
  'randomBytes',
  'protoPoison',
  'textPlain',
] as const;
const BAD_TARGETS = ['self', 'unknown', 'long', 'nul', 'traversal', 'notAUlid'] as const;
const GUESSES = [
  'wrongKey',
  'adminsSessionElsewhere',
  'clerksSession',
  'garbage',
  'huge',
  'nul',
  'unknownSession',
] as const;

type Call =
  | { readonly kind: 'issue'; readonly label: string | null }
  | { readonly kind: 'list' }
  | { readonly kind: 'revoke'; readonly victim: 0 | 1 }
  | { readonly kind: 'noSession'; readonly route: Route }
  | { readonly kind: 'forgedDevice'; readonly route: Route; readonly auth: ForgedAuth }
  | { readonly kind: 'badBody'; readonly body: (typeof BAD_BODIES)[number] }
  | { readonly kind: 'badTarget'; readonly target: (typeof BAD_TARGETS)[number] }
  | { readonly kind: 'guess'; readonly route: Route; readonly guess: (typeof GUESSES)[number] };

const callArb: fc.Arbitrary<Call> = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), label: fc.constantFrom(null, '窗口5', 'W06') }),
  fc.constant({ kind: 'list' as const }),
  fc.record({ kind: fc.constant('revoke' as const), victim: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ kind: fc.constant('noSession' as const), route: fc.constantFrom(...ROUTES) }),
  fc.record({
    kind: fc.constant('forgedDevice' as const),
    route: fc.constantFrom(...ROUTES),
    auth: fc.constantFrom(...FORGED_AUTH),
  }),
  fc.record({ kind: fc.constant('badBody' as const), body: fc.constantFrom(...BAD_BODIES) }),
  fc.record({ kind: fc.constant('badTarget' as const), target: fc.constantFrom(...BAD_TARGETS) }),
  fc.record({
    kind: fc.constant('guess' as const),
    route: fc.constantFrom(...ROUTES),
    guess: fc.constantFrom(...GUESSES),
  }),
);

const isValid = (call: Call) => call.kind === 'issue' || call.kind === 'list' || call.kind === 'revoke';

interface Desks {
  readonly admin: DeviceCredentials;
  readonly attacker: DeviceCredentials;
  readonly victims: readonly [DeviceCredentials, DeviceCredentials];
  /** The admin signed in on the admin desk; a clerk signed in on the attacker's. */
  readonly adminSession: StaffSession;
  readonly clerkSession: StaffSession;
}

function routeSpec(route: Route, target: string, headers: Record<string, string>, body?: string): RequestSpec {
  const json = { 'content-type': 'application/json' };
  switch (route) {
    case 'issue':
      return { method: 'POST', url: '/admin/enrolment-codes', headers: { ...json, ...headers }, payload: body ?? '{}' };
    case 'list':
      return { method: 'GET', url: '/admin/devices', headers };
    case 'revoke':
      return {
        method: 'POST',
        url: `/admin/devices/${target}/revoke`,
        headers: { ...json, ...headers },
        payload: '{}',
      };
  }
}

function badBody(body: (typeof BAD_BODIES)[number]): { payload: string | Buffer; contentType: string } {
  const json = 'application/json';
  switch (body) {
    case 'hugeLabel':
      return { payload: JSON.stringify({ label: hugeString() }), contentType: json };
    case 'nulLabel':
      return { payload: JSON.stringify({ label: '窗口\u00005' }), contentType: json };
    case 'numberLabel':
      return { payload: JSON.stringify({ label: 1e300 }), contentType: json };
    case 'arrayLabel':
      return { payload: JSON.stringify({ label: ['窗口5'] }), contentType: json };
    case 'deep':
      return { payload: `{"label":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, contentType: json };
    case 'randomBytes':
      return { payload: Buffer.from([0x7b, 0xff, 0x00, 0xfe, 0x22]), contentType: json };
    case 'protoPoison':
      return { payload: '{"__proto__":{"label":"x"},"label":"W07"}', contentType: json };
    case 'textPlain':
      return { payload: 'label=W08', contentType: 'text/plain' };
  }
}

function targetId(target: (typeof BAD_TARGETS)[number], desks: Desks): string {
  switch (target) {
    case 'self':
      return desks.admin.deviceId;
    case 'unknown':
      return newUlid();
    case 'long':
      return 'A'.repeat(10_000);
    case 'nul':
      return `${desks.victims[0].deviceId}%00`;
    case 'traversal':
      return `..%2F..%2F${desks.victims[0].deviceId}`;
    case 'notAUlid':
      return '1e300';
  }
}

/** Sessions the attacker's desk might offer: none of them is an admin's session opened on that desk. */
function guessHeaders(guess: (typeof GUESSES)[number], desks: Desks): Record<string, string> {
  const from = deskHeaders(desks.attacker);
  const { sessionId, key } = desks.adminSession;
  const raw = (value: string) => ({ ...from, [STAFF_SESSION_HEADER]: value });
  switch (guess) {
    case 'wrongKey':
      return raw(staffSessionHeader({ sessionId, key: `${key.slice(0, -4)}AAAA` }));
    case 'adminsSessionElsewhere':
      return sessionHeaders(desks.attacker, desks.adminSession);
    case 'clerksSession':
      return sessionHeaders(desks.attacker, desks.clerkSession);
    case 'garbage':
      return raw('not.a-session');
    case 'huge':
      return raw(`${sessionId}.${'A'.repeat(60_000)}`);
    case 'nul':
      return raw(`${sessionId}%00.${key}`);
    case 'unknownSession':
      return raw(staffSessionHeader({ sessionId: newUlid(), key }));
  }
}

async function runCalls(server: TestServer, desks: Desks, calls: readonly Call[]) {
  const revoked = new Set<string>();
  let issued = 0;
  for (const [i, call] of calls.entries()) {
    const what = `call ${i} ${JSON.stringify(call)}`;
    const victim = desks.victims[0].deviceId;
    const admin: Record<string, string> = sessionHeaders(desks.admin, desks.adminSession);
    let spec: RequestSpec;
    switch (call.kind) {
      case 'issue':
        spec = routeSpec('issue', '', admin, JSON.stringify(call.label ? { label: call.label } : {}));
        break;
      case 'list':
        spec = routeSpec('list', '', admin);
        break;
      case 'revoke':
        spec = routeSpec('revoke', desks.victims[call.victim].deviceId, admin);
        break;
      case 'noSession':
        spec = routeSpec(call.route, victim, deskHeaders(desks.admin));
        break;
      case 'forgedDevice': {
        const forged = forgedHeaders(call.auth, desks.admin, desks.attacker, newUlid());
        spec = routeSpec(call.route, victim, { ...forged, [STAFF_SESSION_HEADER]: admin[STAFF_SESSION_HEADER]! });
        break;
      }
      case 'badBody': {
        const { payload, contentType } = badBody(call.body);
        spec = { ...routeSpec('issue', '', admin), payload };
        spec = { ...spec, headers: { ...spec.headers, 'content-type': contentType } };
        break;
      }
      case 'badTarget':
        spec = routeSpec('revoke', targetId(call.target, desks), admin);
        break;
      case 'guess':
        spec = routeSpec(call.route, victim, guessHeaders(call.guess, desks));
        break;
    }
    const res = await send(server, spec);
    expectNoServerError(res, what);
    if (!isValid(call)) {
      expect(res.status, `${what} must be refused: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      continue;
    }
    expect(res.status, `${what}: a valid admin call answered ${res.status}: ${res.body.slice(0, 200)}`).toBe(200);
    if (call.kind === 'issue') {
      expect(enrolmentCodeIssuedSchema.safeParse(res.json()).error).toBeUndefined();
      issued++;
    } else {
      expect(deviceListSchema.safeParse(res.json()).error).toBeUndefined();
      if (call.kind === 'revoke') revoked.add(desks.victims[call.victim].deviceId);
    }
  }
  return { revoked, issued };
}

describe.each(BACKENDS)('admin routes under random and forged calls on $name', (backend) => {
  let server: TestServer;
  let admin: DeviceCredentials;
  let attacker: DeviceCredentials;
  let adminSession: StaffSession;
  let clerkSession: StaffSession;
  // One admin desk and one attacker for every run: a lock-out earned in one run would show in the next.
  beforeAll(async () => {
    server = await startServer(backend);
    admin = await server.enrol('管理');
    attacker = await server.enrol('攻击');
    adminSession = await signInAs(server, admin.deviceId, DEMO_STAFF.admin);
    clerkSession = await signInAs(server, attacker.deviceId, DEMO_STAFF.windowClerk);
  });
  afterAll(() => server.stop());

  it('never answers 5xx, always serves the admin, and changes only what the valid calls change', async () => {
    await fuzzAssert(
      fc.array(callArb, { minLength: 1, maxLength: 8 }),
      async (calls) => {
        const victims = [await server.enrol('甲'), await server.enrol('乙')] as const;
        const desks: Desks = { admin, attacker, victims, adminSession, clerkSession };
        const before = await storedState(server.storage.db);
        const { revoked, issued } = await runCalls(server, desks, calls);

        await expectHealthy(server);
        const after = await storedState(server.storage.db);
        expect(after.events).toEqual(before.events);
        expect(after.references).toEqual(before.references);
        expect(after.unusedCodes, 'codes issued').toBe(before.unusedCodes + issued);
        const revokedNow = after.devices.filter((d) => d.revoked).map((d) => d.deviceId);
        const revokedBefore = before.devices.filter((d) => d.revoked).map((d) => d.deviceId);
        expect(new Set(revokedNow), 'desks revoked').toEqual(new Set([...revokedBefore, ...revoked]));
        for (const id of revoked) {
          expect(after.devices.find((d) => d.deviceId === id)?.revokedBy).toBe(DEMO_STAFF.admin);
        }
      },
      fuzzParameters(`fuzz-admin (${backend.name})`, RUNS, 40_000),
    );
  }, 90_000);
});
