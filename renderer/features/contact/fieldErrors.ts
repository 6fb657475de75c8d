import type { TFunction } from 'i18next';
import { InvalidEventError } from '../../data/append.ts';
import { SessionRequiredError } from '../../data/author.ts';

/**
 * Turn a rejected action into messages per form field. The shared schemas use i18n keys (errors.*)
 * as messages; anything else is shown as a generic message with the schema's text.
 */
export function fieldErrors(error: unknown, t: TFunction, exists: (key: string) => boolean): Record<string, string> {
  if (error instanceof SessionRequiredError) return { form: t('auth.privileged.needsSession') };
  if (!(error instanceof InvalidEventError)) {
    return { form: t('errors.saveFailed', { message: error instanceof Error ? error.message : String(error) }) };
  }
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[issue.path.length - 1] ?? 'form');
    const key = `errors.${issue.message}`;
    out[field] ??= exists(key) ? t(key) : t('errors.generic', { message: `${issue.path.join('.')} ${issue.message}` });
  }
  return out;
}
