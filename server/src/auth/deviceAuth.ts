import {
  DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS,
  DEVICE_REVOKED_MESSAGE,
  DEVICE_TOKEN_EXPIRED_MESSAGE,
  DEVICE_TOKEN_ROTATE_AFTER_MS,
  type AuthFailureCode,
} from '../../../shared/sync/enrolment.ts';
import type { Db } from '../storage/db.ts';
import {
  findDevice,
  forgetPreviousToken,
  rotateDeviceTokenHash,
  touchDevice,
  type DeviceRow,
} from '../storage/devices.ts';
import { listReferenceDocs } from '../storage/reference.ts';
import { hashDeviceToken, newDeviceToken, tokenMatches } from './secrets.ts';

// Every sync call says which device it speaks for and proves it with that device's token (issue 6, item 1).
// Tokens age (issue 11, item 5): a push with a token older than a week gets a new one, and a desk silent for
// longer than the bureau allows must enrol again.

export interface PresentedCredentials {
  /** The deviceId the call claims (X-Device-Id), or undefined when missing. */
  readonly deviceId: string | undefined;
  /** The bearer token, or undefined when there is no usable Authorization header. */
  readonly token: string | undefined;
}

/** Where a token's reuse is reported (a request's pino logger). */
export interface TokenLog {
  warn(details: object, message: string): void;
}

export type DeviceAuthResult =
  { ok: true; device: DeviceRow } | { ok: false; status: 401 | 403; code: AuthFailureCode; message: string };

// A last-seen time at most this stale: a pull every minute need not write a row every minute.
const TOUCH_AFTER_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;
// The setting cannot be below a week (settingsSchema), so a desk seen within a week needs no look at it.
const SHORTEST_SILENCE_MS = 7 * DAY_MS;
/**
 * A desk still using its previous token did not get (or keep) the new one: its next push gets another. Not
 * within this long of the last one, though: two pushes racing with the previous token would otherwise each get
 * a token, and a desk that kept the earlier would be locked out.
 */
const REISSUE_AFTER_MS = 60_000;

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

/** How long this bureau lets a desk stay silent before its token expires. */
async function maxSilenceMs(db: Db): Promise<number> {
  const [settings] = await listReferenceDocs(db, 'settings');
  const days = settings?.kind === 'settings' ? settings.body.deviceTokenMaxSilenceDays : undefined;
  return (days ?? DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS) * DAY_MS;
}

/**
 * The device the call speaks for, if the token is that device's (its current one, or the one a rotation just
 * replaced). A wrong token and an unknown device get the same answer, so the answer says nothing about which
 * devices exist. Revocation and expiry are told only to the holder of a right token.
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
  const current = device !== undefined && tokenMatches(presented.token, device.token_hash);
  if (!device || (!current && !tokenMatches(presented.token, device.previous_token_hash))) {
    return unauthenticated(
      '此窗口的凭据无效，请联系管理员重新登记。This desk’s credentials are not valid for its device id; ask the administrator to enrol it again.',
    );
  }
  if (device.revoked_at !== null)
    return { ok: false, status: 403, code: 'device-revoked', message: DEVICE_REVOKED_MESSAGE };
  const silentMs = now - Date.parse(device.last_seen_at);
  if (silentMs > SHORTEST_SILENCE_MS && silentMs > (await maxSilenceMs(db))) {
    return { ok: false, status: 401, code: 'token-expired', message: DEVICE_TOKEN_EXPIRED_MESSAGE };
  }
  // The desk holds its new token: the old one, should it have been copied, is worth nothing from now on.
  if (current && device.previous_token_hash !== null && device.token_hash !== null) {
    await forgetPreviousToken(db, device.device_id, device.token_hash);
  }
  if (silentMs > TOUCH_AFTER_MS) await touchDevice(db, device.device_id, new Date(now).toISOString());
  return { ok: true, device };
}

/**
 * After a successful push: a new token for the desk when the one it used is due, else undefined. Due means the
 * current token is older than DEVICE_TOKEN_ROTATE_AFTER_MS, or the desk used its previous token (it never got
 * the new one: a lost response). The token it used stays accepted until it uses the new one, so a desk that
 * loses this answer keeps working and is given another next time.
 */
export async function rotateTokenIfDue(
  db: Db,
  device: DeviceRow,
  presentedToken: string,
  now: number = Date.now(),
  log?: TokenLog,
): Promise<string | undefined> {
  if (device.token_hash === null || device.revoked_at !== null) return undefined;
  const age = now - Date.parse(device.token_issued_at ?? device.enrolled_at ?? device.first_seen_at);
  // Written as "not younger than", so a token whose issue time cannot be read counts as due.
  const olderThan = (ms: number) => !(age < ms);
  const usedCurrent = tokenMatches(presentedToken, device.token_hash);
  const usedPrevious = !usedCurrent && tokenMatches(presentedToken, device.previous_token_hash);
  const due = usedCurrent ? olderThan(DEVICE_TOKEN_ROTATE_AFTER_MS) : usedPrevious && olderThan(REISSUE_AFTER_MS);
  if (!due) return undefined;
  const token = newDeviceToken();
  const rotated = await rotateDeviceTokenHash(db, device.device_id, {
    expectedTokenHash: device.token_hash,
    newTokenHash: hashDeviceToken(token),
    // The token the desk holds now; a desk that lost the answer to an earlier rotation still holds the previous.
    previousTokenHash: usedCurrent ? device.token_hash : (device.previous_token_hash ?? device.token_hash),
    issuedAt: new Date(now).toISOString(),
  });
  if (rotated && usedPrevious) {
    // Normal after a lost response; but a copied token racing the real desk looks the same, and only an operator
    // who sees it repeat can tell.
    log?.warn(
      { deviceId: device.device_id, label: device.label },
      `device token: ${device.device_id} pushed with its previous token; a new one was issued (a lost answer, or a copied token in use)`,
    );
  }
  return rotated ? token : undefined;
}
