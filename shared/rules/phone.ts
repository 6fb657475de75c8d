import { z } from 'zod';
import { LIMITS } from '../model/limits.ts';

// Mainland mobile numbers (11 digits starting 13–19) and landlines with area code
// (0377-63176300, 037763176300, optionally an extension: 0377-63176300-801).
const MOBILE_RE = /^1[3-9]\d{9}$/;
const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const SERVICE_RE = /^(12345|12315|12328|400-?\d{3}-?\d{4})$/;

export function normalisePhone(raw: string): string {
  return raw.replace(/[\s()（）]/g, '').replace(/^\+?86-?/, '');
}

export function isValidPhone(raw: string): boolean {
  const p = normalisePhone(raw);
  return MOBILE_RE.test(p) || LANDLINE_RE.test(p) || SERVICE_RE.test(p);
}

// Too long to be a phone is not a phone: the same message, and the pattern never sees a huge string.
export const phoneSchema = z
  .string()
  .max(LIMITS.phone, 'invalidPhone')
  .transform(normalisePhone)
  .refine(isValidPhone, { message: 'invalidPhone' });

/** A phone a visitor may not give: blank means absent; anything else obeys the phone rule. */
export const optionalPhoneSchema = z
  .string()
  .trim()
  .max(LIMITS.phone, 'invalidPhone')
  .optional()
  .transform((s) => (s ? s : undefined))
  .pipe(phoneSchema.optional());

/** Only the digits, for prefix search ("138 0013" finds 13800138000). */
export function phoneDigits(raw: string): string {
  return raw.replace(/\D/g, '');
}

/** PIPL: show a mobile number as 138****8000 where the full number is not needed. */
export function maskPhone(raw: string): string {
  const p = normalisePhone(raw);
  if (MOBILE_RE.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  return p.length > 6 ? `${p.slice(0, p.length - 4).replace(/\d(?=\d{0,3}$)/g, '*')}${p.slice(-4)}` : p;
}
