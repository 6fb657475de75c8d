import { adminCredentialsSchema } from '../../../shared/sync/enrolment.ts';
import type { Db } from '../storage/db.ts';
import { listReferenceDocs } from '../storage/reference.ts';
import { verifyPin } from './pinHash.ts';

// An admin call needs two proofs: the desk's device token (checked first, by the route) and the signed-in
// admin's own PIN, checked here against the staff directory on the server — never against what the desk says.

export type AdminAuthResult =
  { ok: true; staffId: string } | { ok: false; status: 400 | 401 | 403; code: string; message: string };

export async function authenticateAdmin(
  db: Db,
  presented: { staffId: unknown; pin: unknown },
): Promise<AdminAuthResult> {
  const parsed = adminCredentialsSchema.safeParse(presented);
  if (!parsed.success) {
    return {
      ok: false,
      status: 401,
      code: 'admin-unauthenticated',
      message: '请以管理员身份输入您的 PIN。Sign in as an administrator: your staff id and PIN are required.',
    };
  }
  const { staffId, pin } = parsed.data;
  const docs = await listReferenceDocs(db, 'staff');
  const staff = docs.find((d) => d.kind === 'staff' && d.id === staffId);
  const body = staff?.kind === 'staff' ? staff.body : undefined;
  if (!body || !body.active || !body.pinHash || !verifyPin(pin, body.pinHash)) {
    return {
      ok: false,
      status: 401,
      code: 'admin-unauthenticated',
      message: '工作人员或 PIN 不正确。The staff member or the PIN is not correct.',
    };
  }
  if (!body.roles.includes('admin')) {
    return {
      ok: false,
      status: 403,
      code: 'not-admin',
      message: `${body.name} 不是系统管理员，不能管理窗口设备。${staffId} is not an administrator and cannot manage desks.`,
    };
  }
  return { ok: true, staffId };
}
