// Issue 10, item 9: anonymous junk at every route: random methods, paths, content types, headers and bodies (random
// bytes, deep nesting, oversized, prototype poison), without credentials or with forged ones. Never a 5xx, the
// server stays healthy, and nothing stored changes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { ACHIEVEMENT_FORM } from '../../../server/src/seed/demoForms.ts';
import { newUlid } from '../../fixtures/events.ts';
import {
  BAD_CONTENT_TYPES,
  FORGED_AUTH,
  forgedHeaders,
  JUNK_BODIES,
  junkBodyText,
  type ForgedAuth,
  type JunkBody,
} from '../../fixtures/hostile.ts';
import { expectHealthy, expectNoServerError, fuzzAssert, fuzzParameters, send, storedState } from './fuzzTwins.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

const RUNS = Number(process.env.FIRSTDESK_FUZZ_RUNS ?? 400);

const PATHS = [
  '/sync/push',
  '/sync/pull',
  '/reference',
  '/devices/enrol',
  '/admin/enrolment-codes',
  '/admin/devices',
  '/admin/devices/{id}/revoke',
  '/healthz',
  '/admin/devices/{id}',
  '/catalog/files', // an admin uploads a guide's form (issue 16)
  `/catalog/files/${ACHIEVEMENT_FORM.file.sha256}`, // … and reads one HQ holds back: never without the proofs
  '/public/files/{id}',
  '/sync/push/../pull',
  '/sync/%00',
  '/sync/pull?cursor=1e300',
] as const;

interface Junk {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS';
  readonly path: (typeof PATHS)[number];
  readonly contentType: (typeof BAD_CONTENT_TYPES)[number] | 'application/json' | null;
  readonly body: JunkBody | 'none';
  readonly bytes: Uint8Array;
  readonly auth: ForgedAuth;
}

const junkArb: fc.Arbitrary<Junk> = fc.record({
  method: fc.constantFrom(
    'GET' as const,
    'POST' as const,
    'POST' as const,
    'PUT' as const,
    'DELETE' as const,
    'PATCH' as const,
    'OPTIONS' as const,
  ),
  path: fc.constantFrom(...PATHS),
  contentType: fc.constantFrom('application/json' as const, 'application/json' as const, null, ...BAD_CONTENT_TYPES),
  body: fc.constantFrom('none' as const, ...JUNK_BODIES),
  bytes: fc.uint8Array({ maxLength: 2_048 }),
  auth: fc.constantFrom(...FORGED_AUTH),
});

describe.each(BACKENDS)('anonymous and forged junk at every route on $name', (backend) => {
  let server: TestServer;
  let desk: DeviceCredentials;
  let other: DeviceCredentials;
  beforeAll(async () => {
    server = await startServer(backend);
    desk = await server.enrol('窗口1');
    other = await server.enrol('窗口2');
  });
  afterAll(() => server.stop());

  it('never answers 5xx, stays healthy, and changes nothing', async () => {
    const before = await storedState(server.storage.db);
    await fuzzAssert(
      junkArb,
      async (junk) => {
        const url = junk.path.replace('{id}', desk.deviceId);
        const headers = {
          ...forgedHeaders(junk.auth, desk, other, newUlid()),
          ...(junk.contentType ? { 'content-type': junk.contentType } : {}),
        };
        const methodTakesBody = junk.method !== 'GET' && junk.method !== 'OPTIONS';
        const payload = junk.body === 'none' || !methodTakesBody ? undefined : junkBodyText(junk.body, junk.bytes);
        const res = await send(server, {
          method: junk.method,
          url,
          headers,
          ...(payload !== undefined ? { payload } : {}),
        });
        const { bytes: _bytes, ...shown } = junk;
        expectNoServerError(res, `${junk.method} ${url} ${JSON.stringify(shown)}`);
        if (url !== '/healthz' && !(junk.method === 'OPTIONS')) {
          // Nothing here carries a valid credential or code: only the health check may say yes.
          expect(
            res.status,
            `${junk.method} ${url} ${JSON.stringify(shown)}: ${res.body.slice(0, 200)}`,
          ).toBeGreaterThanOrEqual(400);
        }
      },
      fuzzParameters(`fuzz-anonymous (${backend.name})`, RUNS, 30_000),
    );
    await expectHealthy(server);
    const after = await storedState(server.storage.db);
    expect(after.events).toEqual(before.events);
    expect(after.references).toEqual(before.references);
    expect(after.devices).toEqual(before.devices);
    expect(after.unusedCodes).toBe(before.unusedCodes);
  }, 60_000);
});
