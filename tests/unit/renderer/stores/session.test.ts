import { beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../../../shared/model/reference.ts';
import { useSession } from '../../../../renderer/stores/session.ts';
import { staffSession } from '../data/sessions.ts';

const leader = { id: 'he-jianguo', name: '何建国', roles: ['leader'], active: true } as unknown as Staff;

beforeEach(() => useSession.getState().signOut());

describe('the staff session on the desk', () => {
  it('is kept in memory with the person who signed in online, and only theirs', () => {
    useSession.getState().signIn(leader, staffSession('ma-jun'));
    expect(useSession.getState().session).toBeNull();
    const own = staffSession('he-jianguo');
    useSession.getState().signIn(leader, own);
    expect(useSession.getState().session).toBe(own);
  });

  it('is dropped by the lock; unlocking is a new sign-in with a new session, or none offline', () => {
    useSession.getState().signIn(leader, staffSession('he-jianguo'));
    useSession.getState().lock();
    expect(useSession.getState()).toMatchObject({ locked: true, session: null, staff: leader });
    const fresh = staffSession('he-jianguo');
    useSession.getState().unlock(fresh);
    expect(useSession.getState()).toMatchObject({ locked: false, session: fresh });
    useSession.getState().lock();
    useSession.getState().unlock(null);
    expect(useSession.getState()).toMatchObject({ locked: false, session: null });
  });

  it('is dropped with the person at sign-out', () => {
    useSession.getState().signIn(leader, staffSession('he-jianguo'));
    useSession.getState().signOut();
    expect(useSession.getState()).toMatchObject({ staff: null, session: null, locked: false });
  });
});
