import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { CONTENT_SECURITY_POLICY, NOT_BUILT_MESSAGE } from '../../../server/src/http/static.ts';
import { BODY_LIMITS } from '../../../server/src/http/bodyLimits.ts';
import { SERVER_VERSION } from '../../../server/src/http/health.ts';
import { pullResponseSchema, pushResponseSchema } from '../../../shared/sync/protocol.ts';
import { makeOpenedBatch } from '../../fixtures/events.ts';
import { BACKENDS, pushBody, startServer, type TestServer } from './harness.ts';

const INDEX_HTML = '<!doctype html><html><head><title>首问台</title></head><body><div id="root"></div></body></html>';

describe.each(BACKENDS)('HQ server over HTTP on $name', (backend) => {
  let rendererDir: string;
  let server: TestServer;
  beforeAll(async () => {
    rendererDir = mkdtempSync(join(tmpdir(), 'firstdesk-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("desk")');
    server = await startServer(backend, { rendererDir });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  it('reports healthy after a real round-trip to the database', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: backend.dialect, version: SERVER_VERSION });
  });

  it('serves the built desk app at / with a strict content security policy', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers any page of the single-page app with index.html, but not a missing file or API path', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/cases/overdue?dept=x' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(INDEX_HTML);

    const asset = await server.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['content-security-policy']).toBeUndefined();

    const missingAsset = await server.app.inject({ method: 'GET', url: '/assets/gone-0000.js' });
    expect(missingAsset.statusCode).toBe(404);
    for (const url of ['/sync/nothing', '/admin/nothing', '/admin/devices/x/revoke', '/devices/enrol', '/devices/x']) {
      const unknownApi = await server.app.inject({ method: 'GET', url });
      expect(unknownApi.statusCode, url).toBe(404);
      expect(unknownApi.headers['content-type'], url).toMatch(/^application\/json/);
      expect(unknownApi.json()).toMatchObject({ code: 'not-found' });
    }
  });

  it('answers 404 in JSON, never the app page, for unknown /auth paths and paths with an empty or dot segment', async () => {
    const urls = [
      '/auth',
      '/auth/nothing',
      '/auth/sign-in/x',
      '//sync/pull',
      '//admin/devices',
      '//',
      '/cases//overdue',
    ];
    for (const method of ['GET', 'HEAD'] as const) {
      for (const url of urls) {
        // A whole URL, else inject reads `//sync/pull` as host `sync`, path `/pull`.
        const res = await server.app.inject({ method, url: `http://localhost${url}` });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.headers['content-type'], `${method} ${url}`).toMatch(/^application\/json/);
        if (method === 'GET') expect(res.json(), url).toMatchObject({ code: 'not-found' });
      }
    }
  });

  it('lets the Electron desk at app://desk call the API across origins', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/sync/push',
      headers: {
        origin: 'app://desk',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('app://desk');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    const allowed = String(preflight.headers['access-control-allow-headers']).toLowerCase();
    for (const header of ['content-type', 'authorization', 'x-device-id', 'x-staff-session']) {
      expect(allowed).toContain(header);
    }
    expect(allowed).not.toContain('x-admin-pin');
    // Staff sign-in and sign-out are called across origins too (issue 11).
    for (const url of ['/auth/sign-in', '/auth/sign-out']) {
      const res = await server.app.inject({
        method: 'OPTIONS',
        url,
        headers: { origin: 'app://desk', 'access-control-request-method': 'POST' },
      });
      expect(res.headers['access-control-allow-origin'], url).toBe('app://desk');
    }

    for (const url of ['/healthz', '/reference', '/sync/pull']) {
      const res = await server.app.inject({ method: 'GET', url, headers: { origin: 'app://desk' } });
      expect(res.headers['access-control-allow-origin'], url).toBe('app://desk');
    }
  });

  it('lets no other origin call the API', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/sync/push',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const res = await server.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a push body over the size limit with 413', async () => {
    const desk = await server.device();
    const res = await server.pushRaw(
      `{"deviceId":"${'x'.repeat(BODY_LIMITS.push)}"}`,
      'application/json',
      server.authHeaders(desk),
    );
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: 'body-too-large' });
  });

  it('syncs over a real socket with fetch', async () => {
    const listening = await startServer(backend);
    try {
      const base = await listening.app.listen({ port: 0, host: '127.0.0.1' });
      const desk = await listening.device();
      const events = makeOpenedBatch({ deviceId: desk, staffId: DEMO_STAFF.windowLead }, 1, 10);
      const pushed = await fetch(`${base}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'app://desk', ...listening.authHeaders(desk) },
        body: JSON.stringify(pushBody(desk, events)),
      });
      expect(pushed.status).toBe(200);
      expect(pushed.headers.get('access-control-allow-origin')).toBe('app://desk');
      expect(pushResponseSchema.parse(await pushed.json())).toMatchObject({ stored: 10, ackedSeq: 10 });

      const pull = await fetch(`${base}/sync/pull?cursor=0&limit=2000`, { headers: listening.authHeaders(desk) });
      // The register in no HTTP cache (http/noStore.ts): a browser desk on a shared PC keeps none of it there.
      expect(pull.headers.get('cache-control')).toBe('no-store');
      const pulled = pullResponseSchema.parse(await pull.json());
      expect(pulled.events.map((e) => e.event)).toEqual(events);
    } finally {
      await listening.stop();
    }
  });
});

describe('HQ server without a built desk app', () => {
  it('answers / with 503 and says how to build it', async () => {
    const server = await startServer(BACKENDS[0]!);
    try {
      const res = await server.app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).toBe(NOT_BUILT_MESSAGE);
      expect(res.body).toContain('npm run build');
      expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
