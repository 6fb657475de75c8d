import { adminCredentialsSchema } from '../../../shared/sync/enrolment.ts';
import type { Db } from '../storage/db.ts';
import { listReferenceDocs } from '../storage/reference.ts';
import { findVerifier } from '../storage/staffCredentials.ts';
import { DECOY_VERIFIER, verifySecret } from './pinHash.ts';

// An admin call needs two proofs: the desk's device token (checked first, by the route) and the signed-in
// admin's own PIN, checked here against the server's own verifiers — never against what the desk says.
// A refusal must not be an oracle: an unknown staff id, a wrong PIN, an inactive person and a person who is not
// an admin (even with the right PIN) all get the same answer after the same PBKDF2 work (a decoy verifier for an
// unknown person), and all count as a guess (http/admin.ts). Only a call offering no PIN is no guess at all.

export type AdminAuthResult =
  | { ok: true; staffId: string }
  /** No PIN was offered: nothing was checked, so nothing is counted. */
  | { ok: false; guess: false; code: 'admin-credentials-required'; message: string }
  /** A PIN was offered and refused, whatever the reason. */
  | { ok: false; guess: true; code: 'admin-unauthenticated'; message: string };

export const ADMIN_CREDENTIALS_REQUIRED_MESSAGE =
  '请以管理员身份输入您的 PIN。Sign in as an administrator: your staff id and PIN are required.';
export const ADMIN_REFUSED_MESSAGE =
  '工作人员或 PIN 不正确，或不是系统管理员。The staff member or PIN is not correct, or they are not an administrator.';

/** Whether the call offers a PIN at all: only then is it a guess to check and to count. */
export function offersPin(pin: unknown): boolean {
  return pin !== undefined && pin !== '';
}

export async function authenticateAdmin(
  db: Db,
  presented: { staffId: unknown; pin: unknown },
): Promise<AdminAuthResult> {
  if (!offersPin(presented.pin)) {
    return { ok: false, guess: false, code: 'admin-credentials-required', message: ADMIN_CREDENTIALS_REQUIRED_MESSAGE };
  }
  const refused = { ok: false, guess: true, code: 'admin-unauthenticated', message: ADMIN_REFUSED_MESSAGE } as const;
  const parsed = adminCredentialsSchema.safeParse(presented);
  if (!parsed.success) return refused;
  const { staffId, pin } = parsed.data;
  const docs = await listReferenceDocs(db, 'staff');
  const staff = docs.find((d) => d.kind === 'staff' && d.id === staffId);
  const body = staff?.kind === 'staff' ? staff.body : undefined;
  const verifier = body ? await findVerifier(db, staffId) : undefined;
  const pinRight = (await verifySecret(pin, verifier ?? DECOY_VERIFIER)) && verifier !== undefined;
  if (!body || !pinRight || !body.active || !body.roles.includes('admin')) return refused;
  return { ok: true, staffId };
}
