import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { Staff } from '../../../../shared/model/reference.ts';
import { parsePinHash } from '../../../../shared/rules/pin.ts';
import type { StaffSession } from '../../../../shared/sync/staffAuth.ts';
import { openDeskDb, type DeskDb } from '../../../../renderer/data/db.ts';
import { VERIFIER_ITERATIONS } from '../../../../renderer/data/pin.ts';
import { signInAtDesk } from '../../../../renderer/data/signInAtDesk.ts';
import { StaffAuthError, type StaffAuthClient, type StaffAuthFailure } from '../../../../renderer/data/staffAuth.ts';
import { freshDeskDb } from './deskDb.ts';
import { staffSession } from './sessions.ts';

const clerk = { id: 'zhang-wei' as StaffId, name: '张伟', roles: ['clerk'], active: true } as unknown as Staff;
const leader = { id: 'he-jianguo' as StaffId, name: '何建国', roles: ['leader'], active: true } as unknown as Staff;

/** The HQ server as the sign-in sees it: knows each person's secret, or is out of reach, or throttles. */
function fakeServer(secrets: Record<string, string>) {
  const state: { down: StaffAuthFailure | null; calls: number } = { down: null, calls: 0 };
  const client: StaffAuthClient = {
    async signIn(staffId, secret): Promise<StaffSession> {
      state.calls += 1;
      if (state.down) throw new StaffAuthError(state.down);
      if (secrets[staffId] !== secret) throw new StaffAuthError({ kind: 'sign-in-failed' });
      return staffSession(staffId);
    },
    signOut: async () => undefined,
  };
  return { client, state, unreachable: () => (state.down = { kind: 'unreachable', message: 'offline' }) };
}

const T0 = new Date('2026-12-01T09:00:00+08:00');
const at = (minutes: number) => () => new Date(T0.getTime() + minutes * 60_000);

let db: DeskDb;
let server: ReturnType<typeof fakeServer>;
beforeEach(() => {
  db = freshDeskDb();
  server = fakeServer({ 'zhang-wei': '1234', 'he-jianguo': 'Nanyang2026' });
});

describe('signing in online', () => {
  it('gives the session the server granted, and keeps a slow salted verifier of an everyday PIN', async () => {
    const outcome = await signInAtDesk(db, server.client, clerk, '1234', at(0));
    expect(outcome.kind).toBe('online');
    const row = await db.signInVerifiers.get('zhang-wei');
    const parsed = parsePinHash(row!.verifier);
    expect(parsed?.iterations).toBe(VERIFIER_ITERATIONS);
    expect(VERIFIER_ITERATIONS).toBe(600_000);
    expect(atob(parsed!.salt)).toHaveLength(16);
    expect(row!.verifier).not.toContain('1234');
  });

  it('salts each verifier afresh, so two desks (or two sign-ins) never hold the same one', async () => {
    await signInAtDesk(db, server.client, clerk, '1234', at(0));
    const first = (await db.signInVerifiers.get('zhang-wei'))!.verifier;
    await signInAtDesk(db, server.client, clerk, '1234', at(1));
    expect((await db.signInVerifiers.get('zhang-wei'))!.verifier).not.toBe(first);
  });

  it('never keeps a verifier of a leader, and removes one left from before a promotion', async () => {
    await db.signInVerifiers.put({ staffId: 'he-jianguo', verifier: 'pbkdf2-sha256$600000$AAAA$BBBB', updatedAt: '' });
    const outcome = await signInAtDesk(db, server.client, leader, 'Nanyang2026', at(0));
    expect(outcome.kind).toBe('online');
    expect(await db.signInVerifiers.count()).toBe(0);
  });

  it('takes a password of any characters (a leader types one), and refuses an empty one without asking', async () => {
    server = fakeServer({ 'he-jianguo': 'Ñ 南阳-2026 “x”' });
    expect((await signInAtDesk(db, server.client, leader, 'Ñ 南阳-2026 “x”', at(0))).kind).toBe('online');
    expect(await signInAtDesk(db, server.client, leader, '', at(0))).toEqual({ kind: 'empty-secret' });
    expect(server.state.calls).toBe(1);
  });

  it('passes on the server’s throttle with its wait, without counting a wrong secret', async () => {
    server.state.down = { kind: 'too-many-attempts', minutes: 12 };
    expect(await signInAtDesk(db, server.client, clerk, '1234', at(0))).toEqual({ kind: 'throttled', minutes: 12 });
    expect(await db.meta.get('signInLockout:zhang-wei')).toBeUndefined();
  });
});

