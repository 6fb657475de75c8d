import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, loadConfig } from '../../../server/src/config.ts';

describe('server configuration from the environment', () => {
  it('starts with safe defaults: local only, SQLite in ./data, demo seed', () => {
    const config = loadConfig({}, '/srv/firstdesk');
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/firstdesk/data',
      database: { kind: 'sqlite', file: '/srv/firstdesk/data/firstdesk.sqlite' },
      seed: 'demo',
      logLevel: 'info',
    });
    expect(config.rendererDir).toMatch(/dist\/renderer$/);
  });

  it('uses PostgreSQL when DATABASE_URL is a postgres URL', () => {
    const url = 'postgresql://fd:secret@db.internal:5432/firstdesk';
    expect(loadConfig({ DATABASE_URL: url }, '/srv').database).toEqual({ kind: 'postgres', url });
    expect(describeDatabase({ kind: 'postgres', url })).not.toContain('secret');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, '/srv')).toMatchObject({
      port: 8080,
      database: { kind: 'sqlite' },
    });
  });

  it('refuses a bad value with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, '/srv')).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' }, '/srv')).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ FIRSTDESK_SEED: 'full' }, '/srv')).toThrow(/FIRSTDESK_SEED/);
  });

  it('believes X-Forwarded-For only from the proxies it is given', () => {
    expect(loadConfig({}, '/srv').trustProxy).toBeUndefined();
    expect(loadConfig({ FIRSTDESK_TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }, '/srv').trustProxy).toBe(
      '10.0.0.5,10.0.1.0/24',
    );
    expect(loadConfig({ FIRSTDESK_TRUST_PROXY: 'fd00::1,fd00:1::/64' }, '/srv').trustProxy).toBe('fd00::1,fd00:1::/64');
    for (const bad of ['true', 'cafe', '10.0.0.0/99', '0.0.0.0/0', '::/0', '10.0.0.5/', '10.0.0.5,,']) {
      expect(() => loadConfig({ FIRSTDESK_TRUST_PROXY: bad }, '/srv'), bad).toThrow(/FIRSTDESK_TRUST_PROXY: must be/);
    }
  });

  it('resolves relative folders against the working directory', () => {
    const config = loadConfig({ FIRSTDESK_DATA_DIR: 'var/fd', FIRSTDESK_RENDERER_DIR: 'web' }, '/srv');
    expect(config).toMatchObject({ dataDir: '/srv/var/fd', rendererDir: '/srv/web' });
  });
});
