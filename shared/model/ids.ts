import { z } from 'zod';
import { LIMITS } from './limits.ts';

// Branded ids so a StaffId can never be passed where a ContactId is expected.
const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const ULID_MESSAGE = 'must be a ULID (26 Crockford base32 characters)';
export const ulidSchema = z.string().max(LIMITS.ulid, ULID_MESSAGE).regex(ULID_RE, ULID_MESSAGE);

export const eventIdSchema = ulidSchema.brand<'EventId'>();
export const contactIdSchema = ulidSchema.brand<'ContactId'>();
export const deviceIdSchema = ulidSchema.brand<'DeviceId'>();

// Reference-document ids are readable slugs chosen by the admin (e.g. "staff-wang-li", "dept-office").
const SLUG_RE = /^[a-z0-9][a-z0-9-]{1,63}$/;
const SLUG_MESSAGE = 'must be a lowercase id of letters, digits and dashes';
export const slugSchema = z.string().max(LIMITS.slug, SLUG_MESSAGE).regex(SLUG_RE, SLUG_MESSAGE);
export const staffIdSchema = slugSchema.brand<'StaffId'>();
export const departmentIdSchema = slugSchema.brand<'DepartmentId'>();
export const agencyIdSchema = slugSchema.brand<'AgencyId'>();

export type EventId = z.infer<typeof eventIdSchema>;
export type ContactId = z.infer<typeof contactIdSchema>;
export type DeviceId = z.infer<typeof deviceIdSchema>;
export type StaffId = z.infer<typeof staffIdSchema>;
export type DepartmentId = z.infer<typeof departmentIdSchema>;
export type AgencyId = z.infer<typeof agencyIdSchema>;
