import type { Selectable } from 'kysely';
import type { EnrolmentRefusal } from '../../../shared/sync/enrolment.ts';
import type { Db, DevicesTable } from './db.ts';

// Enrolment codes and enrolled devices. Only hashes of codes and tokens reach these tables (auth/secrets.ts).

export interface NewEnrolmentCode {
  readonly codeHash: string;
  readonly label: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export async function insertEnrolmentCode(db: Db, code: NewEnrolmentCode): Promise<void> {
  await db
    .insertInto('enrolment_codes')
    .values({
      code_hash: code.codeHash,
      label: code.label,
      created_by: code.createdBy,
      created_at: code.createdAt,
      expires_at: code.expiresAt,
    })
    .execute();
}

export interface NewDevice {
  readonly deviceId: string;
  readonly label: string;
  readonly tokenHash: string;
}

export type RedeemResult = { ok: true } | { ok: false; refusal: EnrolmentRefusal };

/**
 * Use a code once and record the device it enrolled, in one transaction: a refused code stores nothing. The
 * conditional update is what makes the code single-use when two desks race with it (only one row changes).
 */
export async function redeemEnrolmentCode(
  db: Db,
  codeHash: string,
  device: NewDevice,
  now: string,
): Promise<RedeemResult> {
  return db.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom('enrolment_codes')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    if (!code) return { ok: false, refusal: 'enrolment-code-unknown' };
    if (code.used_at !== null) return { ok: false, refusal: 'enrolment-code-used' };
    if (code.expires_at <= now) return { ok: false, refusal: 'enrolment-code-expired' };
    const claimed = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: now, used_by_device: device.deviceId })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, refusal: 'enrolment-code-used' };
    await trx
      .insertInto('devices')
      .values({
        device_id: device.deviceId,
        last_acked_seq: 0,
        first_seen_at: now,
        last_seen_at: now,
        label: device.label,
        token_hash: device.tokenHash,
        previous_token_hash: null,
        token_issued_at: now,
        enrolled_at: now,
      })
      .execute();
    return { ok: true };
  });
}

export type DeviceRow = Selectable<DevicesTable>;

export async function findDevice(db: Db, deviceId: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
}

export async function touchDevice(db: Db, deviceId: string, now: string): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: now }).where('device_id', '=', deviceId).execute();
}

export interface TokenRotation {
  /** The token_hash the rotation was decided on: if another request rotated meanwhile, this one does nothing. */
  readonly expectedTokenHash: string;
  readonly newTokenHash: string;
  /** What stays accepted until the desk uses the new token: the token the desk used for this call. */
  readonly previousTokenHash: string;
  readonly issuedAt: string;
}

/**
 * Replace a device's token, only if it is still the one the caller saw: two pushes racing with the same old token
 * then hand out one new token, not two (the desk could keep only the loser and be locked out). True if done.
 */
export async function rotateDeviceTokenHash(db: Db, deviceId: string, rotation: TokenRotation): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({
      token_hash: rotation.newTokenHash,
      previous_token_hash: rotation.previousTokenHash,
      token_issued_at: rotation.issuedAt,
    })
    .where('device_id', '=', deviceId)
    .where('token_hash', '=', rotation.expectedTokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The desk used its current token: the one it replaced is no longer accepted. */
export async function forgetPreviousToken(db: Db, deviceId: string, currentTokenHash: string): Promise<void> {
  await db
    .updateTable('devices')
    .set({ previous_token_hash: null })
    .where('device_id', '=', deviceId)
    .where('token_hash', '=', currentTokenHash)
    .execute();
}

/** Every device that enrolled, newest first (devices from before enrolment existed are left out). */
export async function listEnrolledDevices(db: Db): Promise<DeviceRow[]> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('token_hash', 'is not', null)
    .orderBy('enrolled_at', 'desc')
    .execute();
}

/** Revoke an enrolled device; false when there is no such device. Revoking twice keeps the first record. */
export async function revokeDevice(db: Db, deviceId: string, by: string, now: string): Promise<boolean> {
  const device = await findDevice(db, deviceId);
  if (!device || device.token_hash === null) return false;
  if (device.revoked_at !== null) return true;
  await db
    .updateTable('devices')
    .set({ revoked_at: now, revoked_by: by })
    .where('device_id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .execute();
  return true;
}

/**
 * Undo a revocation or an expiry (CLI only): the desk's token works again, so the records it kept can be sent
 * under its own identity — a desk cannot re-enrol while records wait (renderer/data/enrolment.ts). Counting its
 * silence from now is what lifts an expiry (auth/deviceAuth.ts).
 */
export async function reinstateDevice(
  db: Db,
  deviceId: string,
  now: string = new Date().toISOString(),
): Promise<boolean> {
  const device = await findDevice(db, deviceId);
  if (!device || device.token_hash === null) return false;
  await db
    .updateTable('devices')
    .set({ revoked_at: null, revoked_by: null, last_seen_at: now })
    .where('device_id', '=', deviceId)
    .execute();
  return true;
}

/** Every enrolment code (hashes only), for tests and the CLI. */
export async function listEnrolmentCodes(db: Db) {
  return db.selectFrom('enrolment_codes').selectAll().orderBy('created_at').execute();
}
