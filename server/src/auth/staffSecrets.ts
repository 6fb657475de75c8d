import { isPrivilegedStaff, secretProblem, type SecretProblem } from '../../../shared/sync/staffAuth.ts';
import type { Db } from '../storage/db.ts';
import { listReferenceDocs } from '../storage/reference.ts';
import { putVerifier, staffWithVerifiers } from '../storage/staffCredentials.ts';
import { endSessionsOf } from '../storage/staffSessions.ts';
import { hashSecret } from './pinHash.ts';

// Setting a person's secret (the CLI's set-secret) and finding who still needs one (issue 11). The policy is the
// shared one: a PIN of 4–8 digits for everyday staff, a password of 10+ characters with letters and digits for
// leaders, supervisors and admins, whose secrets never reach a desk.

export type SetSecretResult =
  { ok: true; privileged: boolean } | { ok: false; problem: SecretProblem | 'unknownStaff' };

export const SECRET_PROBLEM_MESSAGES: Record<SecretProblem | 'unknownStaff', string> = {
  unknownStaff: '人员名录中没有此人。No such person in the staff directory.',
  pinFormat: 'PIN 须为 4 至 8 位数字。A PIN is 4 to 8 digits.',
  passwordTooShort:
    '局领导、监督人员和系统管理员的密码至少 10 个字符。A leader’s, supervisor’s or administrator’s password has at least 10 characters.',
  passwordTooSimple: '密码须同时含有字母和数字。The password must contain letters and digits.',
};

async function staffBody(db: Db, staffId: string) {
  const doc = (await listReferenceDocs(db, 'staff')).find((d) => d.id === staffId);
  return doc?.kind === 'staff' ? doc.body : undefined;
}

export async function setStaffSecret(
  db: Db,
  staffId: string,
  secret: string,
  now = Date.now(),
): Promise<SetSecretResult> {
  const staff = await staffBody(db, staffId);
  if (!staff) return { ok: false, problem: 'unknownStaff' };
  const privileged = isPrivilegedStaff(staff);
  const problem = secretProblem(secret, privileged);
  if (problem) return { ok: false, problem };
  await putVerifier(db, { staffId, verifier: hashSecret(secret), updatedAt: new Date(now).toISOString() });
  // A secret is changed when it may be known to someone else: their open sessions end with it.
  await endSessionsOf(db, staffId, now);
  return { ok: true, privileged };
}

/** Active leaders, supervisors and admins who cannot sign in yet (e.g. after migration 0005 took their PINs away). */
export async function privilegedWithoutSecret(db: Db): Promise<string[]> {
  const have = await staffWithVerifiers(db);
  return (await listReferenceDocs(db, 'staff')).flatMap((doc) =>
    doc.kind === 'staff' && doc.body.active && isPrivilegedStaff(doc.body) && !have.has(doc.id) ? [doc.id] : [],
  );
}
