import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../../../shared/rules/calendar.ts';

// The fixed-date holidays are guessed from the year's own ISO date; a year written with fewer than four digits
// would not be a date at all, so the guess must pad it (a mutation run found nothing looked at this).
describe('art. 19 working days: the guessed holidays of an unpublished year', () => {
  it('finds 元旦 in a year before 1000, written with four digits', () => {
    const calendar = buildWorkingCalendar([]);
    expect(calendar.dayKind('0999-01-01')).toMatchObject({ working: false, provisional: true, name: '元旦' });
    expect(calendar.dayKind('0999-10-03')).toMatchObject({ working: false, provisional: true, name: '国庆节' });
  });
});
