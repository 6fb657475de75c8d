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
  const shownOnFields = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.length === 1 ? String(issue.path[0]) : nestedField(issue.path);
    // The first issue of a field is the one shown, as in adminFieldErrors.
    if (!field || seen.has(field)) continue;
    seen.add(field);
    if (issue.path.length === 2) shownOnFields.add(String(issue.path[0]));
    if (field === 'followUpSamplePercent') {
      out[field] = t('admin.errors.percent'); // the schema's 0–1 is typed as 0–100
    } else if (issue.code === 'too_small' && issue.origin === 'number') {
      out[field] = t('admin.errors.numberAtLeast', { min: issue.minimum });
    } else if (issue.code === 'too_big' && issue.origin === 'number') {
      out[field] = t('admin.errors.numberAtMost', { max: issue.maximum });
    } else if (issue.code === 'invalid_format' && field === 'nightlySyncAt') {
      out[field] = t('admin.errors.clockTime');
    } else if (issue.path.length === 2) {
      // A nested field's own message, worded as adminFieldErrors words it (it files them under the block's name).
      out[field] = adminFieldErrors(new InvalidEventError([issue]), t, exists)[String(issue.path[0])] ?? '';
    }
  }
  // adminFieldErrors also files a nested issue under its block's name, which no input has: shown on its own field
  // it goes; otherwise (the block itself malformed, a path no field has) it is said on the form, not lost.
  for (const block of Object.keys(NESTED_FIELDS)) {
    if (out[block] === undefined) continue;
    if (!shownOnFields.has(block)) out.form ??= out[block];
    delete out[block];
  }
  return out;
}

/** settings.followUp's and settings.complaints' fields, shown under their own names in the form (settingsForm.ts). */
const NESTED_FIELDS: Record<string, Record<string, string>> = {
  followUp: {
    dueDays: 'followUpDueDays',
    owner: 'followUpOwner',
    contactSampleRate: 'followUpSamplePercent',
    rectifyDays: 'followUpRectifyDays',
  },
  complaints: {
    decideDays: 'complaintDecideDays',
    investigateDays: 'complaintInvestigateDays',
    statementDays: 'complaintStatementDays',
    tellDays: 'complaintTellDays',
    recuseSameDepartment: 'complaintRecuseSameDepartment',
  },
};

// Own keys only: a path is data, and 'constructor' must not find Object's.
const own = <T>(record: Record<string, T>, key: PropertyKey): T | undefined =>
  Object.hasOwn(record, key) ? record[String(key)] : undefined;

function nestedField(path: readonly PropertyKey[]): string | undefined {
  const block = path.length === 2 ? own(NESTED_FIELDS, path[0]!) : undefined;
  return block && own(block, path[1]!);
}
