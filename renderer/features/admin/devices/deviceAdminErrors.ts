import type { TFunction } from 'i18next';
import { DeviceAdminError } from '../../../data/deviceAdmin.ts';

/** A failure as the tab shows it: the server's code (translated) and its own words. */
export interface DeviceAdminFailure {
  readonly code: string;
  readonly message: string;
  /** With 'too-many-attempts': minutes until the server answers this desk again. */
  readonly minutes?: number;
}

export const failureOf = (error: unknown): DeviceAdminFailure =>
  error instanceof DeviceAdminError
    ? { code: error.code, message: error.message, minutes: error.minutes }
    : { code: 'other', message: error instanceof Error ? error.message : String(error) };

/**
 * enrol.admin.failure.<code> where the desk has words for the server's code, else the server's own words (a failure
 * that is no server answer is code 'other', whose wording needs the message too).
 */
export function failureText(failure: DeviceAdminFailure, t: TFunction, exists: (key: string) => boolean): string {
  const key = `enrol.admin.failure.${failure.code}`;
  const words = { minutes: failure.minutes, message: failure.message };
  return exists(key) ? t(key, words) : t('enrol.admin.failure.other', words);
}

/** The enrolment-code form's wording (useDeskForm): a refused code is about the form as a whole, not the label. */
export function deviceAdminErrors(error: unknown, t: TFunction, exists: (key: string) => boolean) {
  return { form: failureText(failureOf(error), t, exists) };
}
