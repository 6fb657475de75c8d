import type { TFunction } from 'i18next';
import { InvalidEventError } from '../../data/append.ts';
import { fieldErrors } from '../contact/fieldErrors.ts';

/**
 * A refused rectification or appeal worded per field: the desk's own refusals (satisfaction.errors.*), then the
 * shared schema's messages of the rating and follow-up events (followUp.errors.*), then errors.* as every form.
 */
export function satisfactionErrors(
  error: unknown,
  t: TFunction,
  exists: (key: string) => boolean,
): Record<string, string> {
  const out = fieldErrors(error, t, exists);
  if (!(error instanceof InvalidEventError)) return out;
  for (const issue of error.issues) {
    const key = [`satisfaction.errors.${issue.message}`, `followUp.errors.${issue.message}`].find(exists);
    if (key) out[String(issue.path.at(-1) ?? 'form')] = t(key);
  }
  return out;
}
