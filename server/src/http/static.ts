import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.ts';

// Serves the built desk app (a desk in any browser, DESIGN.md "HQ server") with a strict CSP: the desk
// never needs inline script, eval, or another origin; Mantine injects styles, hence 'unsafe-inline' for style.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const NOT_BUILT_MESSAGE =
  'The FirstDesk desk app has not been built: run `npm run build` in the repository, then restart the server.';

// The API's own paths: a GET there that matches no route is a 404 in JSON, never the desk app's page.
// The public site (/public, issue 16) and the catalog's uploads are HQ's own pages and API, never the desk app.
const API_PREFIXES = [
  '/sync/',
  '/reference',
  '/healthz',
  '/api/',
  '/admin/',
  '/devices/',
  '/auth/',
  '/catalog/',
  '/public/',
];
// An empty or dot segment (`//sync/pull`, `/./admin/x`): no page of the app has one, and a proxy or client that
// collapses it would reach the API, so it is never answered with the app.
const ODD_SEGMENT = /\/\/|\/\.\.?(\/|$)/;

/** Paths a browser navigates to inside the single-page app; never the API, never a file (an asset 404s). */
function isAppRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?', 1)[0] ?? '/';
  if (ODD_SEGMENT.test(path)) return false;
  if (API_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p))) return false;
  return !(path.split('/').at(-1) ?? '').includes('.');
}

function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      reply.header('X-Frame-Options', 'DENY');
      reply.header('Referrer-Policy', 'no-referrer');
    }
    return payload;
  });
}

/** `//sync/pull` and the like: the static files' route would answer 403 (an alias), the not-found handler 404. */
function registerOddPathRefusal(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return; // no route of another method matches them
    const path = request.url.split('?', 1)[0] ?? '/';
    if (ODD_SEGMENT.test(path)) return sendError(reply, 404, 'not-found', `No route for ${request.method} ${path}`);
  });
}

export async function registerDeskApp(app: FastifyInstance, rendererDir: string): Promise<void> {
  registerSecurityHeaders(app);
  registerOddPathRefusal(app);
  const built = existsSync(join(rendererDir, 'index.html'));
  if (!built) app.log.warn({ rendererDir }, 'desk app not built: / answers 503');

  const serveApp = (reply: FastifyReply) =>
    built
      ? reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false })
      : reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT_MESSAGE);

  if (built) {
    await app.register(fastifyStatic, {
      root: rendererDir,
      index: false, // `/` goes through serveApp so it gets the same headers as every app route
      setHeaders: (reply, path) => {
        // Vite names assets by content hash: they never change, so caches may keep them for good.
        if (path.includes(join(rendererDir, 'assets'))) {
          reply.header('Cache-Control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }
  app.get('/', async (_request, reply) => serveApp(reply));

  app.setNotFoundHandler(async (request, reply) => {
    if (isAppRoute(request)) return serveApp(reply);
    return sendError(reply, 404, 'not-found', `No route for ${request.method} ${request.url.split('?', 1)[0]}`);
  });
}
