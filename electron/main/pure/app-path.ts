// Pure (no electron, no I/O): maps an app://desk/… request to a file inside the renderer build, or refuses it.
import path from 'node:path';
import { parseDeskUrl } from './desk-origin.ts';

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Returns the absolute file for `requestUrl` inside `rendererDir`, or null (→ 404) when the URL is not app://desk,
 * cannot be decoded, or would leave the renderer directory. `pathApi` lets tests check Windows paths on Linux.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string, pathApi: PathApi = path): string | null {
  const url = parseDeskUrl(requestUrl);
  if (url === null) return null;

  let pathname: string;
  try {
    // The URL parser already folded `..` segments; decoding can bring back `../` (from `..%2f`), checked below.
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // A NUL truncates paths in native code; a backslash is a separator on Windows. Neither occurs in a Vite build.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';

  const root = pathApi.resolve(rendererDir);
  const file = pathApi.resolve(root, `.${pathname}`);
  const relative = pathApi.relative(root, file);
  const outside =
    relative === '' || relative === '..' || relative.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(relative);
  return outside ? null : file;
}
