import { describe, expect, it } from 'vitest';
import { parseCalendarText, formatCalendarText } from '../../../../shared/rules/calendarImport.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/rules/calendarData.ts';

describe('a year pasted as text, the way an admin copies it from the State Council notice', () => {
  it('reads one day per line: 休 is a holiday on a weekday, 班 a make-up working weekend day', () => {
    const result = parseCalendarText(['2027-01-01 休 元旦', '2027-02-06 班 春节', '2027-02-20 班'].join('\n'), 2027);
    expect(result.problems).toEqual([]);
    expect(result.days).toEqual([
      { date: '2027-01-01', kind: 'rest', name: '元旦' },
      { date: '2027-02-06', kind: 'work', name: '春节' },
      { date: '2027-02-20', kind: 'work' },
    ]);
  });

  it('reads a run of holiday days and drops the weekend days inside it, which change nothing', () => {
    const { days, problems } = parseCalendarText('2027-10-01~2027-10-07 休 国庆节', 2027);
    expect(problems).toEqual([]);
    // 1 October 2027 is a Friday: the 2nd and 3rd are a weekend anyway.
    expect(days.map((d) => d.date)).toEqual(['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07']);
    expect(days.every((d) => d.kind === 'rest' && d.name === '国庆节')).toBe(true);
  });

  it('accepts the ways people write it: 至, a short end date, Chinese dates, no space before the name, English words', () => {
    const text = ['2027年2月8日 至 2月12日 休 春节', '2027-01-01 休元旦', '2027/02/06, work, Spring Festival'].join(
      '\n',
    );
    const { days, problems } = parseCalendarText(text, 2027);
    expect(problems).toEqual([]);
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ date: '2027-01-01', kind: 'rest', name: '元旦' });
    expect(days[1]).toEqual({ date: '2027-02-06', kind: 'work', name: 'Spring Festival' });
  });

  it('takes the notice number from a 文号 line, and skips blank lines and comments', () => {
    const text = '# 2027 年安排\n文号：国办发明电〔2026〕X号\n\n2027-01-01 休 元旦\n';
    expect(parseCalendarText(text, 2027)).toEqual({
      noticeNumber: '国办发明电〔2026〕X号',
      days: [{ date: '2027-01-01', kind: 'rest', name: '元旦' }],
      problems: [],
    });
  });

  it('reports every line it cannot take, with its number, and keeps the good ones', () => {
    const text = [
      '元旦放假一天', // 1: no date
      '2027-02-30 休', // 2: no such day
      '2026-12-31 休', // 3: another year
      '2027-01-01 放鞭炮', // 4: neither rest nor work
      '2027-02-12~2027-02-08 休', // 5: backwards
      '2027-01-04~2027-03-31 休', // 6: three months
      '2027-01-06 班', // 7: a working Wednesday changes nothing
      '2027-10-01~2027-10-07 休 国庆节', // 8: good
      '2027-10-02 班', // 9: a Saturday worked, but line 8 gave it as a holiday
    ].join('\n');
    const { days, problems } = parseCalendarText(text, 2027);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'importUnreadable'],
      [2, 'invalidDate'],
      [3, 'calendarDayOutsideYear'],
      [4, 'importKindUnknown'],
      [5, 'importRangeBackwards'],
      [6, 'importRangeTooLong'],
      [7, 'calendarDayNotAnException'],
      [9, 'importConflict'],
    ]);
    expect(problems[0]!.text).toBe('元旦放假一天');
    expect(days.map((d) => d.date)).toEqual(['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07']);
  });

  it('gives back exactly the published schedule when a bundled year is written out and read in again', () => {
    for (const year of BUNDLED_CALENDAR_YEARS) {
      const text = formatCalendarText(year.days, year.noticeNumber);
      const parsed = parseCalendarText(text, year.year);
      expect(parsed.problems, String(year.year)).toEqual([]);
      expect(parsed.days).toEqual([...year.days].sort((a, b) => (a.date < b.date ? -1 : 1)));
      expect(parsed.noticeNumber ?? null).toBe(year.noticeNumber);
    }
  });
});
