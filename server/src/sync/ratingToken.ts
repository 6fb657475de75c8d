import { createHash } from 'node:crypto';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { parseRatingLink } from '../../../shared/rules/slips/ratingLink.ts';
import { deskCodeOf, parseSerial } from '../../../shared/rules/slips/serial.ts';
import type { RatingTokenEntry } from '../storage/ratingTokens.ts';

// 好差评 by QR (issue 13): which pushed slip.printed events carry a rating token HQ must know, and what it keeps of
// it. Pure but for the hash: the push stores the entry in the transaction that stores the event (http/push.ts).

/** SHA-256 (hex) of a rating token: what the server keeps and compares. */
export function hashRatingToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The rating token of a slip's first print, or null. Only a first print (reprint 0) whose QR link names that very
 * serial, and whose serial is the pushing desk's own (its desk code comes from the deviceId): a desk cannot claim
 * another desk's slip, nor register a link for a serial it never printed.
 */
export function ratingTokenOf(event: DeskEvent): RatingTokenEntry | null {
  if (event.type !== 'slip.printed' || event.payload.reprint !== 0) return null;
  const { serial, subject, content } = event.payload;
  const link = parseRatingLink(content.qr.payload);
  if (!link || link.serial !== serial) return null;
  if (parseSerial(serial)?.deskCode !== deskCodeOf(event.deviceId)) return null;
  return {
    serial,
    token_hash: hashRatingToken(link.token),
    slip_id: event.aggregateId,
    service_kind: subject.kind,
    service_id: subject.kind === 'case' ? subject.caseId : subject.contactId,
    rated_staff_id: event.staffId,
    issued_on: content.issuedOn,
    print_event_id: event.eventId,
  };
}
