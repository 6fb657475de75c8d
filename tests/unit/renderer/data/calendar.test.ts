import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { referenceDocSchema, type ReferenceDoc } from '../../../../shared/model/reference.ts';
import {
  deskCalendar,
  refreshDeskCalendar,
  subscribeDeskCalendar,
  watchDeskCalendar,
} from '../../../../renderer/data/calendar.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { mergeReferenceDocs } from '../../../../renderer/data/references.ts';
import { SCHEDULE_2027 } from '../../../fixtures/adminEvents.ts';
import { freshDeskDb } from './deskDb.ts';

function year2027(status: 'proposed' | 'confirmed', rev: number): ReferenceDoc {
  return referenceDocSchema.parse({
    kind: 'calendarYear',
    id: '2027',
    rev,
    hlc: `000000000000${rev}-00000-hq`,
    updatedAt: '2026-12-10T02:00:00.000Z',
    body: {
      year: 2027,
      noticeNumber: '国办发明电〔2026〕X号',
      days: SCHEDULE_2027,
      status,
      enteredBy: 'ma-jun',
      ...(status === 'confirmed' ? { confirmedBy: 'huang-xiuying' } : {}),
    },
  });
}

let db: DeskDb;
const put = (doc: ReferenceDoc) => db.transaction('rw', db.refs, () => mergeReferenceDocs(db, [doc]));
beforeEach(async () => {
  db = freshDeskDb();
  await refreshDeskCalendar(db); // back to the bundled years: the calendar is one per desk
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('the desk’s working-day calendar', () => {
  it('knows the bundled years and treats a year nobody confirmed as provisional', () => {
    expect(deskCalendar().isPublished(2026)).toBe(true);
    expect(deskCalendar().isPublished(2027)).toBe(false);
    expect(deskCalendar().dayKind('2027-03-01')).toEqual({ working: true, provisional: true });
  });

  it('takes no effect from a proposed year: only a confirmed one counts (two-person rule)', async () => {
    await put(year2027('proposed', 1));
    expect((await refreshDeskCalendar(db)).isPublished(2027)).toBe(false);
  });

  it('uses a year confirmed at HQ, with its holidays and make-up working days, and says it changed', async () => {
    const changed = vi.fn();
    const stop = subscribeDeskCalendar(changed);
    await put(year2027('confirmed', 2));
    const calendar = await refreshDeskCalendar(db);
    stop();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(calendar.isPublished(2027)).toBe(true);
    expect(calendar.dayKind('2027-01-01')).toEqual({ working: false, provisional: false, name: '元旦' });
    expect(calendar.dayKind('2027-02-06')).toMatchObject({ working: true, provisional: false }); // a Saturday worked
    expect(deskCalendar()).toBe(calendar);
  });

  it('follows the calendarYear docs as a sync brings them, without being asked', async () => {
    const stop = watchDeskCalendar(db);
    await put(year2027('confirmed', 2));
    await vi.waitFor(() => expect(deskCalendar().isPublished(2027)).toBe(true));
    expect(console.info).toHaveBeenCalledWith(expect.stringContaining('2027 v2'));
    stop();
  });
});
