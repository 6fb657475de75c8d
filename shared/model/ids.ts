import { z } from 'zod';

// Branded ids so a StaffId can never be passed where a ContactId is expected.
const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const ulidSchema = z.string().regex(ULID_RE, 'must be a ULID (26 Crockford base32 characters)');

export const eventIdSchema = ulidSchema.brand<'EventId'>();
export const contactIdSchema = ulidSchema.brand<'ContactId'>();
export const deviceIdSchema = ulidSchema.brand<'DeviceId'>();

// Reference-document ids are readable slugs chosen by the admin (e.g. "staff-wang-li", "dept-office").
const SLUG_RE = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const slugSchema = z.string().regex(SLUG_RE, 'must be a lowercase id of letters, digits and dashes');
export const staffIdSchema = slugSchema.brand<'StaffId'>();
export const departmentIdSchema = slugSchema.brand<'DepartmentId'>();
export const agencyIdSchema = slugSchema.brand<'AgencyId'>();

export type EventId = z.infer<typeof eventIdSchema>;
export type ContactId = z.infer<typeof contactIdSchema>;
export type DeviceId = z.infer<typeof deviceIdSchema>;
export type StaffId = z.infer<typeof staffIdSchema>;
export type DepartmentId = z.infer<typeof departmentIdSchema>;
export type AgencyId = z.infer<typeof agencyIdSchema>;
