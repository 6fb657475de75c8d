// The PIN hash format shared by the server (which seeds and stores it) and the desk (which verifies
// offline). Both sides use PBKDF2-SHA256; the crypto itself lives on each side, the format here.
export const PIN_HASH_ALGORITHM = 'pbkdf2-sha256';
export const PIN_HASH_ITERATIONS = 120_000;
export const PIN_RE = /^\d{4,8}$/;

export interface ParsedPinHash {
  readonly iterations: number;
  readonly salt: string;
  readonly hash: string;
}

export function formatPinHash(iterations: number, saltB64: string, hashB64: string): string {
  return `${PIN_HASH_ALGORITHM}$${iterations}$${saltB64}$${hashB64}`;
}

export function parsePinHash(text: string): ParsedPinHash | null {
  const parts = text.split('$');
  if (parts.length !== 4 || parts[0] !== PIN_HASH_ALGORITHM) return null;
  const iterations = Number(parts[1]);
  if (!Number.isInteger(iterations) || iterations < 1) return null;
  return { iterations, salt: parts[2] ?? '', hash: parts[3] ?? '' };
}
