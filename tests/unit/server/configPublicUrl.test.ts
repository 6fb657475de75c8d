import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/src/config.ts';

// Issue 13 point 4: where applicants' phones reach this server, for the demo's 扫码评价地址.

describe('FIRSTDESK_PUBLIC_URL', () => {
  it('is taken as given, without a trailing slash', () => {
    expect(loadConfig({ FIRSTDESK_PUBLIC_URL: 'https://hq.example.gov.cn/' }, '/srv').publicUrl).toBe(
      'https://hq.example.gov.cn',
    );
  });

  it('defaults to this machine’s own address when HOST names one, and to none for a wildcard or port 0', () => {
    expect(loadConfig({}, '/srv').publicUrl).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ HOST: '10.0.0.5', PORT: '4318' }, '/srv').publicUrl).toBe('http://10.0.0.5:4318');
    expect(loadConfig({ HOST: '0.0.0.0' }, '/srv').publicUrl).toBeUndefined();
    expect(loadConfig({ PORT: '0' }, '/srv').publicUrl).toBeUndefined();
  });

  it('refuses an address no phone could open, saying what it must be', () => {
    for (const bad of ['hq.example.gov.cn', 'https://hq.example.gov.cn/?a=1', 'ftp://hq']) {
      expect(() => loadConfig({ FIRSTDESK_PUBLIC_URL: bad }, '/srv')).toThrow(ConfigError);
      expect(() => loadConfig({ FIRSTDESK_PUBLIC_URL: bad }, '/srv')).toThrow(/FIRSTDESK_PUBLIC_URL: must be the http/);
    }
  });
});
