import { describe, expect, it, vi } from 'vitest';
import type { DeskConfigStore } from '../../../../../electron/main/config.ts';
import { nightlyHandlers } from '../../../../../electron/main/ipc/nightly.ts';
import type { StoredDeskConfig } from '../../../../../electron/main/pure/desk-config.ts';

function fakeStore(nightlySyncAt: string) {
  let current: StoredDeskConfig = { serverUrl: 'https://hq.example/', nightlySyncAt };
  const store = {
    get: () => current,
    setServerUrl: vi.fn(),
    setNightlySyncAt: vi.fn(async (at: unknown) => {
      current = { ...current, nightlySyncAt: at as string };
      return current;
    }),
  } satisfies DeskConfigStore;
  return store;
}

const nextAt = new Date('2026-11-28T15:30:00.000Z');

describe('setNightlySync in main', () => {
  it('keeps a changed time in the desk config and re-arms the timer', async () => {
    const store = fakeStore('02:30');
    const wake = { reschedule: vi.fn(() => nextAt) };
    const { setNightlySync } = nightlyHandlers(store, wake);
    await expect(setNightlySync.run({ at: '23:30' })).resolves.toEqual({
      at: '23:30',
      nextAt: '2026-11-28T15:30:00.000Z',
    });
    expect(store.setNightlySyncAt).toHaveBeenCalledWith('23:30');
    expect(wake.reschedule).toHaveBeenCalledTimes(1);
  });

  it('does not rewrite the file when every start reports the same time', async () => {
    const store = fakeStore('02:30');
    const { setNightlySync } = nightlyHandlers(store, { reschedule: () => nextAt });
    await setNightlySync.run({ at: '02:30' });
    expect(store.setNightlySyncAt).not.toHaveBeenCalled();
  });

  it('accepts only one argument, a request with an HH:MM time', () => {
    const { setNightlySync } = nightlyHandlers(fakeStore('02:30'), { reschedule: () => nextAt });
    expect(setNightlySync.args.safeParse([{ at: '23:30' }]).success).toBe(true);
    for (const bad of [[], [{ at: '7pm' }], ['23:30'], [{ at: '23:30' }, 'extra'], [{}]]) {
      expect(setNightlySync.args.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
