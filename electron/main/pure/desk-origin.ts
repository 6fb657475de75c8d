// Pure (no electron, no I/O): where the desk lives and which URLs belong to it.

/** The privileged custom scheme that serves the bundled renderer, instead of file:// (which would expose the disk). */
export const DESK_SCHEME = 'app';
export const DESK_HOST = 'desk';
export const DESK_ORIGIN_PREFIX = `${DESK_SCHEME}://${DESK_HOST}/`;
export const DESK_ENTRY_URL = `${DESK_ORIGIN_PREFIX}index.html`;

/** Parses `raw` and returns it only when it is an app://desk/… URL with no port or credentials. */
export function parseDeskUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // Node keeps the case of a non-special scheme's host while Chromium lowercases it: compare lowercased.
  const isDesk =
    url.protocol === `${DESK_SCHEME}:` &&
    url.hostname.toLowerCase() === DESK_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === '';
  return isDesk ? url : null;
}

/** A window may only ever show the desk itself; every other destination (web, file://, other schemes) is refused. */
export function isAllowedNavigation(url: string): boolean {
  return parseDeskUrl(url) !== null;
}
