import { STAFF_SESSION_HEADER } from '../../../shared/sync/staffAuth.ts';
import type { Db } from '../storage/db.ts';
import { listReferenceDocs } from '../storage/reference.ts';
import { checkStaffSession } from './staffSession.ts';

// An admin call needs two proofs: the desk's device token (checked first, by the route) and a live staff session
// of an active administrator opened on that same desk (x-staff-session; issue 11). The admin signed in online with
// their own password, which the server alone checked and throttled (http/staffAuth.ts); the session key is 256
// random bits, so a wrong one is no guess worth counting. No PIN travels with admin calls any more.

export type AdminAuthResult =
  | { ok: true; staffId: string }
  | {
      ok: false;
      status: 401 | 403;
      code: 'staff-session-required' | 'staff-session-invalid' | 'not-admin';
      message: string;
    };

export const NOT_ADMIN_MESSAGE =
  '只有系统管理员可以管理窗口设备。Only an administrator may manage desks: sign in as one.';

export async function authenticateAdmin(
  db: Db,
  headers: Record<string, string | string[] | undefined>,
  deviceId: string,
): Promise<AdminAuthResult> {
  const value = headers[STAFF_SESSION_HEADER];
  const check = await checkStaffSession(db, typeof value === 'string' ? value : undefined, deviceId, { live: true });
  if (!check.ok) return { ok: false, status: 401, code: check.code, message: check.message };
  const { staffId } = check.session;
  const doc = (await listReferenceDocs(db, 'staff')).find((d) => d.id === staffId);
  const staff = doc?.kind === 'staff' ? doc.body : undefined;
  if (!staff?.active || !staff.roles.includes('admin')) {
    return { ok: false, status: 403, code: 'not-admin', message: NOT_ADMIN_MESSAGE };
  }
  return { ok: true, staffId };
}
