import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../shared/rules/calendarData.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import { isTransferOverdue, transferAcceptanceDue } from '../../../shared/rules/transferDeadline.ts';
import type { ContactState } from '../../../shared/rules/contact.ts';

const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
const sentOn = (day: string) =>
  ({
    status: 'transferPending',
    transfer: { at: `${day}T16:30:00.000+08:00` },
  }) as Pick<ContactState, 'status' | 'transfer'>;

describe('a transfer must be accepted by the end of the next working day', () => {
  it('skips the National Day holiday (sent 30 Sep 2025, due 9 Oct 2025)', () => {
    expect(transferAcceptanceDue(sentOn('2025-09-30'), calendar)).toEqual({ date: '2025-10-09', provisional: false });
    expect(isTransferOverdue(sentOn('2025-09-30'), calendar, '2025-10-09' as IsoDate)).toBe(false);
    expect(isTransferOverdue(sentOn('2025-09-30'), calendar, '2025-10-10' as IsoDate)).toBe(true);
  });

  it('counts a make-up Saturday (调休) as the next working day (sent Fri 10 Oct 2025, due Sat 11 Oct)', () => {
    expect(transferAcceptanceDue(sentOn('2025-10-10'), calendar)?.date).toBe('2025-10-11');
  });

  it('is never overdue once accepted or returned', () => {
    const accepted = { ...sentOn('2025-09-30'), status: 'open' } as Pick<ContactState, 'status' | 'transfer'>;
    expect(isTransferOverdue(accepted, calendar, '2026-01-01' as IsoDate)).toBe(false);
  });

  it('marks the due date provisional when it runs into a year without a published schedule', () => {
    expect(transferAcceptanceDue(sentOn('2027-03-05'), calendar)?.provisional).toBe(true);
  });
});
