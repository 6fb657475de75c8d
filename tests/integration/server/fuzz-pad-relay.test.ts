// The rating tablet relay under hostile bodies (issue 13 item 3, DESIGN "Assume a hostile desk"): a paired tablet
// and its desk send random and near-miss bodies. Never a 5xx; a body the shared schemas refuse relays nothing and
// leaves the request open; what is relayed is exactly what the schema accepted.
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_RATING_REASONS, RATING_LEVELS } from '../../../shared/model/satisfaction.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import {
  padAnswerSchema,
  padPairedSchema,
  padPairingCodeSchema,
  padRateRequestSchema,
} from '../../../shared/sync/padRelay.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

const RUNS = Math.min(Number(process.env.FIRSTDESK_FUZZ_RUNS ?? 60), 200);
const ulid = createUlidFactory((n) => randomBytes(n));

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', 'x'.repeat(501), '满'.repeat(600)),
);
const nearAnswer = fc.record(
  {
    level: fc.oneof(fc.constantFrom(...RATING_LEVELS, null), text, fc.integer()),
    reasons: fc.oneof(
      fc.array(fc.constantFrom(...LOW_RATING_REASONS), { maxLength: 12 }),
      fc.array(text, { maxLength: 3 }),
      text,
    ),
    comment: fc.oneof(text, fc.constant(undefined), fc.integer()),
    __proto__: fc.constant({ polluted: true }),
  },
  { requiredKeys: [] },
);
// Valid answers too, so the accepted path is walked often (with padding the schema trims, and a long comment).
const validAnswer = fc.record({
  level: fc.constantFrom(...RATING_LEVELS),
  reasons: fc.constant([]),
  comment: fc.option(fc.constantFrom(' 很好 ', '排队太久', '意'.repeat(500)), { nil: undefined }),
});
const anyBody = fc.oneof(nearAnswer, validAnswer, fc.jsonValue({ maxDepth: 4 }));
/** What a tablet might send for the code: the real one re-spaced or off by a digit, or anything at all. */
const typedCode = (code: string) =>
  fc.oneof(
    fc.constantFrom(code, `${code.slice(0, 4)} ${code.slice(4)}`, `${code.slice(0, 4)}-${code.slice(4)}`, ` ${code}\t`),
    fc.constantFrom(code.slice(1), `${code}0`, code.slice(0, 6), code.replace(/\d/, '１'), `${code}\u0000`),
    fc.stringMatching(/^\d{8}$/),
    fc.string({ maxLength: 30 }),
    fc.jsonValue({ maxDepth: 2 }),
  );

describe.each(BACKENDS)('rating tablet relay under hostile bodies on $name', (backend) => {
  let server: TestServer;
  let desk: string;
  let token: string;
  beforeAll(async () => {
    server = await startServer(backend);
    desk = await server.device();
    const code = (
      await server.app.inject({
        method: 'POST',
        url: '/pad/pairing-codes',
        headers: server.authHeaders(desk),
        payload: {},
      })
    ).json<{ code: string }>().code;
    token = padPairedSchema.parse(
      (await server.app.inject({ method: 'POST', url: '/pad/pair', payload: { code, label: 'fuzz' } })).json(),
    ).token;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('pairs only with the issued code however it is typed, and answers anything else without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 254 }), fc.nat(), async (host, pick) => {
        const issued = await server.app.inject({
          method: 'POST',
          url: '/pad/pairing-codes',
          headers: server.authHeaders(desk),
          payload: {},
        });
        const code = issued.json<{ code: string }>().code;
        const typed = fc.sample(typedCode(code), { numRuns: 1, seed: pick })[0];
        const res = await server.app.inject({
          method: 'POST',
          url: '/pad/pair',
          payload: { code: typed, label: 'fuzz' },
          remoteAddress: `198.51.100.${host}`,
        });
        expect(res.statusCode).toBeLessThan(500);
        const parsed = padPairingCodeSchema.safeParse(typed);
        if (!parsed.success) expect(res.statusCode).toBe(400);
        else if (parsed.data !== code) expect([403, 429]).toContain(res.statusCode);
        // The right code pairs, unless wrong guesses of earlier runs have paused pairing server-wide.
        else expect(res.statusCode === 200 || res.json<{ code: string }>().code === 'pad-pairing-paused').toBe(true);
        if (res.statusCode === 200) {
          // Paired tablets of this desk are capped: unpair this one so later runs may pair again.
          const { tabletId } = padPairedSchema.parse(res.json());
          await server.app.inject({
            method: 'POST',
            url: `/pad/tablets/${tabletId}/unpair`,
            headers: server.authHeaders(desk),
            payload: {},
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('answers every body without a 5xx, relays only what the schema accepts, and exactly that', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, anyBody, async (requestBody, answerBody) => {
        const requestId = ulid(Date.now());
        const asked = await server.app.inject({
          method: 'POST',
          url: '/pad/requests',
          headers: server.authHeaders(desk),
          payload: {
            requestId,
            contactId: ulid(Date.now()),
            ratedStaffId: 'zhang-wei',
            staffName: '张伟',
            staffTitle: '科员',
            departmentName: '窗口',
          },
        });
        expect(asked.statusCode).toBe(200);
        // A hostile request from the desk: refused, or accepted exactly as the schema reads it.
        const hostile = await server.app.inject({
          method: 'POST',
          url: '/pad/requests',
          headers: { ...server.authHeaders(desk), 'content-type': 'application/json' },
          payload: JSON.stringify(requestBody ?? null),
        });
        expect(hostile.statusCode).toBeLessThan(500);
        expect(hostile.statusCode === 200).toBe(padRateRequestSchema.safeParse(requestBody).success);
        if (hostile.statusCode === 200) return; // it superseded ours: nothing more to check this round

        const answered = await server.app.inject({
          method: 'POST',
          url: `/pad/tablet/requests/${requestId}/answer`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: JSON.stringify(answerBody ?? null),
        });
        expect(answered.statusCode).toBeLessThan(500);
        const parsed = padAnswerSchema.safeParse(answerBody);
        const state = (
          await server.app.inject({
            method: 'GET',
            url: `/pad/requests/${requestId}`,
            headers: server.authHeaders(desk),
          })
        ).json<{ state: string }>().state;
        if (!parsed.success) {
          // Refused: as bad input, or before it is read when the body is over the route's limit (413).
          expect([400, 413]).toContain(answered.statusCode);
          expect(state).not.toBe('answered');
          return;
        }
        expect(answered.statusCode).toBe(200);
        const collected = await server.app.inject({
          method: 'POST',
          url: `/pad/requests/${requestId}/collect`,
          headers: server.authHeaders(desk),
          payload: {},
        });
        expect(collected.json<{ answer: unknown }>().answer).toEqual(JSON.parse(JSON.stringify(parsed.data)));
        expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});
