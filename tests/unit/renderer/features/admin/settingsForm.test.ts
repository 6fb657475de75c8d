import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { settingsSavedPayload } from '../../../../../shared/model/adminEvents.ts';
import {
  DEFAULT_COMPLAINT_SETTINGS,
  DEFAULT_FOLLOW_UP_SETTINGS,
  settingsSchema,
  type Settings,
} from '../../../../../shared/model/reference.ts';
import { InvalidEventError } from '../../../../../renderer/data/append.ts';
import { fromForm, toForm } from '../../../../../renderer/features/admin/settings/settingsForm.ts';
import { settingsFieldErrors } from '../../../../../renderer/features/admin/settings/settingsErrors.ts';
import { en } from '../../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../../shared/i18n/zh-CN.ts';

// The settings editor's form and its messages: one schema (shared settingsSchema) judges the form, and its issues
// read per field in zh-CN and en, with the bounds the schema sets.

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

function issuesOf(settings: unknown): InvalidEventError {
  const parsed = settingsSchema.safeParse(settings);
  if (parsed.success) throw new Error('expected the schema to refuse');
  return new InvalidEventError(parsed.error.issues);
}

describe('the settings form', () => {
  it('shows the art. 12 default of 5 working days where the settings name no limit, and saves the settings as they were otherwise', () => {
    const form = toForm(SETTINGS);
    expect(form.escalationAnswerDays).toBe(5);
    expect(form.deviceTokenMaxSilenceDays).toBe('');
    expect(settingsSchema.parse(fromForm(form, SETTINGS))).toEqual({
      ...SETTINGS,
      escalationAnswerDays: 5,
      followUp: DEFAULT_FOLLOW_UP_SETTINGS, // shown as in force, and saved so
      complaints: DEFAULT_COMPLAINT_SETTINGS, // likewise
    });
  });

  it('never changes the bureau code, and carries over fields it does not show', () => {
    const opened = { ...SETTINGS, escalationAnswerDays: 3, laterSetting: 40 } as Settings;
    const form = { ...toForm(opened), bureauCode: 'XXKJ', idleLockMinutes: 12 };
    expect(fromForm(form, opened)).toMatchObject({ bureauCode: 'NYKJ', idleLockMinutes: 12, laterSetting: 40 });
  });

  it('leaves a blank number absent for the schema to judge: required for the idle lock, the default for the silence limit', () => {
    const form = { ...toForm(SETTINGS), idleLockMinutes: '', deviceTokenMaxSilenceDays: '' };
    const input = fromForm(form, SETTINGS);
    expect(input.deviceTokenMaxSilenceDays).toBeUndefined();
    expect(settingsSchema.safeParse(input).success).toBe(false);
  });
});

describe('the settings form’s messages, from the schema’s issues', () => {
  it('names the bound a number broke and the HH:MM form, on each field, in zh-CN and en', () => {
    const error = issuesOf({
      ...SETTINGS,
      idleLockMinutes: 0,
      escalationAnswerDays: 61,
      deviceTokenMaxSilenceDays: 3,
      nightlySyncAt: '2:30',
      complaintPhone: '12',
      bureauName: '',
    });
    expect(settingsFieldErrors(error, zh, exists)).toEqual({
      idleLockMinutes: '不能小于 1。',
      escalationAnswerDays: '不能大于 60。',
      deviceTokenMaxSilenceDays: '不能小于 7。',
      nightlySyncAt: '请按 24 小时制 HH:MM 填写，如 02:30。',
      complaintPhone: zhCN.admin.errors.invalidPhone,
      bureauName: '必填。',
    });
    expect(settingsFieldErrors(error, english, exists)).toMatchObject({
      idleLockMinutes: 'Must be at least 1.',
      escalationAnswerDays: 'Must be at most 60.',
      nightlySyncAt: 'Use 24-hour HH:MM, e.g. 02:30.',
    });
  });

  it('says a fraction is not a whole number, and words the desk’s own refusals', () => {
    expect(settingsFieldErrors(issuesOf({ ...SETTINGS, idleLockMinutes: 2.5 }), zh, exists)).toEqual({
      idleLockMinutes: '请填写整数。',
    });
    const fixed = new InvalidEventError([
      { code: 'custom', path: ['bureauCode'], message: 'bureauCodeFixed', input: undefined },
    ]);
    expect(settingsFieldErrors(fixed, zh, exists)).toEqual({ bureauCode: '单位代码不能在此修改。' });
  });
});

