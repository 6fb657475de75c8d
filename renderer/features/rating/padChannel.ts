import { z } from 'zod';
import { contactIdSchema, staffIdSchema } from '../../../shared/model/ids.ts';
import { ratingLevelSchema } from '../../../shared/model/satisfaction.ts';

// The desk and its rating pad (评价器) are two windows of the same origin on the same machine: a second Electron
// window on the second display, or a second browser window on the desk PC. They talk over a BroadcastChannel, which
// never leaves the origin; the rating itself is written to the shared IndexedDB, so it works offline and syncs like
// every other event. Every message is parsed on arrival: whatever else posts on the channel changes nothing.

export const PAD_CHANNEL = 'firstdesk-rating-pad';

const requestId = z.string().min(1).max(64);

export const padMessageSchema = z.discriminatedUnion('kind', [
  /** desk → pad: rate this service. recorderStaffId is the clerk signed in at the desk (the event's author). */
  z.object({
    kind: z.literal('rate'),
    requestId,
    contactId: contactIdSchema,
    ratedStaffId: staffIdSchema,
    recorderStaffId: staffIdSchema,
  }),
  /** desk → pad: the clerk withdrew the request (nothing is recorded). */
  z.object({ kind: z.literal('cancel'), requestId }),
  /** pad → desk: the request is on the applicant's screen. */
  z.object({ kind: z.literal('showing'), requestId, contactId: contactIdSchema }),
  /** pad → desk: the service already has a rating (一次一评); nothing was shown. */
  z.object({ kind: z.literal('alreadyRated'), requestId, contactId: contactIdSchema }),
  /** pad → desk: recorded; level null = declined (未评). */
  z.object({ kind: z.literal('rated'), requestId, contactId: contactIdSchema, level: ratingLevelSchema.nullable() }),
  /** pad → desk: recording failed (the reason's i18n key), nothing stored. */
  z.object({ kind: z.literal('failed'), requestId, contactId: contactIdSchema, reason: z.string().max(200) }),
]);
export type PadMessage = z.infer<typeof padMessageSchema>;
export type RateRequest = Extract<PadMessage, { kind: 'rate' }>;

export interface PadChannel {
  post(message: PadMessage): void;
  /** Returns the unsubscribe. Only messages that parse reach the listener. */
  subscribe(listener: (message: PadMessage) => void): () => void;
  close(): void;
}

/** null where BroadcastChannel is missing (a very old browser): the desk then says the pad cannot be reached. */
export function openPadChannel(name: string = PAD_CHANNEL): PadChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(padMessageSchema.parse(message)),
    subscribe(listener) {
      const onMessage = (event: MessageEvent<unknown>) => {
        const parsed = padMessageSchema.safeParse(event.data);
        if (parsed.success) listener(parsed.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}
