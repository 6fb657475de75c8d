import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DESK_CONFIG_FILE, openDeskConfigStore } from '../../../../electron/main/config.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const stored = async () => JSON.parse(await readFile(path.join(dir, DESK_CONFIG_FILE), 'utf8')) as unknown;

describe('the desk config file', () => {
  it('keeps the bureau’s nightly time for the next start, before any page has loaded', async () => {
    const store = await openDeskConfigStore(dir, {});
    await store.setNightlySyncAt('23:40');
    expect(await stored()).toEqual({ serverUrl: 'http://127.0.0.1:8080', nightlySyncAt: '23:40' });
    const reopened = await openDeskConfigStore(dir, {});
    expect(reopened.get().nightlySyncAt).toBe('23:40');
  });

  it('refuses a bad time at once and keeps the file as it was', async () => {
    const store = await openDeskConfigStore(dir, {});
    await store.setNightlySyncAt('01:00');
    expect(() => store.setNightlySyncAt('7pm')).toThrow(/nightly sync time was not changed/);
    expect(store.get().nightlySyncAt).toBe('01:00');
    expect(await stored()).toMatchObject({ nightlySyncAt: '01:00' });
  });

  it('keeps both settings when the address and the time change at the same moment', async () => {
    const store = await openDeskConfigStore(dir, {});
    await Promise.all([store.setServerUrl('https://hq.example/'), store.setNightlySyncAt('03:15')]);
    expect(store.get()).toEqual({ serverUrl: 'https://hq.example/', nightlySyncAt: '03:15' });
    expect(await stored()).toEqual({ serverUrl: 'https://hq.example/', nightlySyncAt: '03:15' });
  });
});
