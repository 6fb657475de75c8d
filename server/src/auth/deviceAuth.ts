import { DEVICE_REVOKED_MESSAGE, type AuthFailureCode } from '../../../shared/sync/enrolment.ts';
import type { Db } from '../storage/db.ts';
import { findDevice, touchDevice, type DeviceRow } from '../storage/devices.ts';
import { tokenMatches } from './secrets.ts';

// Every sync call says which device it speaks for and proves it with that device's token (issue 6, item 1).

export interface PresentedCredentials {
  /** The deviceId the call claims (X-Device-Id), or undefined when missing. */
  readonly deviceId: string | undefined;
  /** The bearer token, or undefined when there is no usable Authorization header. */
  readonly token: string | undefined;
}

export type DeviceAuthResult =
  { ok: true; device: DeviceRow } | { ok: false; status: 401 | 403; code: AuthFailureCode; message: string };

// A last-seen time at most this stale: a pull every minute need not write a row every minute.
const TOUCH_AFTER_MS = 5 * 60_000;

const unauthenticated = (message: string): DeviceAuthResult => ({
  ok: false,
  status: 401,
  code: 'unauthenticated',
  message,
});

/** `Authorization: Bearer <token>` → the token. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header?.trim() ?? '');
  return match?.[1];
}

/**
 * The device the call speaks for, if the token is that device's. A wrong token and an unknown device get the
 * same answer, so the answer says nothing about which devices exist. Revocation is told only to the holder of
 * the right token.
 */
export async function authenticateDevice(
  db: Db,
  presented: PresentedCredentials,
  now: number = Date.now(),
): Promise<DeviceAuthResult> {
  if (!presented.deviceId || !presented.token) {
    return unauthenticated(
      '此窗口尚未登记或缺少凭据，请向管理员索取登记码完成登记。This desk is not enrolled (no device credentials): enrol it with a code from the administrator.',
    );
  }
  const device = await findDevice(db, presented.deviceId);
  if (!device || !tokenMatches(presented.token, device.token_hash)) {
    return unauthenticated(
      '此窗口的凭据无效，请联系管理员重新登记。This desk’s credentials are not valid for its device id; ask the administrator to enrol it again.',
    );
  }
  if (device.revoked_at !== null)
    return { ok: false, status: 403, code: 'device-revoked', message: DEVICE_REVOKED_MESSAGE };
  if (now - Date.parse(device.last_seen_at) > TOUCH_AFTER_MS) {
    await touchDevice(db, device.device_id, new Date(now).toISOString());
  }
  return { ok: true, device };
}
