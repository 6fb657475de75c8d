import { describe, expect, it } from 'vitest';
import type { StaffId } from '../../../../shared/model/ids.ts';
import type { CalendarYear } from '../../../../shared/model/calendar.ts';
import { buildWorkingCalendar } from '../../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/rules/calendarData.ts';
import type { IsoDate } from '../../../../shared/rules/isoDate.ts';
import { appendEvents } from '../../../../renderer/data/append.ts';
import { readDeadlineRecomputations, recordDeadlineRecompute } from '../../../../renderer/data/deadlineRecompute.ts';
import { newId } from '../../../../renderer/data/ids.ts';
import { freshDeskDb, withDirectory } from './deskDb.ts';

const clerk = 'zhang-wei' as StaffId;

describe('a calendar change recomputes open deadlines and logs it', () => {
  it('counts the running cases whose due date moved, and keeps a log entry', async () => {
    const db = await withDirectory(freshDeskDb());
    for (const acceptedOn of ['2026-11-27', '2026-10-09']) {
      const caseId = newId();
      await appendEvents(db, clerk, [
        { type: 'case.opened', aggregateId: caseId, payload: { contactId: newId(), serviceItemId: 'tech-contract', catalogRev: 1 } },
        { type: 'case.accepted', aggregateId: caseId, payload: { acceptedOn, promisedLimitDays: 5, statutoryLimitDays: 10 } },
      ]);
    }
    const before = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
    // An amended 2026 schedule makes Tuesday 1 December a rest day: only the case running into it moves.
    const amended: CalendarYear[] = BUNDLED_CALENDAR_YEARS.map((y) =>
      y.year === 2026 ? { ...y, days: [...y.days, { date: '2026-12-01', kind: 'rest', name: '测试调整' }] } : y,
    );
    const after = buildWorkingCalendar(amended);
    const entry = await recordDeadlineRecompute(db, before, after, '2026 v2', '2026-11-27' as IsoDate);
    expect(entry).toMatchObject({ openCases: 2, moved: 1, years: '2026 v2' });
    expect(await readDeadlineRecomputations(db)).toEqual([entry]);
  });
});
