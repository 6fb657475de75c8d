import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// The Electron desk loads its pages from the custom protocol app://desk and calls this server with fetch,
// which makes every call cross-origin. Only that origin is let in, only on the API the desk uses.
// A desk opened in a browser from this server is same-origin and needs none of this.
export const DESK_ORIGIN = 'app://desk';
// Routes as Fastify declares them (for the preflight handlers) and as a request path matches them.
const CORS_ROUTES = [
  '/sync/push',
  '/sync/pull',
  '/reference',
  '/healthz',
  '/devices/enrol',
  '/auth/sign-in',
  '/auth/sign-out',
  '/admin/enrolment-codes',
  '/admin/devices',
  '/admin/devices/:id/revoke',
  '/catalog/files', // an administrator uploads a service guide's form (http/catalogFiles.ts)
  '/catalog/files/:hash', // … and opens a draft's form before approving it (CATALOG_FILE_ROUTE)
  // The desk's side of the rating tablet relay (http/padRelay.ts); the tablet itself is served by HQ (same origin).
  '/pad/pairing-codes',
  '/pad/tablets',
  '/pad/tablets/:id/unpair',
  '/pad/requests',
  '/pad/requests/:id',
  '/pad/requests/:id/cancel',
  '/pad/requests/:id/collect',
];
const CORS_PATTERNS = CORS_ROUTES.map((route) => new RegExp(`^${route.replace(/:[a-z]+/g, '[^/]+')}$`));
// Authorization + X-Device-Id: the device's proof (every sync call); X-Staff-Session: the signed-in person's
// (sign-out and admin calls, issue 11); X-File-Name: an uploaded form's name (issue 16).
const ALLOWED_HEADERS = ['Content-Type', 'Authorization', 'X-Device-Id', 'X-Staff-Session', 'X-File-Name'];
const PREFLIGHT_MAX_AGE_S = 600;

function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? '';
}

function isCorsPath(request: FastifyRequest): boolean {
  const path = pathOf(request);
  return CORS_PATTERNS.some((pattern) => pattern.test(path));
}

function allowOrigin(request: FastifyRequest, reply: FastifyReply): boolean {
  reply.header('Vary', 'Origin'); // caches must not hand one origin's answer to another
  if (request.headers.origin !== DESK_ORIGIN) return false;
  reply.header('Access-Control-Allow-Origin', DESK_ORIGIN);
  return true;
}

export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS' && isCorsPath(request)) allowOrigin(request, reply);
  });

  // Preflight: a POST with content-type application/json is not a "simple" request, so the browser asks first.
  // Another origin gets a 204 without the allow headers, and the browser refuses the call.
  for (const url of CORS_ROUTES) {
    app.options(url, async (request, reply) => {
      if (allowOrigin(request, reply)) {
        reply
          .header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
          .header('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '))
          .header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
      }
      return reply.code(204).send();
    });
  }
}
