// Pure: the Content-Security-Policy sent with every HTML page of app://desk.

/** Reduces an http(s) address to its origin, so nothing but scheme, host and port can reach the policy. */
function httpOrigin(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The HQ server address must be http(s), got ${url.protocol}`);
  }
  return url.origin;
}

/** The desk talks to itself and to the HQ server only; no inline script, plugins, forms or framing. */
export function buildCsp(serverUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // MantineProvider injects a <style> element with its CSS variables at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${httpOrigin(serverUrl)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
