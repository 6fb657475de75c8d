import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { InvalidEventError } from '../../data/append.ts';
import { SessionRequiredError } from '../../data/author.ts';

type Issue = z.core.$ZodIssue;

/**
 * The form field a message belongs to: a row's by its row and field (materials.2.name, procedure.0.limitDays,
 * faq.1.answer, forms.0.file), a list's once for the whole list, everything else by its own name.
 */
export function fieldOf(path: readonly PropertyKey[]): string {
  const [first, second, third] = path;
  const rows = ['materials', 'procedure', 'specialSteps', 'faq', 'forms'];
  if (rows.includes(String(first)) && typeof second === 'number' && third !== undefined) {
    return `${String(first)}.${second}.${String(third)}`;
  }
  // 办理结果 and 送达方式 are two fields of the form (resultName, resultDelivery), as the fee's are.
  if ((first === 'fee' || first === 'result') && typeof second === 'string')
    return `${first}${second[0]!.toUpperCase()}${second.slice(1)}`;
  return first === undefined ? 'form' : String(first);
}

/** The i18n key of an issue: the schema's own key when it set one, else one by the kind of mistake. */
function keyOf(issue: Issue, exists: (key: string) => boolean): string | undefined {
  for (const key of [`admin.errors.${issue.message}`, `errors.${issue.message}`]) if (exists(key)) return key;
  const origin = 'origin' in issue ? issue.origin : undefined;
  switch (issue.code) {
    case 'too_small':
      return origin === 'array'
        ? 'admin.errors.listRequired'
        : origin === 'string'
          ? 'admin.errors.required'
          : 'admin.errors.numberRange';
    case 'too_big':
      return origin === 'array'
        ? 'admin.errors.tooMany'
        : origin === 'string'
          ? 'admin.errors.tooLong'
          : 'admin.errors.numberRange';
    case 'invalid_format':
      return 'admin.errors.slug';
    case 'invalid_type':
      return issue.expected === 'int' ? 'admin.errors.wholeNumber' : 'admin.errors.required';
    default:
      return undefined;
  }
}

/**
 * Turn a refused admin action into translated messages per form field, shown next to the field. A refused
 * action stored nothing; an unexpected failure is shown on the form as it is.
 */
export function adminFieldErrors(
  error: unknown,
  t: TFunction,
  exists: (key: string) => boolean,
): Record<string, string> {
  if (error instanceof SessionRequiredError) return { form: t('auth.privileged.needsSession') };
  if (!(error instanceof InvalidEventError)) {
    return { form: t('admin.errors.saveFailed', { message: error instanceof Error ? error.message : String(error) }) };
  }
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = keyOf(issue, exists);
    out[fieldOf(issue.path)] ??= key
      ? t(key)
      : t('admin.errors.generic', { message: `${issue.path.map(String).join('.')} ${issue.message}` });
  }
  return out;
}
