import { z } from 'zod';
import { deviceIdSchema } from '../model/ids.ts';
import { isCleanLine, LIMITS } from '../model/limits.ts';

// Device enrolment (issue 6, item 1): an admin makes a one-time code on the HQ server, a new desk trades it for
// its device identity and a token, and from then on every sync call carries both. Pure: wire shapes, the
// code's human form, and the header names, shared by the desk, the server and its CLI.

/** The deviceId an authenticated call speaks for; the token in `Authorization: Bearer …` must belong to it. */
export const DEVICE_ID_HEADER = 'x-device-id';

/**
 * 32 symbols, so 5 random bits map to one without bias; no 0/O or 1/I, which a clerk copying the code from a
 * screen or a phone call would confuse. 8 symbols = 40 bits: enough for a code that works once and expires.
 */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ENROLMENT_CODE_LENGTH = 8;
/** How long a fresh code can be used. */
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

const CODE_RE = new RegExp(`^[${ENROLMENT_CODE_ALPHABET}]{${ENROLMENT_CODE_LENGTH}}$`);

/** What the clerk typed, as the server compares it: case, spaces and the dash do not matter. */
export function normaliseEnrolmentCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** XXXX-XXXX, the way a code is shown and read out. */
export function formatEnrolmentCode(code: string): string {
  const plain = normaliseEnrolmentCode(code);
  return plain.length === ENROLMENT_CODE_LENGTH ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

export const enrolmentCodeSchema = z
  .string()
  .max(LIMITS.enrolmentCodeTyped, 'enrolmentCodeFormat')
  .transform(normaliseEnrolmentCode)
  .pipe(z.string().max(ENROLMENT_CODE_LENGTH, 'enrolmentCodeFormat').regex(CODE_RE, 'enrolmentCodeFormat'));

/** A desk's name as people know it (窗口3, W03): shown in the admin's device list. */
export const deviceLabelSchema = z
  .string()
  .trim()
  .min(1, 'deviceLabelRequired')
  .max(LIMITS.deviceLabel, 'deviceLabelTooLong')
  .refine(isCleanLine, 'controlCharacters');

/** POST /devices/enrol */
export const enrolRequestSchema = z.object({ code: enrolmentCodeSchema, label: deviceLabelSchema });
export type EnrolRequest = z.input<typeof enrolRequestSchema>;

/** A device token: 32 random bytes as base64url. */
export const deviceTokenSchema = z
  .string()
  .max(LIMITS.deviceToken, 'must be 32 bytes as base64url')
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes as base64url');

/** The token is shown to the desk exactly once; the server keeps only its hash. */
export const deviceCredentialsSchema = z.object({
  deviceId: deviceIdSchema,
  token: deviceTokenSchema,
});
export type DeviceCredentials = z.infer<typeof deviceCredentialsSchema>;
export const enrolResponseSchema = deviceCredentialsSchema;

/** Why an enrolment code was refused; the desk shows each translated. */
export const ENROLMENT_REFUSALS = ['enrolment-code-unknown', 'enrolment-code-used', 'enrolment-code-expired'] as const;
export type EnrolmentRefusal = (typeof ENROLMENT_REFUSALS)[number];

/** Why an authenticated call was refused (401 unauthenticated or token-expired, 403 device-revoked). */
export const AUTH_FAILURE_CODES = ['unauthenticated', 'token-expired', 'device-revoked'] as const;
export type AuthFailureCode = (typeof AUTH_FAILURE_CODES)[number];

// Device credentials age (issue 11, item 5). A token copied off a desk keeps working only until the desk itself
// next pushes after this age: that push hands the desk a new token (pushResponse.newToken).
export const DEVICE_TOKEN_ROTATE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * A desk silent for longer than the bureau's `deviceTokenMaxSilenceDays` (settings) must enrol again: a desk
 * left in a cupboard for a season is no longer vouched for. This default applies when the setting is absent.
 */
export const DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS = 90;

/** Said to the clerk of a desk silent for too long, in both languages (it comes from the server). */
export const DEVICE_TOKEN_EXPIRED_MESSAGE =
  '此窗口长期未与总部同步，凭据已失效，请联系管理员重新登记。This desk has not synced for too long and its credentials have expired; ask the administrator to enrol it again.';

/** Said to the clerk of a revoked desk, in both languages: it comes from the server, not from a translation. */
export const DEVICE_REVOKED_MESSAGE =
  '此窗口已被管理员停用，请联系管理员重新登记。This desk has been revoked by an administrator; ask the administrator to enrol it again.';

/** POST /admin/enrolment-codes */
export const createEnrolmentCodeRequestSchema = z.object({ label: deviceLabelSchema.optional() });
export const enrolmentCodeIssuedSchema = z.object({
  /** Shown once, formatted XXXX-XXXX; only its hash is stored. */
  code: z.string(),
  label: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});
export type EnrolmentCodeIssued = z.infer<typeof enrolmentCodeIssuedSchema>;

/**
 * One enrolled desk as the admin sees it (GET /admin/devices). Never its token. Its strings are unbounded on
 * purpose: they are the server's own answer about what it already bounded when storing, and a desk that refused
 * its server's list over a length would lose the list, not gain safety.
 */
export const deviceSummarySchema = z.object({
  deviceId: z.string(),
  label: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  lastSeenAt: z.string(),
  lastAckedSeq: z.number().int(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
export const deviceListSchema = z.object({ devices: z.array(deviceSummarySchema) });
