import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import type { ErrorBody } from '../../../shared/sync/protocol.ts';
import { describeIssues } from '../sync/ingest.ts';

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
    default:
      return 'bad-request';
  }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Fastify answers 500 for a thrown ZodError by default; it is the client's input that was wrong.
    if (error instanceof ZodError) return sendError(reply, 400, 'bad-request', describeIssues(error));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ err: error }, 'client error');
      return sendError(reply, status, clientCode(error), error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, 'internal', 'The server failed to handle this request; the error has been logged.');
  });
}
