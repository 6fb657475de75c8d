import type { TFunction } from 'i18next';
import { InvalidEventError } from '../../data/append.ts';
import { fieldErrors } from '../contact/fieldErrors.ts';

/**
 * A refused follow-up act worded per field: the desk's own refusals (followUpDesk.errors.*) first, then the shared
 * schema's keys (errors.*) as every form words them.
 */
export function followUpErrors(error: unknown, t: TFunction, exists: (key: string) => boolean): Record<string, string> {
  const out = fieldErrors(error, t, exists);
  if (!(error instanceof InvalidEventError)) return out;
  for (const issue of error.issues) {
    const key = `followUpDesk.errors.${issue.message}`;
    if (exists(key)) out[String(issue.path.at(-1) ?? 'form')] = t(key);
  }
  return out;
}
