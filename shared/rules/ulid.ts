// ULID: 48-bit millisecond time + 80 bits of randomness, Crockford base32.
// Randomness is injected so this stays pure (desk passes crypto.getRandomValues, tests a seeded source).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type RandomBytes = (length: number) => Uint8Array;

function encodeTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > 2 ** 48 - 1) throw new RangeError(`ULID time out of range: ${ms}`);
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits -> 16 base32 characters, 5 bits at a time.
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** A monotonic ULID factory: ids made in the same millisecond still sort in creation order. */
export function createUlidFactory(random: RandomBytes): (now: number) => string {
  let lastTime = -1;
  let lastRandom: Uint8Array = new Uint8Array(10);
  return (now: number) => {
    if (now <= lastTime) {
      // Same (or earlier) millisecond: increment the previous randomness so order is kept.
      const next = lastRandom.slice();
      for (let i = next.length - 1; i >= 0; i--) {
        const byte = next[i] ?? 0;
        if (byte < 255) {
          next[i] = byte + 1;
          break;
        }
        next[i] = 0;
      }
      lastRandom = next;
      return encodeTime(lastTime) + encodeRandom(next);
    }
    lastTime = now;
    lastRandom = random(10);
    return encodeTime(now) + encodeRandom(lastRandom);
  };
}

export function ulidTime(id: string): number {
  let ms = 0;
  for (const ch of id.slice(0, 10)) ms = ms * 32 + ALPHABET.indexOf(ch);
  return ms;
}
