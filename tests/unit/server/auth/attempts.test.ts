import { describe, expect, it } from 'vitest';
import { FailedAttempts } from '../../../../server/src/auth/attempts.ts';

describe('counting failed attempts at a secret', () => {
  const policy = { maxFailures: 3, windowMs: 60_000 };
  const clockAt = (start: number) => {
    const clock = { now: start, read: () => clock.now };
    return clock;
  };

  it('refuses a source after its last allowed failure until the window since its first failure ends', () => {
    const clock = clockAt(1_000_000);
    const attempts = new FailedAttempts(policy, clock.read);
    attempts.fail('desk-a');
    clock.now += 10_000;
    attempts.fail('desk-a');
    expect(attempts.blockedFor('desk-a')).toBe(0);
    attempts.fail('desk-a');
    expect(attempts.blockedFor('desk-a')).toBe(50);
    clock.now += 49_500;
    expect(attempts.blockedFor('desk-a')).toBe(1);
    clock.now += 500;
    expect(attempts.blockedFor('desk-a')).toBe(0);
    attempts.fail('desk-a');
    expect(attempts.blockedFor('desk-a')).toBe(0); // a new window, one failure in it
  });

  it('counts each source on its own', () => {
    const attempts = new FailedAttempts(policy, () => 0);
    for (let i = 0; i < 3; i++) attempts.fail('10.0.0.7');
    expect(attempts.blockedFor('10.0.0.7')).toBe(60);
    expect(attempts.blockedFor('10.0.0.8')).toBe(0);
  });

  it('charges each attempt before it is checked, so parallel guesses are counted as they arrive', () => {
    const attempts = new FailedAttempts(policy, () => 0);
    const charged = Array.from({ length: 10 }, () => attempts.charge('desk-a'));
    expect(charged).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(attempts.blockedFor('desk-a')).toBe(60);
  });

  it('takes back the charge of an attempt that was right, and only that one', () => {
    const attempts = new FailedAttempts(policy, () => 0);
    attempts.fail('desk-a');
    attempts.fail('desk-a');
    expect(attempts.charge('desk-a')).toBe(true);
    attempts.refund('desk-a');
    expect(attempts.blockedFor('desk-a')).toBe(0);
    attempts.fail('desk-a'); // the earlier two mistakes still count
    expect(attempts.blockedFor('desk-a')).toBe(60);
  });

  it('remembers a bounded number of sources, dropping expired ones first', () => {
    const clock = clockAt(0);
    const attempts = new FailedAttempts({ maxFailures: 1, windowMs: 1000 }, clock.read);
    for (let i = 0; i < 10_000; i++) attempts.fail(`old-${i}`);
    clock.now = 500;
    attempts.fail('blocked');
    expect(attempts.blockedFor('blocked')).toBe(1);
    clock.now = 1200; // every old-* entry has expired; 'blocked' has not, and is kept over them
    for (let i = 0; i < 9_999; i++) attempts.fail(`new-${i}`);
    expect(attempts.blockedFor('blocked')).toBe(1);
    expect(attempts.blockedFor('new-9998')).toBe(1);
    // Full of live entries, the oldest goes to make room.
    attempts.fail('newest');
    expect(attempts.blockedFor('blocked')).toBe(0);
    expect(attempts.blockedFor('newest')).toBe(1);
  });
});
