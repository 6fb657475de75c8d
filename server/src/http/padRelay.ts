import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { ulidSchema } from '../../../shared/model/ids.ts';
import type { ErrorBody } from '../../../shared/sync/protocol.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import {
  PAD_MAX_TABLETS_PER_DESK,
  PAD_PAIRING_CODE_LENGTH,
  PAD_PAIRING_CODE_TTL_MS,
  PAD_POLL_MAX_MS,
  PAD_REQUEST_STATES,
  PAD_TOKEN_MAX_SILENCE_DAYS,
  padAnswerSchema,
  padPairRequestSchema,
  padRateRequestSchema,
  type PadPaired,
  type PadPairingCodeIssued,
  type PadRefusal,
  type PadTabletRequest,
  type PairedTablet,
} from '../../../shared/sync/padRelay.ts';
import { addressGroup, FailedAttempts, type AttemptPolicy } from '../auth/attempts.ts';
import { bearerToken } from '../auth/deviceAuth.ts';
import { hashDeviceToken, newDeviceToken, sha256Hex } from '../auth/secrets.ts';
import type { Db } from '../storage/db.ts';
import { findDevice } from '../storage/devices.ts';
import {
  findTabletByTokenHash,
  insertPairingCode,
  listPairedTablets,
  redeemPairingCode,
  touchTablet,
  unpairTablet,
  type PadTabletRow,
} from '../storage/padTablets.ts';
import { describeIssues } from '../sync/ingest.ts';
import { deviceOf, header, requireDevice } from './deviceGuard.ts';
import { refuseBeforeBody, sendError, sendTooManyAttempts } from './errors.ts';
import { PadRelayState } from './padRelayState.ts';

// The rating pad on a tablet (issue 13 item 3). The desk pairs a tablet with a one-time code, then posts rating
// requests here; its tablets long-poll for them and post the applicant's answer; the desk collects the answer and
// records the rating itself (renderer/data/tabletPad.ts), so HQ keeps nothing of it. Desk routes need the desk's
// device token, tablet routes the tablet's pad token, both checked before any body is read; a pad token reaches
// only the requests of the desk that paired it.

/**
 * Wrong pairing codes, counted three ways (README "Limits" gives the odds). Per source (an IPv4 address, an IPv6
 * /64: auth/attempts.ts addressGroup): ten per quarter-hour, then that source's wrong codes are answered 429. But
 * a right code is judged first and pairs even then, so that a hall tablet behind the same NAT address as a guesser
 * is not locked out; the price is that a source over its limit still learns whether a guess was right. So its
 * guesses are bounded by the budgets instead: sources over their limit share 5 wrong codes a minute (then they
 * are refused unjudged for the rest of it), and the whole server allows 20 a minute, then refuses every pairing
 * for the rest of that minute ('pad-pairing-paused'). An 8-digit code lives 5 minutes, which spans at most 6 such
 * minutes: at most 120 wrong codes are tried while it lives, a chance of 1.2 in a million to hit it.
 */
export const PAD_PAIRING_ATTEMPTS: AttemptPolicy = { maxFailures: 10, windowMs: 15 * 60_000 };
export const PAD_PAIRING_OVER_LIMIT_BUDGET: AttemptPolicy = { maxFailures: 5, windowMs: 60_000 };
export const PAD_PAIRING_SERVER_BUDGET: AttemptPolicy = { maxFailures: 20, windowMs: 60_000 };
/** The one source the budgets count against. */
const EVERYONE = '*';
/** The largest body: an answer with a 500-character comment (3 bytes a character in UTF-8) and five reasons. */
export const PAD_BODY_LIMIT = 4 * 1024;
const DAY_MS = 24 * 60 * 60_000;
/** A tablet polls every 25 s: its last-seen time need not be written more than hourly. */
const TOUCH_AFTER_MS = 60 * 60_000;

const ulid = createUlidFactory((n) => randomBytes(n));
const idParams = z.object({ id: ulidSchema });
const afterQuery = z.object({ after: z.string().max(26).optional() });

