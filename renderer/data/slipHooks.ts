import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskDb, SlipRow } from './db.ts';
import { readSlipSettings, type SlipSettings } from './slipSettings.ts';

/** The slips issued about a case or a contact, oldest first: the record of what the applicant was given. */
export function useSlipsOf(db: DeskDb, subjectId: string): SlipRow[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.slips.where('subjectId').equals(subjectId).toArray()).sort((a, b) => {
        const at = (row: SlipRow) => `${row.prints[0]?.at ?? ''} ${row.serial}`;
        return at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0;
      }),
    [db, subjectId],
  );
}

export function useSlipSettings(db: DeskDb): SlipSettings | undefined {
  return useLiveQuery(() => readSlipSettings(db), [db]);
}
