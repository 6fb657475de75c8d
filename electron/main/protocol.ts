// Main process. Serves the bundled renderer over app://desk instead of file://, so the page gets a real origin
// (IndexedDB, Web Locks, a CSP) and can reach no file outside dist/renderer.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAppPath } from './pure/app-path.ts';
import { DESK_SCHEME } from './pure/desk-origin.ts';
import { contentTypeFor, isHtml } from './pure/mime.ts';

const MISSING_FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** Must run before app 'ready': a standard, secure scheme gets an origin, a secure context and fetch(). */
export function registerDeskScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: DESK_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function readRendererFile(file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return Uint8Array.from(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined && MISSING_FILE_CODES.has(code)) return null;
    throw error;
  }
}

/** After 'ready'. `currentCsp` is read per page, so a changed HQ server address applies from the next load. */
export function serveRenderer(rendererDir: string, currentCsp: () => string): void {
  protocol.handle(DESK_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method Not Allowed');
    const file = resolveAppPath(rendererDir, request.url);
    if (file === null) return plainResponse(404, 'Not Found');
    const body = await readRendererFile(file);
    if (body === null) return plainResponse(404, 'Not Found');

    const contentType = contentTypeFor(file);
    const headers = new Headers({
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    if (isHtml(contentType)) headers.set('Content-Security-Policy', currentCsp());
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  });
}
