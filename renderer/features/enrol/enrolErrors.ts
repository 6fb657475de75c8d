import type { TFunction } from 'i18next';
import { InvalidEventError } from '../../data/append.ts';
import { EnrolmentError } from '../../data/enrolment.ts';

/**
 * The enrolment screen's wording: a code or label the shared enrolment schemas refuse reads enrol.errors.<code>
 * under its field (an unsaved server address, enrol.<code> on the form); a refusal by the server reads
 * enrol.failure.<kind> on the form; anything else, the failed save with its message.
 */
export function enrolErrors(error: unknown, t: TFunction, exists: (key: string) => boolean): Record<string, string> {
  if (error instanceof InvalidEventError) {
    const out: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = String(issue.path[issue.path.length - 1] ?? 'form');
      const own = `enrol.errors.${issue.message}`;
      out[field] ??= t(exists(own) ? own : `enrol.${issue.message}`);
    }
    return out;
  }
  if (!(error instanceof EnrolmentError)) {
    return { form: t('enrol.failure.save', { message: error instanceof Error ? error.message : String(error) }) };
  }
  const f = error.failure;
  return {
    form: t(`enrol.failure.${f.kind}`, {
      pending: f.kind === 'outbox-not-empty' ? f.pending : 0,
      status: f.kind === 'server-error' ? f.status : '',
      minutes: f.kind === 'too-many-attempts' ? f.minutes : 0,
      message: 'message' in f ? f.message : '',
    }),
  };
}
