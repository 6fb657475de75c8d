import { useMemo } from 'react';
import type { ComplaintFoldContext } from '../../../shared/rules/complaint.ts';
import { useDesk } from '../../app/context.tsx';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useDirectory, useSettings } from '../../data/hooks.ts';

/**
 * The desk folds a complaint's log with the same shared rules HQ judged it by, on the directory, calendar and
 * settings the desk last synced (HQ's answer to an act is what counts; this is what the screen shows and offers).
 */
export function useFoldContext(): ComplaintFoldContext | undefined {
  const { db } = useDesk();
  const directory = useDirectory(db);
  const calendar = useDeskCalendar(db);
  const settings = useSettings(db);
  return useMemo(() => {
    if (!directory || !settings) return undefined;
    return {
      staff: (id: string) => directory.staffById.get(id),
      calendar,
      ...(settings.complaints ? { settings: settings.complaints } : {}),
    };
  }, [directory, calendar, settings]);
}