const REFUSAL_MESSAGES: Record<PadRefusal, string> = {
  'pad-code-unknown': '配对码不正确。The pairing code is not right.',
  'pad-code-used': '配对码已被使用，请在窗口重新获取。This pairing code was used already; get a new one at the desk.',
  'pad-code-expired': '配对码已过期，请在窗口重新获取。This pairing code has expired; get a new one at the desk.',
  'pad-too-many-tablets': `此窗口已配对 ${PAD_MAX_TABLETS_PER_DESK} 台平板，请先解除一台。This desk has ${PAD_MAX_TABLETS_PER_DESK} tablets paired already; unpair one first.`,
  'pad-unpaired': '此平板的配对已解除或无效，请重新配对。This tablet is no longer paired; pair it again.',
  'pad-token-expired': `此平板超过 ${PAD_TOKEN_MAX_SILENCE_DAYS} 天未连接，请重新配对。This tablet was silent for over ${PAD_TOKEN_MAX_SILENCE_DAYS} days; pair it again.`,
  'pad-no-tablet': '此窗口没有配对的评价平板。This desk has no paired rating tablet.',
  'pad-request-closed': '此评价请求已结束。This rating request has ended.',
  'pad-request-unknown': '没有此评价请求。No such rating request.',
  'pad-pairing-paused':
    '近期错误配对码过多，服务器暂停配对，请稍后再试。Too many wrong pairing codes lately; pairing is paused, try again shortly.',
};

function refuse(reply: FastifyReply, status: number, code: PadRefusal): FastifyReply {
  return sendError(reply, status, code, REFUSAL_MESSAGES[code]);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The paired tablet this request speaks for: set by requireTablet before the body is read. */
    padTablet: PadTabletRow | null;
  }
}

function tabletSummary(row: PadTabletRow): PairedTablet {
  return { tabletId: row.tablet_id, label: row.label, pairedAt: row.paired_at, lastSeenAt: row.last_seen_at };
}

/** A pad token's tablet, paired, heard from lately, of a desk still enrolled; else 401 before the body is read. */
function requireTablet(db: Db): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const token = bearerToken(header(request, 'authorization'));
    const row = token ? await findTabletByTokenHash(db, hashDeviceToken(token)) : undefined;
    const now = Date.now();
    let refusal: PadRefusal | null = null;
    if (!row || row.unpaired_at !== null) refusal = 'pad-unpaired';
    else if (now - Date.parse(row.last_seen_at) > PAD_TOKEN_MAX_SILENCE_DAYS * DAY_MS) refusal = 'pad-token-expired';
    else {
      const desk = await findDevice(db, row.device_id);
      if (!desk || desk.revoked_at !== null) refusal = 'pad-unpaired';
    }
    if (refusal || !row) return refuse(refuseBeforeBody(reply), 401, refusal ?? 'pad-unpaired');
    if (now - Date.parse(row.last_seen_at) > TOUCH_AFTER_MS)
      await touchTablet(db, row.tablet_id, new Date(now).toISOString());
    request.padTablet = row;
    return undefined;
  };
}

function tabletOf(request: FastifyRequest): PadTabletRow {
  if (!request.padTablet) throw new Error(`${request.url}: route has no requireTablet hook`);
  return request.padTablet;
}

/** Paired tablets that still count: unpaired ones are not listed, silent ones expire. */
async function liveTablets(db: Db, deviceId: string): Promise<PadTabletRow[]> {
  const oldest = Date.now() - PAD_TOKEN_MAX_SILENCE_DAYS * DAY_MS;
  return (await listPairedTablets(db, deviceId)).filter((t) => Date.parse(t.last_seen_at) >= oldest);
}

