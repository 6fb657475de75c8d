// Pure: may this IPC caller use the desk bridge?
import { DESK_ORIGIN_PREFIX, parseDeskUrl } from './desk-origin.ts';

/** What main knows about the frame behind an IPC call (from `event.senderFrame` and `event.sender`). */
export interface SenderFacts {
  frameUrl: string;
  isMainFrame: boolean;
  webContentsId: number;
}

/**
 * Only the top frame of a window this app created, showing the desk itself, may call the bridge: an iframe, a
 * window we did not open, or a page that somehow navigated away are all refused. A missing frame (it navigated or
 * was destroyed while the call was in flight) is refused too.
 */
export function isTrustedSender(sender: SenderFacts | null, knownWebContentsIds: ReadonlySet<number>): boolean {
  if (sender === null) return false;
  return (
    sender.isMainFrame &&
    knownWebContentsIds.has(sender.webContentsId) &&
    sender.frameUrl.startsWith(DESK_ORIGIN_PREFIX) &&
    parseDeskUrl(sender.frameUrl) !== null
  );
}
