// Issue 10, item 9: POST /devices/enrol under fire. Valid enrolments with fresh codes are mixed with requests from
// other addresses carrying junk bodies, wrong content types, codes of the wrong type, size or state, and good codes
// with impossible labels. Never a 5xx; every valid enrolment works and its token syncs; a refused request enrols no
// desk and uses up no code.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrolmentCode } from '../../../server/src/auth/enrolment.ts';
import { enrolResponseSchema } from '../../../shared/sync/enrolment.ts';
import {
  BAD_CONTENT_TYPES,
  hugeString,
  JUNK_BODIES,
  junkBodyText,
  WRONG_TYPES,
  type JunkBody,
  type WrongType,
} from '../../fixtures/hostile.ts';
import {
  deskHeaders,
  expectHealthy,
  expectNoServerError,
  fuzzAssert,
  fuzzParameters,
  send,
  storedState,
} from './fuzzTwins.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

const RUNS = Number(process.env.FIRSTDESK_FUZZ_RUNS ?? 60);

const BAD_LABELS = ['empty', 'huge', 'nul', 'number', 'array', 'spaces', 'deep'] as const;
const BAD_CODES = ['unknown', 'used', 'expired', 'huge', 'nul', 'lookalike'] as const;

type Attempt =
  | { readonly kind: 'valid'; readonly label: string }
  | { readonly kind: 'badLabel'; readonly label: (typeof BAD_LABELS)[number] }
  | { readonly kind: 'badCode'; readonly code: (typeof BAD_CODES)[number] }
  | { readonly kind: 'codeOfType'; readonly to: WrongType }
  | { readonly kind: 'junk'; readonly body: JunkBody }
  | { readonly kind: 'contentType'; readonly type: (typeof BAD_CONTENT_TYPES)[number] };

const attemptArb: fc.Arbitrary<Attempt> = fc.oneof(
  fc.record({ kind: fc.constant('valid' as const), label: fc.constantFrom('窗口3', 'W04', ' 二楼窗口 ') }),
  fc.record({ kind: fc.constant('badLabel' as const), label: fc.constantFrom(...BAD_LABELS) }),
  fc.record({ kind: fc.constant('badCode' as const), code: fc.constantFrom(...BAD_CODES) }),
  fc.record({ kind: fc.constant('codeOfType' as const), to: fc.constantFrom(...WRONG_TYPES) }),
  fc.record({ kind: fc.constant('junk' as const), body: fc.constantFrom(...JUNK_BODIES) }),
  fc.record({ kind: fc.constant('contentType' as const), type: fc.constantFrom(...BAD_CONTENT_TYPES) }),
);

function label(kind: (typeof BAD_LABELS)[number]): unknown {
  switch (kind) {
    case 'empty':
      return '';
    case 'huge':
      return hugeString();
    case 'nul':
      return '窗口\u00003';
    case 'number':
      return 3e9;
    case 'array':
      return ['窗口3'];
    case 'spaces':
      return '   ';
    case 'deep':
      return JSON.parse(`${'['.repeat(1_000)}${']'.repeat(1_000)}`) as unknown;
  }
}

const WRONG_VALUES: Record<WrongType, unknown> = {
  null: null,
  true: true,
  zero: 0,
  string: 12345678,
  object: { code: 'ABCD-EFGH' },
  array: ['ABCD-EFGH'],
};

describe.each(BACKENDS)('device enrolment under random and hostile requests on $name', (backend) => {
  let server: TestServer;
  let address = 0;
  beforeAll(async () => {
    server = await startServer(backend);
  });
  afterAll(() => server.stop());

  const freshCode = async (now?: number) =>
    (await issueEnrolmentCode(server.storage.db, { createdBy: 'fuzz', ...(now ? { now } : {}) })).code;

  it('never answers 5xx, enrols every valid desk, and a refused request enrols nothing and uses no code', async () => {
    await fuzzAssert(
      fc.array(attemptArb, { minLength: 1, maxLength: 8 }),
      async (attempts) => {
        const before = await storedState(server.storage.db);
        let enrolled = 0;
        let codesLeft = 0;
        const usedCodes: string[] = [];
        for (const [i, attempt] of attempts.entries()) {
          const what = `attempt ${i} ${JSON.stringify(attempt)}`;
          let payload: string | Buffer;
          let contentType = 'application/json';
          let validCode = '';
          switch (attempt.kind) {
            case 'valid':
              validCode = await freshCode();
              payload = JSON.stringify({ code: validCode, label: attempt.label });
              break;
            case 'badLabel':
              codesLeft++;
              payload = JSON.stringify({ code: await freshCode(), label: label(attempt.label) });
              break;
            case 'badCode': {
              const code =
                attempt.code === 'used'
                  ? (usedCodes.at(-1) ?? 'ABCD-EFGH')
                  : attempt.code === 'expired'
                    ? await freshCode(Date.now() - 25 * 3_600_000)
                    : attempt.code === 'huge'
                      ? hugeString()
                      : attempt.code === 'nul'
                        ? 'ABCD\u0000EFGH'
                        : attempt.code === 'lookalike'
                          ? 'O0I1-ABCD'
                          : 'ABCD-EFGH';
              if (attempt.code === 'expired') codesLeft++;
              payload = JSON.stringify({ code, label: '窗口9' });
              break;
            }
            case 'codeOfType':
              payload = JSON.stringify({ code: WRONG_VALUES[attempt.to], label: '窗口9' });
              break;
            case 'junk':
              payload = junkBodyText(attempt.body, new Uint8Array([0x7b, 0xff, 0x00, 0x22]));
              break;
            case 'contentType':
              codesLeft++;
              contentType = attempt.type;
              payload = JSON.stringify({ code: await freshCode(), label: '窗口9' });
              break;
          }
          // Hostile requests come from addresses of their own, so their refusals throttle no valid desk.
          const from = attempt.kind === 'valid' ? '127.0.0.1' : `10.66.${(address >> 8) & 255}.${address++ & 255}`;
          const res = await send(server, {
            method: 'POST',
            url: '/devices/enrol',
            headers: { 'content-type': contentType },
            payload,
            remoteAddress: from,
          });
          expectNoServerError(res, what);
          if (attempt.kind !== 'valid') {
            expect(res.status, `${what} must be refused: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
            continue;
          }
          expect(res.status, `${what}: a valid enrolment answered ${res.status}: ${res.body.slice(0, 200)}`).toBe(200);
          const credentials = enrolResponseSchema.parse(res.json());
          usedCodes.push(validCode);
          enrolled++;
          const pull = await send(server, {
            method: 'GET',
            url: '/sync/pull?limit=1',
            headers: deskHeaders(credentials),
          });
          expect(pull.status, `${what}: the new desk's token does not sync`).toBe(200);
        }

        await expectHealthy(server);
        const after = await storedState(server.storage.db);
        expect(after.devices.length, 'desks enrolled').toBe(before.devices.length + enrolled);
        expect(after.usedCodes, 'codes used').toBe(before.usedCodes + enrolled);
        expect(after.unusedCodes, 'codes left unused by refused requests').toBe(before.unusedCodes + codesLeft);
        expect(after.events).toEqual(before.events);
      },
      fuzzParameters(`fuzz-enrol (${backend.name})`, RUNS, 30_000),
    );
  }, 60_000);
});
