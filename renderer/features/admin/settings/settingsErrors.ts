import type { TFunction } from 'i18next';
import { InvalidEventError } from '../../../data/append.ts';
import { adminFieldErrors } from '../adminErrors.ts';

/**
 * The admin screens' messages, with the bounds the shared settings schema set said in words (at least 7, at most
 * 120, HH:MM): the schema is the only rule; this only words its issues for the field they belong to.
 */
export function settingsFieldErrors(
  error: unknown,
  t: TFunction,
  exists: (key: string) => boolean,
): Record<string, string> {
  const out = adminFieldErrors(error, t, exists);
  if (!(error instanceof InvalidEventError)) return out;
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.length === 1 ? String(issue.path[0]) : followUpField(issue.path);
    // The first issue of a field is the one shown, as in adminFieldErrors.
    if (!field || seen.has(field)) continue;
    seen.add(field);
    if (field === 'followUpSamplePercent') {
      out[field] = t('admin.errors.percent'); // the schema's 0–1 is typed as 0–100
    } else if (issue.code === 'too_small' && issue.origin === 'number') {
      out[field] = t('admin.errors.numberAtLeast', { min: issue.minimum });
    } else if (issue.code === 'too_big' && issue.origin === 'number') {
      out[field] = t('admin.errors.numberAtMost', { max: issue.maximum });
    } else if (issue.code === 'invalid_format' && field === 'nightlySyncAt') {
      out[field] = t('admin.errors.clockTime');
    } else if (issue.path.length === 2) {
      // A follow-up field's own message, worded as adminFieldErrors words it (it files them all under 'followUp').
      out[field] = adminFieldErrors(new InvalidEventError([issue]), t, exists).followUp ?? '';
    }
  }
  return out;
}

/** settings.followUp's fields, shown under their own names in the form (settingsForm.ts). */
const FOLLOW_UP_FIELDS: Record<string, string> = {
  dueDays: 'followUpDueDays',
  owner: 'followUpOwner',
  contactSampleRate: 'followUpSamplePercent',
  rectifyDays: 'followUpRectifyDays',
};

function followUpField(path: readonly PropertyKey[]): string | undefined {
  return path.length === 2 && path[0] === 'followUp' ? FOLLOW_UP_FIELDS[String(path[1])] : undefined;
}
