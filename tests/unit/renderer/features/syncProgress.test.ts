import { describe, expect, it } from 'vitest';
import { LONG_PULL, pullPercent } from '../../../../renderer/features/sync/describe.ts';

describe('the progress a long pull shows', () => {
  it('is the share of what was left when the run started, never 100 before the run ends', () => {
    expect(pullPercent({ fromCursor: 0, cursor: 45_000, headSeq: 100_000, received: 45_000 })).toBe(45);
    expect(pullPercent({ fromCursor: 50_000, cursor: 75_000, headSeq: 100_000, received: 25_000 })).toBe(50);
    expect(pullPercent({ fromCursor: 0, cursor: 100_000, headSeq: 100_000, received: 100_000 })).toBe(99);
  });

  it('is not shown for a routine pull, before the first page, or from a server that does not say its head', () => {
    expect(pullPercent({ fromCursor: 10, cursor: 500, headSeq: 10 + LONG_PULL - 1, received: 490 })).toBeNull();
    expect(pullPercent(null)).toBeNull();
    expect(pullPercent({ fromCursor: 0, cursor: 500, received: 500 })).toBeNull();
  });

  it('stays within 0–99 when new commits move the head on during the run', () => {
    expect(pullPercent({ fromCursor: 0, cursor: 120_000, headSeq: 100_000, received: 120_000 })).toBe(99);
    expect(pullPercent({ fromCursor: 5000, cursor: 5000, headSeq: 100_000, received: 0 })).toBe(0);
  });
});
