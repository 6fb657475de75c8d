import { randomBytes } from 'node:crypto';
import type { DeviceId } from '../../../shared/model/ids.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import {
  ENROLMENT_CODE_TTL_MS,
  type DeviceCredentials,
  type EnrolmentCodeIssued,
  type EnrolmentRefusal,
} from '../../../shared/sync/enrolment.ts';
import type { Db } from '../storage/db.ts';
import { insertEnrolmentCode, redeemEnrolmentCode } from '../storage/devices.ts';
import { hashDeviceToken, hashEnrolmentCode, newDeviceToken, newEnrolmentCode } from './secrets.ts';

// Issuing and redeeming one-time enrolment codes: the same functions behind the admin HTTP endpoints, the CLI
// and the first-run demo code, so all three store codes the same way.

const ulid = createUlidFactory((n) => randomBytes(n));

export interface IssueOptions {
  /** The desk it is meant for, when the admin says (W03); shown in the list, not enforced. */
  readonly label?: string | undefined;
  /** An admin's staffId, or `cli:<user>` / `first-run`. */
  readonly createdBy: string;
  readonly now?: number;
  readonly ttlMs?: number;
}

/** A new code: returned once, formatted XXXX-XXXX; only its hash is stored. */
export async function issueEnrolmentCode(db: Db, options: IssueOptions): Promise<EnrolmentCodeIssued> {
  const now = options.now ?? Date.now();
  const code = newEnrolmentCode();
  const expiresAt = new Date(now + (options.ttlMs ?? ENROLMENT_CODE_TTL_MS)).toISOString();
  await insertEnrolmentCode(db, {
    codeHash: hashEnrolmentCode(code),
    label: options.label ?? null,
    createdBy: options.createdBy,
    createdAt: new Date(now).toISOString(),
    expiresAt,
  });
  return { code, label: options.label ?? null, expiresAt };
}

export type EnrolResult = { ok: true; credentials: DeviceCredentials } | { ok: false; refusal: EnrolmentRefusal };

/** Trade a code for a new device identity (server-assigned ULID) and its token. A refused code stores nothing. */
export async function enrolDevice(
  db: Db,
  request: { code: string; label: string },
  now: number = Date.now(),
): Promise<EnrolResult> {
  const deviceId = ulid(now) as DeviceId;
  const token = newDeviceToken();
  const result = await redeemEnrolmentCode(
    db,
    hashEnrolmentCode(request.code),
    { deviceId, label: request.label, tokenHash: hashDeviceToken(token) },
    new Date(now).toISOString(),
  );
  return result.ok ? { ok: true, credentials: { deviceId, token } } : result;
}

/** The message a person reads for each refusal (the desk translates by code; the CLI and logs print this). */
export const ENROLMENT_REFUSAL_MESSAGES: Record<EnrolmentRefusal, string> = {
  'enrolment-code-unknown':
    '登记码不正确，请核对后重新输入。The enrolment code is not valid; check it and type it again.',
  'enrolment-code-used':
    '此登记码已被使用，请向管理员索取新的登记码。This enrolment code has already been used; ask the administrator for a new one.',
  'enrolment-code-expired':
    '此登记码已过期，请向管理员索取新的登记码。This enrolment code has expired; ask the administrator for a new one.',
};
