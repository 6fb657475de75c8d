// The convergence property (tests/integration/sync/convergence.test.ts) at a larger scale and with a fresh seed
// each run: more desks, more steps, lossier connections. The seed is printed first, so a failing run can be
// repeated exactly: FIRSTDESK_SIM_SEED=<seed> npm run bench -- tests/bench/convergence.bench.test.ts
import os from 'node:os';
import { expect, it } from 'vitest';
import { startHq, type Backend } from '../integration/sync/harness.ts';
import { convergence, simulate } from '../integration/sync/simulation.ts';

const SEED = Number(process.env.FIRSTDESK_SIM_SEED ?? Date.now() % 2 ** 31);
const DESKS = Number(process.env.FIRSTDESK_SIM_DESKS ?? 8);
const STEPS = Number(process.env.FIRSTDESK_SIM_STEPS ?? 2500);
const machine = `${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}`;

it.each<Backend>(['sqlite', 'postgres'])('converges on %s with a fresh seed', async (backend) => {
  console.log(`convergence simulation on ${backend}: seed ${SEED}, ${DESKS} desks, ${STEPS} steps`);
  const hq = await startHq(backend);
  try {
    const t0 = performance.now();
    const run = await simulate(hq, { seed: SEED, desks: DESKS, steps: STEPS, syncRate: 0.2, failureRate: 0.1 });
    const report = await convergence(hq, run);
    const actions = Object.values(run.actions).reduce((a, b) => a + b, 0);
    console.log(
      `convergence simulation on ${backend} (seed ${SEED}): ${actions} actions (${run.refused} refused by the desk), ` +
        `${report.events} events, ${run.syncs} syncs of which ${run.failedSyncs} cut off, ${report.flagged} rows ` +
        `flagged for a person; ${report.lost.length} lost, ${report.doubled.length} doubled, ` +
        `${new Set([...report.deskHashes, report.serverHash]).size === 1 ? 'all desks = server' : 'DIVERGED'} ` +
        `in ${((performance.now() - t0) / 1000).toFixed(1)} s [${machine}]`,
    );
    expect(report.lost).toEqual([]);
    expect(report.doubled).toEqual([]);
    expect(report.pending + report.rejected).toBe(0);
    for (const difference of report.differences) expect(difference).toEqual({ extra: 0, missing: 0 });
    for (const hash of report.deskHashes) expect(hash).toBe(report.serverHash);
  } finally {
    await hq.destroy();
  }
});
