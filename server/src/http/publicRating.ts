import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deskEventSchema } from '../../../shared/model/events.ts';
import { APPLICANT_STAFF_ID, HQ_RATING_DEVICE_ID } from '../../../shared/model/hqAuthor.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { RATING_EVENT_VERSIONS, ratingGivenPayload } from '../../../shared/model/ratingEvents.ts';
import {
  LOW_RATING_REASONS,
  RATING_LEVELS,
  type LowRatingReason,
  type RatingLevel,
} from '../../../shared/model/satisfaction.ts';
import { SERIAL_RE, slipKindSchema } from '../../../shared/model/slip.ts';
import { enSlips } from '../../../shared/i18n/en.slips.ts';
import { zhCNSlips } from '../../../shared/i18n/zh-CN.slips.ts';
import { RATING_TOKEN_RE } from '../../../shared/rules/slips/ratingLink.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { FailedAttempts, type AttemptPolicy } from '../auth/attempts.ts';
import type { Db } from '../storage/db.ts';
import {
  findRatingToken,
  printHashes,
  readEventPayload,
  serviceRated,
  storeQrRating,
  type SlipRatingTokensTable,
} from '../storage/ratingTokens.ts';
import { currentReferenceDocs } from '../storage/referenceSnapshot.ts';
import { hashRatingToken } from '../sync/ratingToken.ts';
import {
  messagePage,
  PAGE_CSP,
  pageLang,
  ratingFormPage,
  reasonsApply,
  wordsOf,
  type FormError,
  type PageLang,
  type RatingChoice,
  type SlipShown,
} from './publicRatingPage.ts';

// 好差评 by a slip's QR code (issue 13 item 4): GET /r/:serial/:token shows the rating form, POST stores the
// applicant's rating as HQ's rating.given event (source 'qr'), in the same log and sequence every desk pulls.
// No sign-in: the token in the link is the only key, compared by its hash in constant time. An unknown serial and
// a wrong token get the same page, so the page tells a guesser nothing. Everything shown comes from HQ's own
// settings, catalog and directory, never from the desk's text: the page is on HQ's domain.

/**
 * Two budgets. Per client address, only wrong links count (a hall's guest Wi-Fi is one address for every applicant
 * in it, each with a right link); per slip, the requests of its right link, generously (a person rating needs a
 * handful; a link passed around cannot load the server).
 */
export const PUBLIC_RATING_LIMITS: { readonly guesses: AttemptPolicy; readonly perSlip: AttemptPolicy } = {
  guesses: { maxFailures: 30, windowMs: 60_000 },
  perSlip: { maxFailures: 60, windowMs: 60_000 },
};

/**
 * The form: a level, at most every reason once, and a comment of LIMITS.note characters (3 bytes each in UTF-8,
 * 9 once percent-encoded). Anything larger is no form of this page.
 */
export const PUBLIC_RATING_BODY_LIMIT = 8 * 1024;

const ulid = createUlidFactory((n) => randomBytes(n));

type Params = { serial: string; token: string };

/**
 * The page's own CSP (no script at all, only its style) over the desk app's, which the server sets on every HTML
 * answer (http/static.ts): a route's onSend runs after the instance's.
 */
const ownCsp = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
  reply.header('content-security-policy', PAGE_CSP);
  return payload;
};

/** The log names the route, never the link: the token in it is the key to rate the slip. */
const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: '/r/…', remoteAddress: req.ip }),
};

function send(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store')
    .send(html);
}

function sendInvalid(reply: FastifyReply, lang: PageLang): FastifyReply {
  const w = wordsOf(lang);
  return send(reply, 404, messagePage(lang, w.invalid, w.invalidHint));
}

