import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NIGHTLY_SYNC_AT,
  DEFAULT_SERVER_URL,
  defaultDeskConfig,
  parseStoredDeskConfig,
  publicDeskConfig,
  serializeDeskConfig,
  withNightlySyncAt,
  withServerUrl,
  type StoredDeskConfig,
} from '../../../../../electron/main/pure/desk-config.ts';

const defaults: StoredDeskConfig = { serverUrl: DEFAULT_SERVER_URL, nightlySyncAt: DEFAULT_NIGHTLY_SYNC_AT };

describe('desk config defaults', () => {
  it('uses the local HQ server and a 02:30 nightly sync when nothing is set', () => {
    expect(defaultDeskConfig({})).toEqual({
      config: { serverUrl: 'http://127.0.0.1:8080', nightlySyncAt: '02:30' },
      problems: [],
    });
    expect(defaultDeskConfig({ FIRSTDESK_SERVER_URL: '' }).config.serverUrl).toBe('http://127.0.0.1:8080');
  });

  it('takes the server from FIRSTDESK_SERVER_URL', () => {
    const { config, problems } = defaultDeskConfig({ FIRSTDESK_SERVER_URL: 'https://hq.kjj.example.gov.cn' });
    expect(config.serverUrl).toBe('https://hq.kjj.example.gov.cn');
    expect(problems).toEqual([]);
  });

  it('ignores an unusable FIRSTDESK_SERVER_URL and says why', () => {
    const { config, problems } = defaultDeskConfig({ FIRSTDESK_SERVER_URL: 'ftp://hq' });
    expect(config.serverUrl).toBe(DEFAULT_SERVER_URL);
    expect(problems).toEqual([expect.stringMatching(/FIRSTDESK_SERVER_URL "ftp:\/\/hq" ignored: .*http\(s\)/)]);
  });
});

describe('reading desk-config.json', () => {
  it('uses the defaults when there is no file yet', () => {
    expect(parseStoredDeskConfig(null, defaults)).toEqual({ config: defaults, problems: [] });
  });

  it('reads both settings as written', () => {
    const text = JSON.stringify({ serverUrl: 'https://hq.example/', nightlySyncAt: '23:05' });
    expect(parseStoredDeskConfig(text, defaults)).toEqual({
      config: { serverUrl: 'https://hq.example/', nightlySyncAt: '23:05' },
      problems: [],
    });
  });

  it('fills a missing setting from the defaults without complaint', () => {
    const text = JSON.stringify({ serverUrl: 'https://hq.example/' });
    expect(parseStoredDeskConfig(text, defaults)).toEqual({
      config: { serverUrl: 'https://hq.example/', nightlySyncAt: '02:30' },
      problems: [],
    });
  });

  it('replaces only the bad setting, keeps the good one, and reports the bad one', () => {
    const text = JSON.stringify({ serverUrl: 'javascript:alert(1)', nightlySyncAt: '01:15' });
    const { config, problems } = parseStoredDeskConfig(text, defaults);
    expect(config).toEqual({ serverUrl: DEFAULT_SERVER_URL, nightlySyncAt: '01:15' });
    expect(problems).toEqual([expect.stringMatching(/^desk-config\.json serverUrl ignored: /)]);
  });

  it('rejects an impossible nightly time', () => {
    const text = JSON.stringify({ nightlySyncAt: '24:00' });
    const { config, problems } = parseStoredDeskConfig(text, defaults);
    expect(config.nightlySyncAt).toBe('02:30');
    expect(problems[0]).toMatch(/nightlySyncAt ignored: must be a time of day written HH:MM/);
  });

  it('falls back to the defaults for a damaged or non-object file', () => {
    expect(parseStoredDeskConfig('{"serverUrl": ', defaults).problems).toEqual([
      'desk-config.json is not valid JSON; using the defaults',
    ]);
    expect(parseStoredDeskConfig('[]', defaults).config).toEqual(defaults);
    expect(parseStoredDeskConfig('null', defaults).problems[0]).toMatch(/does not hold an object/);
  });

  it('drops unknown keys when written back', () => {
    const { config } = parseStoredDeskConfig(JSON.stringify({ serverUrl: 'https://hq.example/', extra: 1 }), defaults);
    expect(JSON.parse(serializeDeskConfig(config))).toEqual({
      serverUrl: 'https://hq.example/',
      nightlySyncAt: '02:30',
    });
  });
});

describe('changing the HQ server address', () => {
  it('accepts an http(s) address and keeps the other settings', () => {
    const next = withServerUrl({ ...defaults, nightlySyncAt: '03:00' }, 'https://hq.example:8443');
    expect(next).toEqual({ serverUrl: 'https://hq.example:8443', nightlySyncAt: '03:00' });
  });

  it('refuses a bad address with a message saying what is wrong', () => {
    expect(() => withServerUrl(defaults, 'ftp://hq.example')).toThrow(
      'The HQ server address was not changed: must be an http(s) address',
    );
    expect(() => withServerUrl(defaults, 'hq.example')).toThrow(/^The HQ server address was not changed: /);
    expect(() => withServerUrl(defaults, 42)).toThrow(/^The HQ server address was not changed: /);
  });

  it('shows the renderer only what the bridge contract describes', () => {
    expect(publicDeskConfig({ serverUrl: 'https://hq.example/', nightlySyncAt: '02:30' })).toEqual({
      serverUrl: 'https://hq.example/',
    });
  });
});

describe('changing the nightly sync time', () => {
  it('takes the bureau’s time and keeps the server address', () => {
    expect(withNightlySyncAt({ serverUrl: 'https://hq.example/', nightlySyncAt: '02:30' }, '23:15')).toEqual({
      serverUrl: 'https://hq.example/',
      nightlySyncAt: '23:15',
    });
  });

  it('refuses a time that is not HH:MM and says so', () => {
    expect(() => withNightlySyncAt(defaults, '25:00')).toThrow(
      /^The nightly sync time was not changed: must be a time of day written HH:MM/,
    );
    expect(() => withNightlySyncAt(defaults, undefined)).toThrow(/^The nightly sync time was not changed: /);
  });
});
