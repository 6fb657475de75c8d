import type { TFunction } from 'i18next';
import { ReportClientError } from '../../data/reports/client.ts';

/** Why a report could not be read, in the reader's words: HQ's code when the desk knows it, else its message. */
export function reportFailureWords(error: unknown, t: TFunction, exists: (key: string) => boolean): string {
  if (error instanceof ReportClientError) {
    const key = `reports.failure.${error.code}`;
    return exists(key) ? t(key, { message: error.message }) : t('reports.failure.other', { message: error.message });
  }
  return t('reports.failure.other', { message: error instanceof Error ? error.message : String(error) });
}
