import { serviceItemIdSchema } from '../../model/catalog.ts';
import { publicRatingBaseSchema } from '../slips/ratingLink.ts';

// 公开承诺 (issue 16 item 3): HQ's public site, without sign-in, under `${publicRatingBase}/public` (the same public
// address the rating QR codes use: settings.publicRatingBase). The paths are fixed here once, for the server's
// routes, the leaflets' and slips' QR codes and the tests.

export const PUBLIC_SITE_PATH = '/public';

/** The path of an item's current guide, or of one published version of it. */
export function guidePath(itemId: string, rev?: number): string {
  if (!serviceItemIdSchema.safeParse(itemId).success) throw new Error(`not a service item id: ${itemId}`);
  if (rev !== undefined && (!Number.isInteger(rev) || rev < 1)) throw new Error(`not a version: ${rev}`);
  return rev === undefined ? `${PUBLIC_SITE_PATH}/items/${itemId}` : `${PUBLIC_SITE_PATH}/items/${itemId}/v/${rev}`;
}

/** The path of an attached form on the public site (served only once a published version names it). */
export function guideFilePath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 in hex');
  return `${PUBLIC_SITE_PATH}/files/${sha256}`;
}

function trimmedBase(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  if (!publicRatingBaseSchema.safeParse(trimmed).success) throw new Error(`not a public address: ${base}`);
  return trimmed;
}

/** The address a leaflet's or a slip's QR code carries for an item: its current guide. */
export function guideLink(base: string, itemId: string): string {
  return `${trimmedBase(base)}${guidePath(itemId)}`;
}

/** The address of the bureau's commitments page (the poster's QR code). */
export function commitmentsLink(base: string): string {
  return `${trimmedBase(base)}${PUBLIC_SITE_PATH}`;
}