describe('signing in offline', () => {
  it('lets an everyday clerk in against this desk’s verifier, with no session (attested)', async () => {
    await signInAtDesk(db, server.client, clerk, '1234', at(0));
    server.unreachable();
    expect(await signInAtDesk(db, server.client, clerk, '1234', at(5))).toEqual({ kind: 'offline' });
  });

  it('says the first sign-in on this desk needs the network', async () => {
    server.unreachable();
    expect(await signInAtDesk(db, server.client, clerk, '1234', at(0))).toEqual({
      kind: 'needs-network',
      reason: 'first-sign-in',
    });
  });

  it('never lets a leader in offline, even one who signed in here online before', async () => {
    await signInAtDesk(db, server.client, leader, 'Nanyang2026', at(0));
    server.unreachable();
    expect(await signInAtDesk(db, server.client, leader, 'Nanyang2026', at(1))).toEqual({
      kind: 'needs-network',
      reason: 'privileged',
    });
  });

  it('keeps a revoked desk usable offline for its clerks, and tells anyone else the server refuses the desk', async () => {
    await signInAtDesk(db, server.client, clerk, '1234', at(0));
    server.state.down = { kind: 'desk-refused', code: 'device-revoked', message: '此窗口已被管理员停用' };
    expect(await signInAtDesk(db, server.client, clerk, '1234', at(1))).toEqual({ kind: 'offline' });
    expect(await signInAtDesk(db, server.client, leader, 'Nanyang2026', at(1))).toEqual({
      kind: 'desk-refused',
      message: '此窗口已被管理员停用',
    });
    expect((await signInAtDesk(db, server.client, clerk, '0000', at(2))).kind).toBe('wrong-secret');
  });

  it('does not trust a verifier weaker than the desk makes', async () => {
    await db.signInVerifiers.put({ staffId: 'zhang-wei', verifier: 'pbkdf2-sha256$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA', updatedAt: '' });
    server.unreachable();
    expect((await signInAtDesk(db, server.client, clerk, '1234', at(0))).kind).toBe('wrong-secret');
  });
});

describe('the attempt limit on this desk', () => {
  it('locks a person out for 15 minutes after 5 wrong secrets, online and offline alike, and says until when', async () => {
    await signInAtDesk(db, server.client, clerk, '1234', at(0));
    const results = [];
    for (let i = 1; i <= 3; i++) results.push(await signInAtDesk(db, server.client, clerk, '0000', at(i)));
    server.unreachable();
    for (let i = 4; i <= 5; i++) results.push(await signInAtDesk(db, server.client, clerk, '0000', at(i)));
    expect(results.slice(0, 4)).toEqual([4, 3, 2, 1].map((remaining) => ({ kind: 'wrong-secret', remaining })));
    expect(results[4]).toEqual({ kind: 'locked', until: at(20)() });
    // The right PIN does not help while locked, and the server is not even asked.
    server.state.down = null;
    const calls = server.state.calls;
    expect(await signInAtDesk(db, server.client, clerk, '1234', at(19))).toEqual({ kind: 'locked', until: at(20)() });
    expect(server.state.calls).toBe(calls);
    expect((await signInAtDesk(db, server.client, clerk, '1234', at(20))).kind).toBe('online');
  });

  it('keeps the lock-out across a reload of the desk', async () => {
    for (let i = 0; i < 5; i++) await signInAtDesk(db, server.client, clerk, '9999', at(0));
    db.close();
    const reopened = openDeskDb(db.name);
    expect(await signInAtDesk(reopened, server.client, clerk, '1234', at(10))).toEqual({
      kind: 'locked',
      until: at(15)(),
    });
  });

  it('locks only the person whose secret was wrong', async () => {
    for (let i = 0; i < 5; i++) await signInAtDesk(db, server.client, clerk, '9999', at(0));
    expect((await signInAtDesk(db, server.client, leader, 'Nanyang2026', at(1))).kind).toBe('online');
  });

  it('starts counting afresh after a good sign-in', async () => {
    for (let i = 0; i < 4; i++) await signInAtDesk(db, server.client, clerk, '9999', at(0));
    expect((await signInAtDesk(db, server.client, clerk, '1234', at(1))).kind).toBe('online');
    expect(await signInAtDesk(db, server.client, clerk, '9999', at(2))).toEqual({ kind: 'wrong-secret', remaining: 4 });
  });
});
