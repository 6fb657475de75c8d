// Resident identity card numbers (GB 11643-1999): 17 digits + a check character (0-9 or X).
// PIPL: the desk validates the full number, then keeps and shows only the first 6 and last 4 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

export function isValidIdNumber(raw: string): boolean {
  const id = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] === id[17];
}

/** 411302199001011234 → 411302********1234 */
export function maskIdNumber(raw: string): string {
  const id = normaliseIdNumber(raw);
  return `${id.slice(0, 6)}${'*'.repeat(Math.max(0, id.length - 10))}${id.slice(-4)}`;
}

export const MASKED_ID_RE = /^\d{6}\*{8}\d{3}[\dX]$/;
