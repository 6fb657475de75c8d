import type { TFunction } from 'i18next';
import { InvalidEventError } from '../../data/append.ts';
import { fieldErrors } from '../contact/fieldErrors.ts';

/**
 * fieldErrors, with the case screens' own messages first: an operation's code `x` reads `cases.errors.x` when the
 * cases resources word it, else the shared `errors.x` (schema messages the contact screens share).
 */
export function caseFieldErrors(
  error: unknown,
  t: TFunction,
  exists: (key: string) => boolean,
): Record<string, string> {
  if (!(error instanceof InvalidEventError)) return fieldErrors(error, t, exists);
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[issue.path.length - 1] ?? 'form');
    const own = `cases.errors.${issue.message}`;
    if (exists(own)) out[field] ??= t(own);
  }
  return { ...fieldErrors(error, t, exists), ...out };
}
