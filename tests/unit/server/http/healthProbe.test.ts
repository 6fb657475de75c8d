import { describe, expect, it } from 'vitest';
import { HealthProbe, PROBE_FRESH_MS } from '../../../../server/src/http/health.ts';

// Issue 10, review: /healthz makes one durable write at a time and reuses it briefly, so a flood of anonymous
// checks is not a flood of fsyncs; a failure is never remembered as health.

function probeWith(outcomes: ('ok' | 'fail')[] = []) {
  let now = 1_000_000;
  const calls = { writes: 0, pending: [] as (() => void)[] };
  const probe = new HealthProbe(
    () =>
      new Promise<void>((resolve, reject) => {
        calls.writes += 1;
        const outcome = outcomes.shift() ?? 'ok';
        calls.pending.push(() => (outcome === 'ok' ? resolve() : reject(new Error('SQLITE_IOERR'))));
      }),
    () => now,
  );
  const settle = async () => {
    for (const finish of calls.pending.splice(0)) finish();
    await new Promise((r) => setImmediate(r));
  };
  return { probe, calls, settle, advance: (ms: number) => (now += ms) };
}

describe('the health probe', () => {
  it('makes one write for a hundred checks at once, and all of them hear its answer', async () => {
    const { probe, calls, settle } = probeWith();
    const checks = Array.from({ length: 100 }, () => probe.check());
    await settle();
    await expect(Promise.all(checks)).resolves.toHaveLength(100);
    expect(calls.writes).toBe(1);
  });

  it('answers from the last write while it is fresh, and writes again once it is not', async () => {
    const { probe, calls, settle, advance } = probeWith();
    const first = probe.check();
    await settle();
    await first;
    advance(PROBE_FRESH_MS - 1);
    await probe.check();
    expect(calls.writes).toBe(1);
    advance(1);
    const again = probe.check();
    await settle();
    await again;
    expect(calls.writes).toBe(2);
  });

  it('tells every waiting check of a failed write, and writes again at the next check', async () => {
    const { probe, calls, settle } = probeWith(['fail', 'ok']);
    const heard = [probe.check(), probe.check()].map((check) => check.then(String, (err: Error) => err.message));
    await settle();
    expect(await Promise.all(heard)).toEqual(['SQLITE_IOERR', 'SQLITE_IOERR']);
    const next = probe.check();
    await settle();
    await expect(next).resolves.toBeUndefined();
    expect(calls.writes).toBe(2);
  });

  it('writes again at once after it was told of database trouble', async () => {
    const { probe, calls, settle } = probeWith(['ok', 'fail']);
    const first = probe.check();
    await settle();
    await first;
    probe.forget();
    const next = probe.check().then(String, (err: Error) => err.message);
    await settle();
    expect(await next).toBe('SQLITE_IOERR');
    expect(calls.writes).toBe(2);
  });
});
