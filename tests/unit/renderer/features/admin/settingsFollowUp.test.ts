import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS, settingsSchema, type Settings } from '../../../../../shared/model/reference.ts';
import { en } from '../../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../../shared/i18n/zh-CN.ts';
import { InvalidEventError } from '../../../../../renderer/data/append.ts';
import { settingsFieldErrors } from '../../../../../renderer/features/admin/settings/settingsErrors.ts';
import { fromForm, toForm } from '../../../../../renderer/features/admin/settings/settingsForm.ts';

// Chapter 7's settings in the editor: the follow-up limit, its owner, the sampling of inquiries as a percentage,
// and the rectification limit; the schema's 0–1 rate is typed and worded as 0–100 %.

const SETTINGS: Settings = {
  bureauName: '南阳市科学技术局',
  bureauCode: 'NYKJ',
  consultPhone: '0377-63176311',
  complaintPhone: '0377-63176300',
  idleLockMinutes: 5,
  nightlySyncAt: '02:30',
  followUp: { dueDays: 3, owner: 'department', contactSampleRate: 0.29, rectifyDays: 7 },
};

let zh: TFunction;
let exists: (key: string) => boolean;
beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  zh = i18n.getFixedT('zh-CN');
  exists = (key) => i18n.exists(key);
});

const errorsOf = (settings: unknown) => {
  const parsed = settingsSchema.safeParse(settings);
  if (parsed.success) throw new Error('expected the schema to refuse');
  return settingsFieldErrors(new InvalidEventError(parsed.error.issues), zh, exists);
};

describe('the follow-up settings in the settings form', () => {
  it('shows the rate as a percentage and saves it back as the same rate (no 28.999…)', () => {
    const form = toForm(SETTINGS);
    expect(form).toMatchObject({
      followUpDueDays: 3,
      followUpOwner: 'department',
      followUpSamplePercent: 29,
      followUpRectifyDays: 7,
    });
    expect(settingsSchema.parse(fromForm(form, SETTINGS)).followUp).toEqual(SETTINGS.followUp);
  });

  it('shows the defaults in force where the settings have no follow-up block', () => {
    const { followUp: _none, ...older } = SETTINGS;
    expect(toForm(older)).toMatchObject({
      followUpDueDays: DEFAULT_FOLLOW_UP_SETTINGS.dueDays,
      followUpOwner: DEFAULT_FOLLOW_UP_SETTINGS.owner,
      followUpSamplePercent: DEFAULT_FOLLOW_UP_SETTINGS.contactSampleRate * 100,
    });
  });

  it('art. 30: shows the bureau’s 反映强烈 rule (the floor when none is set) and saves a wider one, the floor as absent', () => {
    expect(toForm(SETTINGS).followUpStrongWhen).toBe('overall');
    const wider = { ...toForm(SETTINGS), followUpStrongWhen: 'anyVeryDissatisfied' as const };
    const saved = settingsSchema.parse(fromForm(wider, SETTINGS));
    expect(saved.followUp?.strongWhen).toBe('anyVeryDissatisfied');
    expect(toForm(saved).followUpStrongWhen).toBe('anyVeryDissatisfied');
    const back = settingsSchema.parse(fromForm({ ...toForm(saved), followUpStrongWhen: 'overall' }, saved));
    expect(back.followUp).not.toHaveProperty('strongWhen');
  });

  it('saves an edited percentage as a rate, 0 and 100 included', () => {
    for (const [percent, rate] of [
      [0, 0],
      [12.5, 0.125],
      [100, 1],
    ] as const) {
      const form = { ...toForm(SETTINGS), followUpSamplePercent: percent };
      expect(settingsSchema.parse(fromForm(form, SETTINGS)).followUp?.contactSampleRate).toBe(rate);
    }
  });

  it('refuses 150 % and a blank limit on their own fields, in words', () => {
    const errors = errorsOf(
      fromForm({ ...toForm(SETTINGS), followUpSamplePercent: 150, followUpDueDays: '' }, SETTINGS),
    );
    expect(errors.followUpSamplePercent).toBe('请填写 0 到 100 之间的百分比。');
    expect(errors.followUpDueDays).toBeTruthy();
    const zero = errorsOf(fromForm({ ...toForm(SETTINGS), followUpRectifyDays: 0 }, SETTINGS));
    expect(zero.followUpRectifyDays).toBe('不能小于 1。');
  });
});
