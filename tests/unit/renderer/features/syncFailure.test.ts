import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../shared/i18n/zh-CN.ts';
import { failureReason } from '../../../../renderer/features/sync/describe.ts';
import { failureOf } from '../../../../renderer/data/transport.ts';

// A desk that met its own push or pull still under way on the server (429 busy-device, issue 10, item 9) waits a
// moment and tries again: the clerk is told so, not shown a server error.

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

const busy = failureOf(
  429,
  { error: 'Too Many Requests', code: 'busy-device', message: '…', retryAfterSeconds: 1 },
  'Too Many Requests',
  '1',
);

describe('why a sync failed, as the clerk reads it', () => {
  it('says a busy desk will try again shortly, in both languages, and waits the Retry-After', () => {
    expect(busy).toMatchObject({ kind: 'server-error', status: 429, retryAfterSeconds: 1 });
    expect(failureReason(i18n.getFixedT('zh-CN'), busy)).toBe('本窗口的上一次同步仍在进行，稍后自动重试');
    expect(failureReason(i18n.getFixedT('en'), busy)).toMatch(/still under way; it will try again shortly/);
    expect(failureReason(i18n.getFixedT('zh-CN'), busy)).not.toMatch(/服务器错误/);
  });

  it('still calls a server fault a server error with its status', () => {
    const fault = failureOf(500, { error: 'x', code: 'internal', message: 'm' }, 'Internal Server Error');
    expect(failureReason(i18n.getFixedT('zh-CN'), fault)).toBe('服务器错误（500）');
  });
});
