import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { InvalidEventError } from '../../data/append.ts';
import { SlipError } from '../../data/slipSources.ts';

/** The clerk's words for why a slip could not be made or recorded. */
export function useSlipError(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof SlipError) return t(`slips.errors.${error.code}`);
      // A rule of the shared schema with its own words (a slip too large to record: errors.eventTooLarge).
      const known = error instanceof InvalidEventError && error.issues.find((i) => i18n.exists(`errors.${i.message}`));
      if (known) return t(`errors.${known.message}`);
      const message = error instanceof InvalidEventError || error instanceof Error ? error.message : String(error);
      return t('slips.errors.failed', { message });
    },
    [t, i18n],
  );
}
