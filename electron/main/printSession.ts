// Main process. The session of the hidden window slips are printed from: every request but the slip's own data:
// document is cancelled, and every permission refused, whatever the printed HTML asks for.
import { session, type Session } from 'electron';
import { isSlipPrintRequestAllowed, SLIP_PRINT_PARTITION } from './pure/print.ts';

let guarded: Session | undefined;

/** After 'ready'. The guard is installed once, before the first print window can load anything. */
export function slipPrintSession(): Session {
  if (guarded) return guarded;
  const slipSession = session.fromPartition(SLIP_PRINT_PARTITION);
  slipSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isSlipPrintRequestAllowed(details.url) }),
  );
  slipSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  slipSession.setPermissionCheckHandler(() => false);
  guarded = slipSession;
  return slipSession;
}
