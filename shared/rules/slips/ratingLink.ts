import { z } from 'zod';
import { SERIAL_RE, type SlipSerial } from '../../model/slip.ts';

// 好差评 by the QR code on a slip (issue 13): the paper's QR carries `${publicRatingBase}/r/${serial}/${token}`.
// The synced slip content holds only `${publicRatingBase}/r/${serial}` (every desk reads the log, and the link alone
// lets its holder rate the slip): the token is made by the printing desk, kept in that desk's own table and added
// when it prints; the print event carries only its SHA-256, which HQ registers.

/** The most a bureau's public address may take: the link must fit a QR code a phone reads off a receipt. */
export const MAX_PUBLIC_RATING_BASE = 200;

// An absolute http(s) address: a host (name, IPv4 or [IPv6]), an optional port, an optional path; no query, no
// fragment, no credentials — the link is built by appending to it, and printed on paper for years.
const BASE_RE =
  /^https?:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/;

export const publicRatingBaseSchema = z
  .string()
  .max(MAX_PUBLIC_RATING_BASE, 'publicRatingBase')
  .regex(BASE_RE, 'publicRatingBase');

/** 16 random bytes as base64url without padding: 22 characters, 128 bits no one can guess. */
export const RATING_TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;
export const RATING_TOKEN_BYTES = 16;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += B64URL[(n >>> (18 - 6 * c)) & 63];
  }
  return out;
}

export type RandomBytes = (length: number) => Uint8Array;

// shared/ has no DOM or node types; the Web Crypto global exists in every browser, in Electron and in Node ≥ 19.
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues<T extends Uint8Array>(a: T): T } }).crypto;
const secureRandom: RandomBytes = (length) => webCrypto.getRandomValues(new Uint8Array(length));

/** A new slip's rating token (made once, at its first print). */
export function newRatingToken(random: RandomBytes = secureRandom): string {
  const bytes = random(RATING_TOKEN_BYTES);
  if (bytes.length !== RATING_TOKEN_BYTES) throw new Error(`a rating token needs ${RATING_TOKEN_BYTES} random bytes`);
  return base64url(bytes);
}

/** The address the slip's QR code carries. Throws on a base, serial or token that could not make a valid link. */
export function ratingLink(base: string, serial: SlipSerial | string, token: string): string {
  const trimmed = base.replace(/\/+$/, '');
  if (!publicRatingBaseSchema.safeParse(trimmed).success) throw new Error(`not a public rating address: ${base}`);
  if (!SERIAL_RE.test(serial)) throw new Error(`not a slip serial: ${serial}`);
  if (!RATING_TOKEN_RE.test(token)) throw new Error('not a rating token');
  return `${trimmed}/r/${serial}/${token}`;
}

/** What the synced content's QR holds: the link without its token. Throws like ratingLink. */
export function ratingLinkPrefix(base: string, serial: SlipSerial | string): string {
  const trimmed = base.replace(/\/+$/, '');
  if (!publicRatingBaseSchema.safeParse(trimmed).success) throw new Error(`not a public rating address: ${base}`);
  if (!SERIAL_RE.test(serial)) throw new Error(`not a slip serial: ${serial}`);
  return `${trimmed}/r/${serial}`;
}

/** Whether a content's QR payload is a link without its token, for `serial`: the print path adds the token. */
export function needsRatingToken(qrPayload: string, serial: string): boolean {
  const suffix = `/r/${serial}`;
  if (!qrPayload.endsWith(suffix)) return false;
  const base = qrPayload.slice(0, -suffix.length);
  return publicRatingBaseSchema.safeParse(base).success && !base.endsWith('/');
}

/** The printed QR payload: the prefix and this print's token. Throws on anything else. */
export function withRatingToken(qrPayload: string, serial: string, token: string): string {
  if (!needsRatingToken(qrPayload, serial)) throw new Error('not a rating link without its token');
  if (!RATING_TOKEN_RE.test(token)) throw new Error('not a rating token');
  return `${qrPayload}/${token}`;
}

export interface ParsedRatingLink {
  readonly base: string;
  readonly serial: SlipSerial;
  readonly token: string;
}

const LINK_RE = /^(.+)\/r\/([^/]+)\/([^/]+)$/;

/** The parts of a rating link, or null for anything ratingLink could not have made (a bare serial, say). */
export function parseRatingLink(url: string): ParsedRatingLink | null {
  const match = LINK_RE.exec(url);
  if (!match) return null;
  const [, base = '', serial = '', token = ''] = match;
  if (!publicRatingBaseSchema.safeParse(base).success || base.endsWith('/')) return null;
  if (!SERIAL_RE.test(serial) || !RATING_TOKEN_RE.test(token)) return null;
  return { base, serial: serial as SlipSerial, token };
}
