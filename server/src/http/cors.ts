import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// The Electron desk loads its pages from the custom protocol app://desk and calls this server with fetch,
// which makes every call cross-origin. Only that origin is let in, only on the API the desk uses.
// A desk opened in a browser from this server is same-origin and needs none of this.
export const DESK_ORIGIN = 'app://desk';
const CORS_PATHS = ['/sync/push', '/sync/pull', '/reference', '/healthz'];
const PREFLIGHT_MAX_AGE_S = 600;

function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? '';
}

function allowOrigin(request: FastifyRequest, reply: FastifyReply): boolean {
  reply.header('Vary', 'Origin'); // caches must not hand one origin's answer to another
  if (request.headers.origin !== DESK_ORIGIN) return false;
  reply.header('Access-Control-Allow-Origin', DESK_ORIGIN);
  return true;
}

export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS' && CORS_PATHS.includes(pathOf(request))) allowOrigin(request, reply);
  });

  // Preflight: a POST with content-type application/json is not a "simple" request, so the browser asks first.
  // Another origin gets a 204 without the allow headers, and the browser refuses the call.
  for (const url of CORS_PATHS) {
    app.options(url, async (request, reply) => {
      if (allowOrigin(request, reply)) {
        reply
          .header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
          .header('Access-Control-Allow-Headers', 'Content-Type, Authorization')
          .header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
      }
      return reply.code(204).send();
    });
  }
}
