import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  formatHlc,
  isHlc,
  MAX_CLOCK_DRIFT_MS,
  MAX_HLC_LENGTH,
  MAX_HLC_NODE_LENGTH,
  parseHlc,
  receiveHlc,
  tickHlc,
} from '../../../shared/sync/hlc.ts';

const start = { ms: 1_000_000, counter: 0, node: 'desk-a' };

describe('hybrid logical clock', () => {
  it('round-trips through its text form, and text order is causal order', () => {
    const a = formatHlc(start);
    const b = formatHlc(tickHlc(start, start.ms));
    expect(parseHlc(a)).toEqual(start);
    expect(compareHlc(a, b)).toBe(-1);
    expect(formatHlc({ ms: 9, counter: 0, node: 'x' }) < formatHlc({ ms: 10, counter: 0, node: 'x' })).toBe(true);
  });

  it('keeps advancing when the wall clock stands still or goes backwards', () => {
    const t1 = tickHlc(start, start.ms - 5000);
    const t2 = tickHlc(t1, start.ms - 6000);
    expect(t1).toEqual({ ms: start.ms, counter: 1, node: 'desk-a' });
    expect(t2.counter).toBe(2);
    expect(formatHlc(t2) > formatHlc(t1)).toBe(true);
  });

  it('orders a received event before anything this desk does next', () => {
    const remote = { ms: start.ms + 1000, counter: 7, node: 'desk-b' };
    const { clock, drifted } = receiveHlc(start, remote, start.ms + 10);
    expect(drifted).toBe(false);
    expect(clock).toEqual({ ms: remote.ms, counter: 8, node: 'desk-a' });
    expect(formatHlc(tickHlc(clock, start.ms + 20)) > formatHlc(remote)).toBe(true);
  });

  it('does not let a desk whose clock is hours ahead drag this clock along, and reports it', () => {
    const remote = { ms: start.ms + 3 * 3600_000, counter: 0, node: 'desk-b' };
    const { clock, drifted } = receiveHlc(start, remote, start.ms);
    expect(drifted).toBe(true);
    expect(clock.ms).toBe(start.ms);
    expect(remote.ms - start.ms).toBeGreaterThan(MAX_CLOCK_DRIFT_MS);
  });

  it('refuses text that is not an HLC', () => {
    expect(() => parseHlc('2026-11-28T10:00:00Z')).toThrow(/not an HLC/);
  });

  it('names its node with at most 64 letters, digits, dashes or underscores: no NUL, no megabyte', () => {
    const at = (node: string) => `000001764000000-00000-${node}`;
    expect(isHlc(at('01JD0000000000000000000000'))).toBe(true);
    expect(isHlc(at('hq'))).toBe(true);
    expect(isHlc(at('x'.repeat(MAX_HLC_NODE_LENGTH)))).toBe(true);
    for (const node of ['', 'x'.repeat(MAX_HLC_NODE_LENGTH + 1), 'desk\u0000', 'desk a', 'desk\n', '科技局']) {
      expect(isHlc(at(node)), JSON.stringify(node)).toBe(false);
    }
    expect(at('x'.repeat(MAX_HLC_NODE_LENGTH))).toHaveLength(MAX_HLC_LENGTH);
  });
});
