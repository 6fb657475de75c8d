import { describe, expect, it } from 'vitest';
import { BACKENDS, startHq } from './harness.ts';
import { convergence, simulate } from './simulation.ts';

// Property (issue 6, item 4): four desks making register and case actions offline, syncing in random order over
// connections that lose requests and answers, end — after one full sync round — with every desk folding to the
// server's own state, every event any desk wrote stored exactly once, and none doubled. A fixed seed here; the
// bench (tests/bench/convergence.bench.test.ts) runs longer simulations with fresh seeds.

const SEED = 20261128;

describe.each(BACKENDS)('four desks working offline against %s', (backend) => {
  it('converge to the server’s state with nothing lost and nothing doubled', { timeout: 60_000 }, async () => {
    const hq = await startHq(backend);
    try {
      const run = await simulate(hq, { seed: SEED, desks: 4, steps: 800, syncRate: 0.2, failureRate: 0.05 });
      const report = await convergence(hq, run);

      // The run was a real one: many kinds of action, syncs that failed part-way, clashes the fold flagged.
      expect(Object.keys(run.actions).length).toBeGreaterThanOrEqual(10);
      expect(run.failedSyncs).toBeGreaterThan(0);
      expect(report.flagged).toBeGreaterThan(0);

      expect(report.lost).toEqual([]);
      expect(report.doubled).toEqual([]);
      expect(report.pending).toBe(0);
      expect(report.rejected).toBe(0);
      for (const difference of report.differences) expect(difference).toEqual({ extra: 0, missing: 0 });
      for (const hash of report.deskHashes) expect(hash).toBe(report.serverHash);
    } finally {
      await hq.destroy();
    }
  });
});
