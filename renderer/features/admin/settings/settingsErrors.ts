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
    const field = issue.path.length === 1 ? String(issue.path[0]) : undefined;
    // The first issue of a field is the one shown, as in adminFieldErrors.
    if (!field || seen.has(field)) continue;
    seen.add(field);
    if (issue.code === 'too_small' && issue.origin === 'number') {
      out[field] = t('admin.errors.numberAtLeast', { min: issue.minimum });
    } else if (issue.code === 'too_big' && issue.origin === 'number') {
      out[field] = t('admin.errors.numberAtMost', { max: issue.maximum });
    } else if (issue.code === 'invalid_format' && field === 'nightlySyncAt') {
      out[field] = t('admin.errors.clockTime');
    }
  }
  return out;
}
