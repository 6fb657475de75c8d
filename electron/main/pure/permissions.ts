// Pure: which browser permissions a desk page gets. Everything is refused except reaching the network the HQ
// server is on: since Chromium's Local Network Access (enforced from Electron 43), a fetch from a page that is
// not itself on the local network — app://desk is not — to a private or loopback address needs a permission, and
// without it sync would fail with a bare "network error". Where the page may connect is still limited by the CSP
// (connect-src: itself and the configured HQ server).
import { parseDeskUrl } from './desk-origin.ts';

/** The Local Network Access permission, under its first name and the two it was later split into. */
const NETWORK_REACH = new Set(['local-network-access', 'local-network', 'loopback-network']);

export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return NETWORK_REACH.has(permission) && parseDeskUrl(requestingUrl) !== null;
}