export function registerPadRelay(app: FastifyInstance, db: Db): void {
  const relay = new PadRelayState();
  const perSource = new FailedAttempts(PAD_PAIRING_ATTEMPTS);
  const overLimit = new FailedAttempts(PAD_PAIRING_OVER_LIMIT_BUDGET);
  const server = new FailedAttempts(PAD_PAIRING_SERVER_BUDGET);
  app.decorateRequest('padTablet', null);
  // A poll held open must not keep the server from closing.
  app.addHook('preClose', async () => relay.releaseAll());
  const desk = { onRequest: requireDevice(db), bodyLimit: PAD_BODY_LIMIT };
  const tablet = { onRequest: requireTablet(db), bodyLimit: PAD_BODY_LIMIT };

  /** Held until something of the desk changes or the poll's time is up; false when the desk has too many. */
  async function hold(reply: FastifyReply, deviceId: string, changed: () => boolean): Promise<boolean> {
    const deadline = Date.now() + PAD_POLL_MAX_MS;
    let closed = false;
    let stop = () => {};
    // The client went away (a tablet switched off): its place among the desk's polls is freed at once.
    reply.raw.once('close', () => {
      closed = true;
      stop();
    });
    while (!changed() && !closed && !relay.closing && Date.now() < deadline) {
      const waiting = relay.wait(deviceId, deadline - Date.now(), (s) => (stop = s));
      if (waiting === false) return false;
      await waiting;
    }
    return true;
  }

  // --- The desk ---

  app.post('/pad/pairing-codes', desk, async (request) => {
    const deviceId = deviceOf(request).device_id;
    for (;;) {
      const code = String(randomInt(0, 10 ** PAD_PAIRING_CODE_LENGTH)).padStart(PAD_PAIRING_CODE_LENGTH, '0');
      const now = Date.now();
      const expiresAt = new Date(now + PAD_PAIRING_CODE_TTL_MS).toISOString();
      const fresh = await insertPairingCode(db, {
        codeHash: sha256Hex(code),
        deviceId,
        now: new Date(now).toISOString(),
        expiresAt,
      });
      if (fresh) {
        request.log.info({ deviceId, expiresAt }, 'pad pairing code issued');
        const issued: PadPairingCodeIssued = { code, expiresAt };
        return issued;
      }
    }
  });

  app.get('/pad/tablets', desk, async (request) => ({
    tablets: (await liveTablets(db, deviceOf(request).device_id)).map(tabletSummary),
  }));

  app.post('/pad/tablets/:id/unpair', desk, async (request, reply) => {
    const deviceId = deviceOf(request).device_id;
    const params = idParams.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'bad-request', describeIssues(params.error));
    if (!(await unpairTablet(db, deviceId, params.data.id, new Date().toISOString()))) {
      return refuse(reply, 404, 'pad-unpaired');
    }
    relay.kick(deviceId, params.data.id);
    request.log.info({ deviceId, tabletId: params.data.id }, 'pad tablet unpaired');
    return { tablets: (await liveTablets(db, deviceId)).map(tabletSummary) };
  });

  app.post('/pad/requests', desk, async (request, reply) => {
    const deviceId = deviceOf(request).device_id;
    const body = padRateRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
    if ((await liveTablets(db, deviceId)).length === 0) return refuse(reply, 409, 'pad-no-tablet');
    const { listening } = relay.post(deviceId, body.data);
    return { state: relay.state(deviceId, body.data.requestId), listening };
  });

  app.get('/pad/requests/:id', desk, async (request, reply) => {
    const deviceId = deviceOf(request).device_id;
    const params = idParams.safeParse(request.params);
    const query = afterQuery.safeParse(request.query);
    if (!params.success) return sendError(reply, 400, 'bad-request', describeIssues(params.error));
    if (!query.success) return sendError(reply, 400, 'bad-request', describeIssues(query.error));
    const { id } = params.data;
    const after = query.data.after;
    // Without `after` (or with a state that is not one) the state is answered at once.
    if (after && (PAD_REQUEST_STATES as readonly string[]).includes(after)) {
      const held = await hold(reply, deviceId, () => relay.state(deviceId, id) !== after);
      if (!held) return sendError(reply, 429, 'too-many-polls', '同时等待的请求过多。Too many polls at once.');
    }
    return { state: relay.state(deviceId, id) };
  });

  app.post('/pad/requests/:id/cancel', desk, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'bad-request', describeIssues(params.error));
    return { state: relay.cancel(deviceOf(request).device_id, params.data.id) };
  });

  app.post('/pad/requests/:id/collect', desk, async (request, reply) => {
    const deviceId = deviceOf(request).device_id;
    const params = idParams.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'bad-request', describeIssues(params.error));
    const answer = relay.collect(deviceId, params.data.id);
    if (!answer) return refuse(reply, 409, 'pad-request-closed');
    request.log.info({ deviceId, requestId: params.data.id }, 'pad answer collected');
    return { answer };
  });

  // --- The tablet ---

  /** 429 'pad-pairing-paused': the server's budget of wrong codes is spent; nothing was judged. */
  function paused(reply: FastifyReply): FastifyReply {
    const seconds = server.blockedFor(EVERYONE);
    const body: ErrorBody = {
      error: 'Too Many Requests',
      code: 'pad-pairing-paused',
      message: REFUSAL_MESSAGES['pad-pairing-paused'],
      retryAfterSeconds: seconds,
    };
    return reply.code(429).header('retry-after', String(seconds)).type('application/json; charset=utf-8').send(body);
  }

  // Anyone may try a code; while the server's budget is spent every pairing is answered before its body is read.
  const notPaused: onRequestAsyncHookHandler = async (request, reply) => {
    if (server.blockedFor(EVERYONE) === 0) return undefined;
    request.log.warn({ ip: request.ip }, 'pad pairing refused: paused server-wide after too many wrong codes');
    return paused(refuseBeforeBody(reply));
  };

  app.post('/pad/pair', { onRequest: notPaused, bodyLimit: 1024 }, async (request, reply) => {
    const body = padPairRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
    const source = addressGroup(request.ip);
    const sourceOverLimit = perSource.blockedFor(source) > 0;
    // Budgets are charged before the code is looked up (so a parallel burst is counted as it arrives) and refunded
    // when it was right; the source's own count only when it was wrong.
    if (sourceOverLimit && !overLimit.charge(EVERYONE)) {
      return sendTooManyAttempts(reply, perSource.blockedFor(source));
    }
    if (!server.charge(EVERYONE)) {
      if (sourceOverLimit) overLimit.refund(EVERYONE);
      request.log.warn({ ip: request.ip }, 'pad pairing paused server-wide: too many wrong codes');
      return paused(reply);
    }
    const token = newDeviceToken();
    const tabletId = ulid(Date.now());
    const result = await redeemPairingCode(db, sha256Hex(body.data.code), {
      tabletId,
      label: body.data.label,
      tokenHash: hashDeviceToken(token),
      now: new Date().toISOString(),
      maxTablets: PAD_MAX_TABLETS_PER_DESK,
    });
    // A right code for a full desk is no guess.
    if (result.ok || result.refusal === 'pad-too-many-tablets') {
      server.refund(EVERYONE);
      if (sourceOverLimit) overLimit.refund(EVERYONE);
    } else perSource.fail(source);
    if (!result.ok) {
      request.log.warn({ ip: request.ip, source, refusal: result.refusal }, 'pad pairing refused');
      if (result.refusal === 'pad-too-many-tablets') return refuse(reply, 409, result.refusal);
      // Wrong either way: a 429 to a source over its limit says only that, and when it may expect a 403 again.
      if (sourceOverLimit) return sendTooManyAttempts(reply, perSource.blockedFor(source));
      return refuse(reply, 403, result.refusal);
    }
    request.log.info({ deviceId: result.deviceId, tabletId }, 'pad tablet paired');
    const deskLabel = (await findDevice(db, result.deviceId))?.label ?? null;
    const paired: PadPaired = { tabletId, token, deskLabel };
    return paired;
  });

  app.get('/pad/tablet/request', tablet, async (request, reply) => {
    const row = tabletOf(request);
    const query = afterQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad-request', describeIssues(query.error));
    // Read before the poll is held: once held, the answer needs nothing of the database (which may be closing).
    const deskLabel = (await findDevice(db, row.device_id))?.label ?? null;
    const shown = () => relay.showFor(row.device_id)?.requestId ?? '';
    // `after`: the request the tablet shows now ('' for none); the poll returns when that is no longer so.
    if (query.data.after !== undefined) {
      const after = query.data.after;
      const held = await hold(reply, row.device_id, () => shown() !== after || relay.wasKicked(row.tablet_id));
      if (!held) return sendError(reply, 429, 'too-many-polls', '同时等待的请求过多。Too many polls at once.');
      if (relay.wasKicked(row.tablet_id)) return refuse(reply, 401, 'pad-unpaired');
    }
    const open = relay.showFor(row.device_id);
    const answer: PadTabletRequest = {
      request: open
        ? {
            requestId: open.requestId,
            staffName: open.staffName,
            staffTitle: open.staffTitle,
            departmentName: open.departmentName,
          }
        : null,
      deskLabel,
    };
    return answer;
  });

  app.post('/pad/tablet/requests/:id/answer', tablet, async (request, reply) => {
    const row = tabletOf(request);
    const params = idParams.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'bad-request', describeIssues(params.error));
    const body = padAnswerSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request', describeIssues(body.error));
    if (!relay.answer(row.device_id, params.data.id, body.data)) return refuse(reply, 409, 'pad-request-closed');
    request.log.info({ deviceId: row.device_id, tabletId: row.tablet_id, requestId: params.data.id }, 'pad answered');
    return { state: 'answered' as const };
  });
}
