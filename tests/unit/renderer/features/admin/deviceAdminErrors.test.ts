import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeviceAdminError } from '../../../../../renderer/data/deviceAdmin.ts';
import { deviceAdminErrors } from '../../../../../renderer/features/admin/devices/deviceAdminErrors.ts';
import { en } from '../../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../../shared/i18n/zh-CN.ts';

// The enrolment-code form (DevicesTab on useDeskForm) says a refused code on the form as a whole, in the tab's words.

let zh: TFunction;
let english: TFunction;
let exists: (key: string) => boolean;
beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  zh = i18n.getFixedT('zh-CN');
  english = i18n.getFixedT('en');
  exists = (key) => i18n.exists(key);
});

describe('deviceAdminErrors', () => {
  it('words a server code the desk knows, with the minutes of a throttle', () => {
    const throttled = new DeviceAdminError('too-many-attempts', 'slow down', 7);
    expect(deviceAdminErrors(throttled, zh, exists)).toEqual({ form: '本窗口的请求过于频繁，请 7 分钟后再试。' });
    expect(deviceAdminErrors(new DeviceAdminError('not-admin', 'no'), zh, exists).form).toBe(
      '您不是系统管理员，不能管理窗口设备。',
    );
    expect(deviceAdminErrors(throttled, english, exists).form).toMatch(/7/);
  });

  it("gives the server's own words for a code it has none for, and for any other failure", () => {
    expect(deviceAdminErrors(new DeviceAdminError('brand-new', '新原因'), zh, exists)).toEqual({
      form: '服务器未完成操作：新原因',
    });
    expect(deviceAdminErrors(new TypeError('Failed to fetch'), zh, exists).form).toBe(
      '服务器未完成操作：Failed to fetch',
    );
  });
});
