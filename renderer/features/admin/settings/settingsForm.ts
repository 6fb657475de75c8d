import type { z } from 'zod';
import {
  DEFAULT_COMPLAINT_SETTINGS,
  DEFAULT_FOLLOW_UP_SETTINGS,
  type ComplaintSettings,
  type Settings,
  type settingsSchema,
  type StrongRule,
} from '../../../../shared/model/reference.ts';
import { escalationAnswerDays } from '../../../../shared/rules/escalationDeadline.ts';

// The settings editor's form state: numbers as typed ('' while blank), turned into the shared schema's input only
// on save, where the schema alone judges it. Fields this form does not show (added by later issues) are carried
// over from the version opened, so saving here never drops them.

// A type, not an interface: the desk's form store takes a plain record of values.
export type SettingsForm = {
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
  /** Chapter 7 (settings.followUp): working days to follow up within, whose inbox, contacts sampled, rectification. */
  followUpDueDays: number | string;
  followUpOwner: 'supervisors' | 'department';
  /** The contact sample rate as a percentage 0–100, as an admin thinks of it; the schema holds 0–1. */
  followUpSamplePercent: number | string;
  followUpRectifyDays: number | string;
  /** art. 30: the bureau's own rule for 反映强烈 (settings.followUp.strongWhen). */
  followUpStrongWhen: StrongRule;
  /** Issue 14 (settings.complaints): the stage limits of a complaint in working days, and the 回避 rule. */
  complaintDecideDays: number | string;
  complaintInvestigateDays: number | string;
  complaintStatementDays: number | string;
  complaintTellDays: number | string;
  complaintRecuseSameDepartment: boolean;
  /** '' when the bureau publishes no QR rating page (issue 13). */
  publicRatingBase: string;
  /** 职能职责 for the public commitments page (art. 20, issue 16), one paragraph per line; '' states none. */
  publicDuties: string;
};

/** 0.29 × 100 is 28.999…: a rate is shown to two decimals of a percent, as it was typed. */
const percentOf = (rate: number) => Math.round(rate * 10_000) / 100;

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
    ...followUpForm(settings.followUp ?? DEFAULT_FOLLOW_UP_SETTINGS),
    // Like the follow-up block: the limits in force (the defaults where none were set), saved so on the next save.
    ...complaintForm(settings.complaints ?? DEFAULT_COMPLAINT_SETTINGS),
    publicRatingBase: settings.publicRatingBase ?? '',
    publicDuties: settings.publicDuties ?? '',
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
    followUp: {
      dueDays: number(form.followUpDueDays) as number,
      owner: form.followUpOwner,
      contactSampleRate: (() => {
        const percent = number(form.followUpSamplePercent);
        return (percent === undefined ? undefined : Math.round(percent * 100) / 10_000) as number;
      })(),
      rectifyDays: number(form.followUpRectifyDays) as number,
      // Nothing beyond the floor is written as absent, so settings saved before the rule read the same.
      ...(form.followUpStrongWhen === 'overall' ? {} : { strongWhen: form.followUpStrongWhen }),
    },
    complaints: {
      decideDays: number(form.complaintDecideDays) as number,
      investigateDays: number(form.complaintInvestigateDays) as number,
      statementDays: number(form.complaintStatementDays) as number,
      tellDays: number(form.complaintTellDays) as number,
      recuseSameDepartment: form.complaintRecuseSameDepartment,
    },
    publicRatingBase: form.publicRatingBase.trim() || undefined,
    publicDuties: form.publicDuties.trim() || undefined,
  };
}

function followUpForm(f: NonNullable<Settings['followUp']>) {
  return {
    followUpDueDays: f.dueDays,
    followUpOwner: f.owner,
    followUpSamplePercent: percentOf(f.contactSampleRate),
    followUpRectifyDays: f.rectifyDays,
    followUpStrongWhen: f.strongWhen ?? 'overall',
  };
}

function complaintForm(c: ComplaintSettings) {
  return {
    complaintDecideDays: c.decideDays,
    complaintInvestigateDays: c.investigateDays,
    complaintStatementDays: c.statementDays,
    complaintTellDays: c.tellDays,
    complaintRecuseSameDepartment: c.recuseSameDepartment,
  };
}
