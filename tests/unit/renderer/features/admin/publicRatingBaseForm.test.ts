import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema, type Settings } from '../../../../../shared/model/reference.ts';
import { InvalidEventError } from '../../../../../renderer/data/append.ts';
import { fromForm, toForm } from '../../../../../renderer/features/admin/settings/settingsForm.ts';
import { settingsFieldErrors } from '../../../../../renderer/features/admin/settings/settingsErrors.ts';
import { en } from '../../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../../shared/i18n/zh-CN.ts';

// Issue 13 point 4: the admin sets the address at which applicants' phones reach HQ's rating page; blank means the
// QR codes carry the serial alone.

const SETTINGS: Settings = {
  bureauName: '南阳市科学技术局',
  bureauCode: 'NYKJ',
  consultPhone: '0377-63176311',
  complaintPhone: '0377-63176300',
  idleLockMinutes: 5,
  nightlySyncAt: '02:30',
};

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

describe('the public rating address in the settings form', () => {
  it('is blank where none is set, and stays absent when saved blank', () => {
    const form = toForm(SETTINGS);
    expect(form.publicRatingBase).toBe('');
    const saved = settingsSchema.parse(fromForm({ ...form, publicRatingBase: '  ' }, SETTINGS));
    expect(JSON.parse(JSON.stringify(saved))).not.toHaveProperty('publicRatingBase');
  });

  it('shows the address in force and saves a new one, trimmed', () => {
    const form = toForm({ ...SETTINGS, publicRatingBase: 'https://hq.nykj.example' });
    expect(form.publicRatingBase).toBe('https://hq.nykj.example');
    const saved = settingsSchema.parse(fromForm({ ...form, publicRatingBase: ' http://10.0.0.5:8080 ' }, SETTINGS));
    expect(saved.publicRatingBase).toBe('http://10.0.0.5:8080');
  });

  it('refuses an address that is no http(s) address, with its message on the field in zh-CN and en', () => {
    const parsed = settingsSchema.safeParse(fromForm({ ...toForm(SETTINGS), publicRatingBase: 'hq.nykj?x' }, SETTINGS));
    expect(parsed.success).toBe(false);
    const error = new InvalidEventError(parsed.error!.issues);
    expect(settingsFieldErrors(error, zh, exists)).toEqual({ publicRatingBase: zhCN.admin.errors.publicRatingBase });
    expect(settingsFieldErrors(error, english, exists)).toEqual({ publicRatingBase: en.admin.errors.publicRatingBase });
  });
});
