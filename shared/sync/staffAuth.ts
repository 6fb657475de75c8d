import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { Role } from '../model/reference.ts';
import { staffIdSchema } from '../model/ids.ts';
import { canonicalJson } from './canonical.ts';

// Proven authorship (issue 11; docs/AUTHORSHIP.md). A device token proves WHICH DESK is talking, nothing more.
// WHO acted is proven only when the HQ server itself checked the person's own secret: the person signs in online,
// the server answers with a short-lived staff session bound to that desk (an id and a 32-byte key the desk keeps in
// memory only), and every event the desk then writes for that person carries `proof` = HMAC-SHA256(key, the
// event's canonical JSON without its proof). The server recomputes it. Privileged decisions are accepted only
// with a valid proof; everyday acts without one are "attested" (the desk's word, signed in offline).
// Pure and synchronous (@noble/hashes), so the desk computes the proof inside its IndexedDB transaction.

/** Header of HTTP calls made with a staff session (admin calls): `<sessionId>.<key>`, over the desk's TLS. */
export const STAFF_SESSION_HEADER = 'x-staff-session';

/** Roles whose decisions are privileged: their secrets never reach a desk and they always sign in online. */
export const PRIVILEGED_ROLES: readonly Role[] = ['leader', 'supervisor', 'admin'];

export function isPrivilegedStaff(staff: { roles: readonly Role[] }): boolean {
  return staff.roles.some((r) => PRIVILEGED_ROLES.includes(r));
}

/**
 * Events that record a decision reserved to leaders, supervisors or admins: accepted only with a proof the
 * server verifies (the complaint, accountability and rating-appeal decisions join this list as they land).
 */
export const PRIVILEGED_EVENT_TYPES = [
  'contact.refusalReviewed', // art. 8(二): a leader approves or overrules a proposed refusal
  'contact.assigned', // art. 8(四)/12: a leader assigns an escalated matter
  'case.extensionDecided', // art. 17: a leader decides an extension
  'case.rejectionReviewed', // art. 8(二): a leader approves or overrules a proposed 不予受理
  'case.rejected', // LEGACY one-step 不予受理: desks no longer record it; only a leader's proven session may push one
  'catalog.itemSaved', // art. 20–23: a draft of the published service catalog …
  'catalog.itemPublished', // … published by a second administrator (issue 16)
  'calendar.yearProposed', // the working-day calendar every deadline rests on …
  'calendar.yearConfirmed', // … confirmed by a second person
  'rating.appealDecided', // 申诉复核: an upheld appeal invalidates a rating, so a supervisor or leader decides it
  'settings.saved', // the bureau's settings: hotlines, idle lock, the art. 12 answer limit
] as const;
export type PrivilegedEventType = (typeof PRIVILEGED_EVENT_TYPES)[number];

export function isPrivilegedEventType(type: string): boolean {
  return (PRIVILEGED_EVENT_TYPES as readonly string[]).includes(type);
}

// --- secrets -------------------------------------------------------------------------------------------------

/** Everyday staff: a PIN of 4–8 digits (they may sign in offline on a desk where they signed in online before). */
export const PIN_RE = /^\d{4,8}$/;
/**
 * Leaders, supervisors and admins: a password of at least this many characters with letters and digits, checked
 * by the server only. The bureau may raise it; the demo's is memorable but longer than a PIN (README).
 */
export const PASSWORD_MIN_LENGTH = 10;
export const SECRET_MAX_LENGTH = 128;

export type SecretProblem = 'pinFormat' | 'passwordTooShort' | 'passwordTooSimple';

/** Whether a secret meets the policy for this person (checked when a secret is set, never on sign-in). */
export function secretProblem(secret: string, privileged: boolean): SecretProblem | null {
  if (!privileged) return PIN_RE.test(secret) ? null : 'pinFormat';
  if (secret.length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  if (!/\p{L}/u.test(secret) || !/\d/.test(secret)) return 'passwordTooSimple';
  return null;
}

// --- sign-in -------------------------------------------------------------------------------------------------

/** POST /auth/sign-in, with the desk's device token: the person's own secret, checked on the server. */
export const signInRequestSchema = z.object({
  staffId: staffIdSchema,
  secret: z.string().min(1).max(SECRET_MAX_LENGTH),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

const base64url = (bytes: number) =>
  z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`), `must be ${bytes} bytes as base64url`);

export const sessionIdSchema = base64url(16);
export const sessionKeySchema = base64url(32);

export const signInResponseSchema = z.object({
  staffId: staffIdSchema,
  sessionId: sessionIdSchema,
  /** Kept in the desk's memory only; gone on sign-out, lock or reload. */
  key: sessionKeySchema,
  expiresAt: z.iso.datetime(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;
export type StaffSession = SignInResponse;

/** How long a staff session lives after sign-in: a working day. Sign-out, lock or reload on the desk end it sooner. */
export const STAFF_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** POST /auth/sign-out, with the session header: the server ends the session at once (204, also when it had ended). */

/**
 * Why a call made with the session header (sign-out, admin calls) was refused: 401 'staff-session-required' (no
 * header), 401 'staff-session-invalid' (unknown, expired or ended session, another desk's, or a wrong key: sign in
 * again), 403 'not-admin' (the signed-in person is not an active administrator).
 */
export const STAFF_SESSION_REFUSALS = ['staff-session-required', 'staff-session-invalid', 'not-admin'] as const;
export type StaffSessionRefusal = (typeof STAFF_SESSION_REFUSALS)[number];

/** Why a sign-in was refused. The same answer for an unknown person and a wrong secret (no oracle). */
export const SIGN_IN_REFUSALS = ['sign-in-failed', 'too-many-attempts'] as const;

// --- proof on events -----------------------------------------------------------------------------------------

export const proofSchema = z.object({ sessionId: sessionIdSchema, mac: base64url(32) });
export type Proof = z.infer<typeof proofSchema>;

/** How an event's author was established; derived from the event itself, so it can never change later. */
export type Authorship = 'proven' | 'attested';

export function authorshipOf(event: { proof?: Proof | undefined }): Authorship {
  return event.proof ? 'proven' : 'attested';
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url; shared/ has no btoa (no DOM, no node types). */
export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += B64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

export function fromBase64url(text: string): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const v = B64URL.indexOf(ch);
    if (v < 0) throw new Error('not base64url');
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** What the MAC covers: the whole event as it is stored and pulled, minus the proof itself. */
export function proofInput(event: object): string {
  const { proof: _proof, ...rest } = event as { proof?: unknown };
  return canonicalJson(rest);
}

export function computeProofMac(keyB64url: string, event: object): string {
  return toBase64url(hmac(sha256, fromBase64url(keyB64url), utf8ToBytes(proofInput(event))));
}

/** Constant-time comparison of two MACs (both base64url text of the same length when genuine). */
export function macEquals(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The `x-staff-session` header value for a session. */
export function staffSessionHeader(session: Pick<StaffSession, 'sessionId' | 'key'>): string {
  return `${session.sessionId}.${session.key}`;
}