/** Constant time over the hashes, so the time taken says nothing about how much of a guess was right. */
function sameToken(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashRatingToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The slip's row when the link is right (the token of any of its prints); undefined for every wrong link alike. */
async function tokenOf(db: Db, params: Params): Promise<SlipRatingTokensTable | undefined> {
  if (!SERIAL_RE.test(params.serial) || !RATING_TOKEN_RE.test(params.token)) return undefined;
  const row = await findRatingToken(db, params.serial);
  if (!row) return undefined;
  // Every hash compared, so the time taken does not say which print's token was near.
  const matches = (await printHashes(db, params.serial)).map((hash) => sameToken(params.token, hash));
  return matches.includes(true) ? row : undefined;
}

/**
 * What the page shows, all from HQ: the bureau's name from its settings, the slip's kind as a fixed label, the
 * item from the catalog, who served from the directory. The desk's free text (title, names) is never shown.
 */
async function slipShown(db: Db, row: SlipRatingTokensTable, lang: PageLang): Promise<SlipShown | undefined> {
  const docs = await currentReferenceDocs(db);
  const settings = docs.find((d) => d.kind === 'settings');
  const staff = docs.find((d) => d.kind === 'staff' && d.id === row.rated_staff_id);
  const item = row.item_id ? docs.find((d) => d.kind === 'serviceItem' && d.id === row.item_id) : undefined;
  const payload = (await readEventPayload(db, row.print_event_id)) as { content?: { kind?: unknown } } | undefined;
  const kind = slipKindSchema.safeParse(payload?.content?.kind);
  if (settings?.kind !== 'settings' || staff?.kind !== 'staff' || !kind.success) return undefined;
  return {
    bureauName: settings.body.bureauName,
    title: (lang === 'en' ? enSlips : zhCNSlips).kinds[kind.data],
    item: item?.kind === 'serviceItem' ? item.body.name : undefined,
    staffName: staff.body.name,
  };
}

/** Rated already: this slip, or the same service through another slip (一次一评). */
const isRated = async (db: Db, row: SlipRatingTokensTable) =>
  row.rated_event_id !== null || (await serviceRated(db, row.service_kind, row.service_id));

/** The form as posted, read leniently (what a browser sends), then judged by the shared schema. */
function readChoice(body: unknown): RatingChoice {
  const form = body instanceof URLSearchParams ? body : new URLSearchParams();
  const level = form.get('level');
  const reasons = form
    .getAll('reason')
    .filter((r): r is LowRatingReason => (LOW_RATING_REASONS as readonly string[]).includes(r));
  return {
    level: (RATING_LEVELS as readonly string[]).includes(level ?? '') ? (level as RatingLevel) : undefined,
    reasons: [...new Set(reasons)],
    // A browser sends a textarea's line breaks as CR LF; the log keeps LF (a CR is a control character there).
    comment: (form.get('comment') ?? '').slice(0, LIMITS.note * 2).replace(/\r\n?/g, '\n'),
  };
}

function formError(choice: RatingChoice): FormError | null {
  if (!choice.level) return 'levelRequired';
  if (choice.comment.trim().length > LIMITS.note) return 'commentTooLong';
  return null;
}

export function registerPublicRating(
  app: FastifyInstance,
  db: Db,
  limits: typeof PUBLIC_RATING_LIMITS = PUBLIC_RATING_LIMITS,
): void {
  const guesses = new FailedAttempts(limits.guesses);
  const perSlip = new FailedAttempts(limits.perSlip);

  const tooMany = (request: FastifyRequest, reply: FastifyReply, seconds: number) => {
    const lang = pageLang(request.query);
    reply.header('retry-after', String(Math.max(1, seconds)));
    return send(
      reply,
      429,
      messagePage(lang, wordsOf(lang).tooMany.replace('{{seconds}}', String(Math.max(1, seconds)))),
    );
  };

  // Every request is charged to its address before it waits on anything (a burst of guesses is counted as it
  // arrives), and refunded once its link proved right: only wrong links use up an address's budget.
  const throttle = async (request: FastifyRequest, reply: FastifyReply) => {
    if (guesses.charge(request.ip)) return;
    return tooMany(request, reply, guesses.blockedFor(request.ip));
  };

  /** The slip's row for a right link, the address refunded and the slip charged; a reply sent otherwise. */
  const rightLink = async (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    lang: PageLang,
  ): Promise<{ row: SlipRatingTokensTable; shown: SlipShown } | FastifyReply> => {
    const row = await tokenOf(db, request.params);
    const shown = row && (await slipShown(db, row, lang));
    if (!row || !shown) return sendInvalid(reply, lang);
    guesses.refund(request.ip);
    if (!perSlip.charge(row.serial)) return tooMany(request, reply, perSlip.blockedFor(row.serial));
    return { row, shown };
  };

  void app.register(async (scope) => {
    // A browser's form post; only in this scope, so no other route takes a form.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: PUBLIC_RATING_BODY_LIMIT },
      (_request, body, done) => done(null, new URLSearchParams(String(body))),
    );

    scope.get<{ Params: Params }>(
      '/r/:serial/:token',
      { logSerializers, onRequest: throttle, onSend: ownCsp },
      async (request, reply) => {
        const lang = pageLang(request.query);
        const found = await rightLink(request, reply, lang);
        if (!('row' in found)) return found;
        const { row, shown } = found;
        if (await isRated(db, row)) return send(reply, 200, messagePage(lang, wordsOf(lang).alreadyRated));
        return send(reply, 200, ratingFormPage(lang, shown));
      },
    );

    scope.post<{ Params: Params }>(
      '/r/:serial/:token',
      { logSerializers, onRequest: throttle, onSend: ownCsp, bodyLimit: PUBLIC_RATING_BODY_LIMIT },
      async (request, reply) => {
        const lang = pageLang(request.query);
        const w = wordsOf(lang);
        const found = await rightLink(request, reply, lang);
        if (!('row' in found)) return found;
        const { row, shown } = found;
        if (await isRated(db, row)) return send(reply, 200, messagePage(lang, w.alreadyRated));

        const choice = readChoice(request.body);
        const problem = formError(choice);
        const level = choice.level;
        if (problem || !level) {
          // A form sent without a level is the applicant's slip of the finger, not a use of the slip's budget.
          perSlip.refund(row.serial);
          return send(reply, 400, ratingFormPage(lang, shown, choice, problem ?? 'levelRequired'));
        }
        const payload = ratingGivenPayload.safeParse({
          service: { kind: row.service_kind, id: row.service_id },
          ratedStaffId: row.rated_staff_id,
          source: 'qr',
          level,
          reasons: reasonsApply(level) ? choice.reasons : [],
          comment: choice.comment,
        });
        if (!payload.success) {
          const onComment = payload.error.issues.some((i) => i.path[0] === 'comment');
          if (onComment) {
            perSlip.refund(row.serial);
            return send(reply, 400, ratingFormPage(lang, shown, choice, 'commentInvalid'));
          }
          throw new Error(`the QR rating of ${row.serial} does not fit the rating schema: ${payload.error.message}`);
        }

        const now = Date.now();
        const receivedAt = new Date(now).toISOString();
        const outcome = await storeQrRating(db, row.serial, receivedAt, (seq) =>
          // The shared schema judges HQ's own event like any desk's: what every desk will pull must parse there.
          deskEventSchema.parse({
            eventId: ulid(now),
            aggregate: 'rating',
            aggregateId: row.serial,
            type: 'rating.given',
            v: RATING_EVENT_VERSIONS['rating.given'],
            hlc: formatHlc({ ms: now, counter: 0, node: HQ_RATING_DEVICE_ID }),
            deviceId: HQ_RATING_DEVICE_ID,
            // HQ's page numbers its events by their commit seq: unique and rising, as a deviceSeq must be.
            deviceSeq: seq,
            staffId: APPLICANT_STAFF_ID,
            occurredAt: receivedAt,
            payload: payload.data,
          }),
        );
        if (outcome === 'already-rated') return send(reply, 200, messagePage(lang, w.alreadyRated));
        if (outcome === 'unknown-slip') return sendInvalid(reply, lang);
        request.log.info({ rating: 'qr' }, 'public rating stored');
        return send(reply, 200, messagePage(lang, w.thanks, reasonsApply(level) ? w.thanksLow : undefined));
      },
    );

    // Any other address under /r/ (a link cut short, a slash too many) gets the same neutral page, and is logged
    // without its path too: it may still hold a token.
    scope.all('/r/*', { logSerializers, onRequest: throttle, onSend: ownCsp }, async (request, reply) =>
      sendInvalid(reply, pageLang(request.query)),
    );
  });
}
