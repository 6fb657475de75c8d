import { describe, expect, it } from 'vitest';
import { createUlidFactory, ulidTime } from '../../../shared/rules/ulid.ts';
import { ulidSchema } from '../../../shared/model/ids.ts';

function seeded(seed: number) {
  let s = seed;
  return (n: number) => Uint8Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16) & 255);
}

describe('ULID', () => {
  it('makes valid ids that carry their time', () => {
    const id = createUlidFactory(seeded(1))(1_764_300_000_000);
    expect(ulidSchema.safeParse(id).success).toBe(true);
    expect(ulidTime(id)).toBe(1_764_300_000_000);
  });

  it('keeps creation order within one millisecond and when the clock steps back', () => {
    const next = createUlidFactory(seeded(2));
    const ids = [next(5000), next(5000), next(5000), next(4000), next(6000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
