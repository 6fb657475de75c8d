import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import type { ErrorBody } from '../../../shared/sync/protocol.ts';
import { databaseTrouble, type DatabaseTrouble, type TroubleReport } from '../storage/unavailable.ts';
import { describeIssues } from '../sync/ingest.ts';
import { JSON_TOO_DEEP_CODE } from './jsonBody.ts';

// Every 4xx/5xx answer has the shared errorBodySchema shape: `code` is stable for the desk to branch on,
// `message` is for a person. Server faults never leak their details to the client; they go to the log.

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  const body: ErrorBody = { error: STATUS_TEXT[status] ?? 'Error', code, message };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/**
 * A refusal answered before the body is read (onRequest). Node would otherwise read, and throw away, whatever
 * the client still sends to keep the connection alive: closing it stops an anonymous upload at once.
 */
export function refuseBeforeBody(reply: FastifyReply): FastifyReply {
  const { headers } = reply.request;
  const bodyPending = Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
  return bodyPending ? reply.header('connection', 'close') : reply;
}

/** 429: this source has failed too often at a secret (auth/attempts.ts); nothing was checked or stored. */
export function sendTooManyAttempts(reply: FastifyReply, seconds: number): FastifyReply {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const body: ErrorBody = {
    error: STATUS_TEXT[429]!,
    code: 'too-many-attempts',
    message: `尝试次数过多，请 ${minutes} 分钟后再试。Too many failed attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    retryAfterSeconds: seconds,
  };
  return reply.code(429).header('retry-after', String(seconds)).type('application/json; charset=utf-8').send(body);
}

/** How long a desk should wait before it tries again, by what is wrong with the database. */
export const RETRY_AFTER_SECONDS: Record<DatabaseTrouble, number> = { busy: 5, unreachable: 30, 'cannot-write': 60 };

const TROUBLE_MESSAGES: Record<DatabaseTrouble, string> = {
  busy: '服务器数据库繁忙，请稍后自动重试。The database is busy; try again shortly.',
  unreachable: '服务器暂时连不上数据库，请稍后自动重试。The server cannot reach its database; try again later.',
  'cannot-write':
    '服务器数据库暂时无法写入（如磁盘已满），请联系管理员。The database cannot store anything now (e.g. disk full); tell the administrator.',
};

/** 503 'db-unavailable' with Retry-After: the desk keeps its records and tries again after that long. */
export function sendDatabaseUnavailable(reply: FastifyReply, trouble: DatabaseTrouble): FastifyReply {
  const seconds = RETRY_AFTER_SECONDS[trouble];
  const body: ErrorBody = {
    error: STATUS_TEXT[503]!,
    code: 'db-unavailable',
    message: TROUBLE_MESSAGES[trouble],
    retryAfterSeconds: seconds,
  };
  return reply.code(503).header('retry-after', String(seconds)).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own codes (FST_ERR_CTP_INVALID_JSON …) mapped to short stable ones. */
function clientCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'invalid-json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body-too-large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported-media-type';
    case JSON_TOO_DEEP_CODE:
      return 'json-too-deep';
    default:
      return 'bad-request';
  }
}

/**
 * Every route's errors end here. `onTrouble` hears of each database trouble (for /healthz, http/health.ts).
 */
export function registerErrorHandler(app: FastifyInstance, onTrouble: (report: TroubleReport) => void): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Fastify answers 500 for a thrown ZodError by default; it is the client's input that was wrong.
    if (error instanceof ZodError) return sendError(reply, 400, 'bad-request', describeIssues(error));
    const trouble = databaseTrouble(error);
    if (trouble) {
      onTrouble(trouble);
      // The driver's own code and message, not a wrapper's: that is what the operator has to act on.
      request.log.error(
        { db: trouble, url: request.url.split('?', 1)[0] },
        `database unavailable: ${trouble.code} ${trouble.message}`,
      );
      return sendDatabaseUnavailable(reply, trouble.trouble);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ err: error }, 'client error');
      return sendError(reply, status, clientCode(error), error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, 'internal', 'The server failed to handle this request; the error has been logged.');
  });
}