describe('the complaint limits in the settings form (issue 14, settings.complaints)', () => {
  const WITH_COMPLAINTS: Settings = {
    ...SETTINGS,
    complaints: { decideDays: 4, investigateDays: 15, statementDays: 7, tellDays: 3, recuseSameDepartment: false },
  };

  it('shows the bureau’s limits and 回避 rule and saves them back unchanged, beside an edit elsewhere', () => {
    const form = toForm(WITH_COMPLAINTS);
    expect(form).toMatchObject({
      complaintDecideDays: 4,
      complaintInvestigateDays: 15,
      complaintStatementDays: 7,
      complaintTellDays: 3,
      complaintRecuseSameDepartment: false,
    });
    const saved = settingsSchema.parse(fromForm({ ...form, idleLockMinutes: 9 }, WITH_COMPLAINTS));
    expect(saved.complaints).toEqual(WITH_COMPLAINTS.complaints);
    expect(saved.idleLockMinutes).toBe(9);
  });

  it('saves each edited limit to its own place, and the switch as the rule', () => {
    const form = {
      ...toForm(WITH_COMPLAINTS),
      complaintDecideDays: 1,
      complaintInvestigateDays: 90,
      complaintStatementDays: 10,
      complaintTellDays: 5,
      complaintRecuseSameDepartment: true,
    };
    expect(settingsSchema.parse(fromForm(form, WITH_COMPLAINTS)).complaints).toEqual({
      decideDays: 1,
      investigateDays: 90,
      statementDays: 10,
      tellDays: 5,
      recuseSameDepartment: true,
    });
  });

  it('shows the defaults in force (3, 20, 5, 2; same department stands aside) where the settings have no complaint block', () => {
    expect(SETTINGS.complaints).toBeUndefined();
    expect(toForm(SETTINGS)).toMatchObject({
      complaintDecideDays: 3,
      complaintInvestigateDays: 20,
      complaintStatementDays: 5,
      complaintTellDays: 2,
      complaintRecuseSameDepartment: true,
    });
  });

  it('refuses a limit below 1, above 90, blank or a fraction, each on its own field, in zh-CN and en', () => {
    const form = {
      ...toForm(WITH_COMPLAINTS),
      complaintDecideDays: 0,
      complaintInvestigateDays: 91,
      complaintStatementDays: '',
      complaintTellDays: 2.5,
    };
    const parsed = settingsSchema.safeParse(fromForm(form, WITH_COMPLAINTS));
    expect(parsed.success).toBe(false);
    const error = new InvalidEventError(parsed.error!.issues);
    expect(settingsFieldErrors(error, zh, exists)).toEqual({
      complaintDecideDays: '不能小于 1。',
      complaintInvestigateDays: '不能大于 90。',
      complaintStatementDays: '必填。',
      complaintTellDays: '请填写整数。',
    });
    expect(settingsFieldErrors(error, english, exists)).toEqual({
      complaintDecideDays: 'Must be at least 1.',
      complaintInvestigateDays: 'Must be at most 90.',
      complaintStatementDays: en.admin.errors.required,
      complaintTellDays: en.admin.errors.wholeNumber,
    });
    // Refused as a whole: the settings.saved event would not be written either.
    expect(settingsSavedPayload.safeParse({ settings: fromForm(form, WITH_COMPLAINTS), baseRev: 1 }).success).toBe(
      false,
    );
  });

  it('puts a bad 回避 rule (not a yes/no) on the switch, and says on the form what no field holds', () => {
    const error = issuesOf({
      ...WITH_COMPLAINTS,
      complaints: { ...WITH_COMPLAINTS.complaints, recuseSameDepartment: 'yes' },
    });
    expect(settingsFieldErrors(error, zh, exists)).toEqual({ complaintRecuseSameDepartment: '必填。' });
    const odd = new InvalidEventError([
      {
        code: 'too_small',
        origin: 'number',
        minimum: 1,
        inclusive: true,
        path: ['complaints', 'constructor'],
        message: '',
        input: 0,
      },
    ]);
    expect(settingsFieldErrors(odd, zh, exists)).toEqual({ form: '数值超出允许范围。' });
    // The whole block malformed (no field of its own): said on the form.
    expect(settingsFieldErrors(issuesOf({ ...SETTINGS, complaints: 'strict' }), zh, exists)).toEqual({
      form: '必填。',
    });
  });

  it('names the section in the change history (the top-level key complaints)', () => {
    expect(zhCN.admin.settings.complaints).toBe('投诉处理时限');
    expect(en.admin.settings.complaints).toBe('Complaint handling limits');
  });
});

describe('settings.saved', () => {
  it('carries the whole settings, the base version and an optional note; a blank note is none', () => {
    expect(settingsSavedPayload.parse({ settings: SETTINGS, baseRev: 1, note: '  ' })).toEqual({
      settings: SETTINGS,
      baseRev: 1,
      note: undefined,
    });
    expect(settingsSavedPayload.safeParse({ settings: SETTINGS, baseRev: 0 }).success).toBe(false);
    expect(
      settingsSavedPayload.safeParse({ settings: { ...SETTINGS, idleLockMinutes: 121 }, baseRev: 1 }).success,
    ).toBe(false);
  });
});
