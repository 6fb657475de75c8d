import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { InvalidEventError } from '../../data/append.ts';
import { SlipError } from '../../data/slipSources.ts';

/** The clerk's words for why a slip could not be made or recorded. */
export function useSlipError(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof SlipError) return t(`slips.errors.${error.code}`);
      const message = error instanceof InvalidEventError || error instanceof Error ? error.message : String(error);
      return t('slips.errors.failed', { message });
    },
    [t],
  );
}
