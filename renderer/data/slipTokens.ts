import type { SlipContent } from '../../shared/model/slip.ts';
import { needsRatingToken, newRatingToken, withRatingToken } from '../../shared/rules/slips/ratingLink.ts';
import type { DeskDb, SlipTokenRow } from './db.ts';

// 好差评 by QR (issue 13): the token of a slip's rating link lives only on the desk that printed it (its slipTokens
// table, never synced), so no other desk can read a link to rate a colleague's service from its log. Each desk that
// prints a slip has its own token (a reprint elsewhere, 补打, makes one there and tells HQ its hash); a reprint on
// the same desk prints the same link again.

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * This desk's token for the slip if it has one, else a new one (not yet stored). Made before the print's
 * transaction: hashing waits on Web Crypto, which a Dexie transaction cannot span.
 */
export async function tokenForPrint(db: DeskDb, slipId: string | undefined): Promise<SlipTokenRow> {
  const kept = slipId === undefined ? undefined : await db.slipTokens.get(slipId);
  if (kept) return kept;
  const token = newRatingToken();
  return { slipId: slipId ?? '', token, tokenSha256: await sha256Hex(token) };
}

/**
 * Inside the print's transaction: the token this print uses, kept for the slip (a token another print here kept
 * meanwhile wins, so this desk's reprints all show one link).
 */
export async function keepToken(db: DeskDb, slipId: string, made: SlipTokenRow): Promise<SlipTokenRow> {
  const kept = await db.slipTokens.get(slipId);
  if (kept) return kept;
  const row = { ...made, slipId };
  await db.slipTokens.put(row);
  return row;
}

/** Whether a slip's content names a rating link the print must complete with a token. */
export function contentNeedsToken(content: SlipContent): boolean {
  return needsRatingToken(content.qr.payload, content.serial);
}

/** The content as printed: its QR link with this print's token. Content without a rating link is printed as is. */
export function printedContent(content: SlipContent, token: string): SlipContent {
  if (!contentNeedsToken(content)) return content;
  return { ...content, qr: { ...content.qr, payload: withRatingToken(content.qr.payload, content.serial, token) } };
}

/** The content as this desk would print it now (a preview): with its own token when it has one. */
export async function printableContent(db: DeskDb, slipId: string, content: SlipContent): Promise<SlipContent> {
  if (!contentNeedsToken(content)) return content;
  return printedContent(content, (await tokenForPrint(db, slipId)).token);
}
