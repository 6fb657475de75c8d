import type { TFunction } from 'i18next';
import { ZodError } from 'zod';
import { InvalidEventError } from '../../data/append.ts';
import { ComplaintClientError } from '../../data/complaints/client.ts';
import { RefusedIntakeGoneError } from '../../data/complaints/outbox.ts';
import type { ErrorWording } from '../../forms/useDeskForm.ts';
import { fieldErrors } from '../contact/fieldErrors.ts';

// A refused complaint form, worded per field: the shared schemas' messages are keys (complaint.errors.* first, then
// errors.*); HQ's refusals are closed codes (shared/sync/complaintApi.ts) worded in complaint.failure.*.

type Exists = (key: string) => boolean;

/** HQ's code (or the desk's 'offline'…) in words, for a form's banner or a screen's alert. */
export function failureWords(error: unknown, t: TFunction, exists: Exists): string {
  if (error instanceof ComplaintClientError) {
    const key = `complaint.failure.${error.code}`;
    return exists(key) ? t(key) : t('complaint.failure.other', { message: error.message });
  }
  return t('complaint.failure.other', { message: error instanceof Error ? error.message : String(error) });
}

/** Why HQ refused an intake: in the clerk's language when HQ's code is one the desk knows, else HQ's own message. */
export function refusalWords(
  refusal: { readonly lastError?: string; readonly lastCode?: string },
  t: TFunction,
  exists: Exists,
): string {
  const key = `complaint.refused.${refusal.lastCode ?? ''}`;
  return refusal.lastCode && exists(key) ? t(key) : t('complaint.refused.other', { message: refusal.lastError ?? '' });
}

/** The field an issue belongs to: its last named path segment (a list's index names no field), renamed by `alias`. */
export function fieldOf(path: readonly PropertyKey[], alias: Readonly<Record<string, string>>): string {
  const named = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (named === undefined || named === 'payload') return 'form';
  return alias[named] ?? named;
}

/** A wording for useDeskForm; `alias` maps a payload field to the form's own field name where they differ. */
export function complaintErrors(alias: Readonly<Record<string, string>> = {}): ErrorWording {
  return (error: unknown, t: TFunction, exists: Exists) => {
    if (error instanceof ComplaintClientError) return { form: failureWords(error, t, exists) };
    if (error instanceof RefusedIntakeGoneError) return { form: t('complaint.refused.gone') };
    // A schema's refusal, or the form's own check (useDeskForm words a check as an InvalidEventError).
    if (!(error instanceof ZodError) && !(error instanceof InvalidEventError)) return fieldErrors(error, t, exists);
    const out: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = fieldOf(issue.path, alias);
      const own = `complaint.errors.${issue.message}`;
      const shared = `errors.${issue.message}`;
      out[field] ??= exists(own)
        ? t(own)
        : exists(shared)
          ? t(shared)
          : t('errors.generic', { message: `${issue.path.join('.')} ${issue.message}` });
    }
    return out;
  };
}
