import { createHash } from 'node:crypto';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { SlipSubject } from '../../../shared/model/slipEvents.ts';
import { parseRatingLink } from '../../../shared/rules/slips/ratingLink.ts';
import { deskCodeOf, parseSerial } from '../../../shared/rules/slips/serial.ts';

// 好差评 by QR (issue 13): which pushed slip.printed events name a rating token HQ must know. Pure but for the hash:
// the push registers it in the transaction that stores the event (storage/ratingTokens.ts admitRatingToken).

/** SHA-256 (hex) of a rating token: what the server keeps and compares. */
export function hashRatingToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const SHA256_HEX_RE = /^[0-9a-f]{64}$/;

export interface RatingPrint {
  readonly serial: string;
  readonly tokenHash: string;
  readonly slipId: string;
  readonly subject: SlipSubject;
  readonly reprint: number;
  readonly issuedOn: string;
  readonly printEventId: string;
}

/**
 * The rating token hash one print of a slip names, or null. A print carries only the token's SHA-256
 * (`ratingTokenSha256`): the token stays on the printing desk, never in the synced log. A first print counts only
 * for a serial of the pushing desk's own code (a desk cannot claim another desk's slip); a reprint, which any desk
 * may make (补打), counts only for a slip HQ already registered (checked at admit). A first print of an older desk
 * that still put the token in its QR link is registered from the link, so its slips stay ratable.
 */
export function ratingPrintOf(event: DeskEvent): RatingPrint | null {
  if (event.type !== 'slip.printed') return null;
  const { serial, subject, content, reprint, ratingTokenSha256 } = event.payload;
  let tokenHash = ratingTokenSha256;
  if (tokenHash === undefined && reprint === 0) {
    const link = parseRatingLink(content.qr.payload);
    if (link && link.serial === serial) tokenHash = hashRatingToken(link.token);
  }
  if (!tokenHash || !SHA256_HEX_RE.test(tokenHash)) return null;
  if (reprint === 0 && parseSerial(serial)?.deskCode !== deskCodeOf(event.deviceId)) return null;
  return {
    serial,
    tokenHash,
    slipId: event.aggregateId,
    subject,
    reprint,
    issuedOn: content.issuedOn,
    printEventId: event.eventId,
  };
}
