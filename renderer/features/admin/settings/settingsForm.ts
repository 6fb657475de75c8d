import type { z } from 'zod';
import type { Settings, settingsSchema } from '../../../../shared/model/reference.ts';
import { escalationAnswerDays } from '../../../../shared/rules/escalationDeadline.ts';

// The settings editor's form state: numbers as typed ('' while blank), turned into the shared schema's input only
// on save, where the schema alone judges it. Fields this form does not show (added by later issues) are carried
// over from the version opened, so saving here never drops them.

export interface SettingsForm {
  bureauName: string;
  /** Shown, never edited (every slip serial number starts with it). */
  bureauCode: string;
  consultPhone: string;
  complaintPhone: string;
  idleLockMinutes: number | string;
  escalationAnswerDays: number | string;
  nightlySyncAt: string;
  /** '' for the default (DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS). */
  deviceTokenMaxSilenceDays: number | string;
}

export function toForm(settings: Settings): SettingsForm {
  return {
    bureauName: settings.bureauName,
    bureauCode: settings.bureauCode,
    consultPhone: settings.consultPhone,
    complaintPhone: settings.complaintPhone,
    idleLockMinutes: settings.idleLockMinutes,
    // art. 12: the limit in force, the default where none was ever set, so the admin sees what applies today.
    escalationAnswerDays: escalationAnswerDays(settings),
    nightlySyncAt: settings.nightlySyncAt,
    deviceTokenMaxSilenceDays: settings.deviceTokenMaxSilenceDays ?? '',
  };
}

/** A blank number is absent (the schema then says "required" or takes its default). */
const number = (v: number | string): number | undefined => (typeof v === 'number' ? v : undefined);

export function fromForm(form: SettingsForm, opened: Settings): z.input<typeof settingsSchema> {
  return {
    ...opened,
    bureauName: form.bureauName,
    bureauCode: opened.bureauCode,
    consultPhone: form.consultPhone,
    complaintPhone: form.complaintPhone,
    idleLockMinutes: number(form.idleLockMinutes) as number,
    escalationAnswerDays: number(form.escalationAnswerDays),
    nightlySyncAt: form.nightlySyncAt.trim(),
    deviceTokenMaxSilenceDays: number(form.deviceTokenMaxSilenceDays),
  };
}
