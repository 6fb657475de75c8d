import type { FastifyInstance } from 'fastify';

/**
 * Deepest nesting of arrays and objects a body may have. The deepest legitimate body, a push of an admin event
 * (body → events → event → payload → … ), is 12 levels (tests/unit/server/http/jsonBody.test.ts measures it from
 * the schemas); a hostile `[[[[…]]]]` of millions of levels is refused before JSON.parse builds it.
 */
export const MAX_JSON_DEPTH = 16;

/** Whether `text` nests arrays/objects deeper than `max`: one pass over the characters, strings skipped. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: to its closing quote, stepping over escapes (\" and \\).
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Fastify-style error code, mapped to the client code 'json-too-deep' in errors.ts. */
export const JSON_TOO_DEEP_CODE = 'FD_JSON_TOO_DEEP';

class JsonTooDeepError extends Error {
  readonly statusCode = 400;
  readonly code = JSON_TOO_DEEP_CODE;
  constructor() {
    super(`JSON 嵌套层数超过 ${MAX_JSON_DEPTH}，已拒绝。JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused.`);
  }
}

/**
 * Fastify's own JSON parser (with its __proto__/constructor poisoning checks), behind a depth check. The body
 * limit of the route still applies first: Fastify stops reading at it.
 */
export function registerJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body); // parseAs: 'string'
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(new JsonTooDeepError(), undefined);
      return;
    }
    parse(request, text, done);
  });
}
