import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type ChineseDays from 'chinese-days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarYearSchema } from '../../../../shared/model/calendar.ts';
import { buildWorkingCalendar } from '../../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/rules/calendarData.ts';
import { addDays } from '../../../../shared/rules/isoDate.ts';

// chinese-days is a devDependency: imported here, and only here, to prove the one-time import faithful.
const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
const root = join(import.meta.dirname, '../../../..');

// chinese-days reads 'YYYY-MM-DD' as UTC midnight and then takes the start of the day in local time, which is
// the previous day anywhere west of UTC — and it builds its tables that way when it loads. So it is loaded
// only after the zone is set to the bureau's.
let zone: string | undefined;
let chineseDays: typeof ChineseDays;
beforeAll(async () => {
  zone = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  chineseDays = (await import('chinese-days')).default;
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('the bundled schedules 2004–2026', () => {
  it('bundles every year from 2004 to 2026, each confirmed and valid', () => {
    expect(BUNDLED_CALENDAR_YEARS.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    for (const year of BUNDLED_CALENDAR_YEARS) {
      const parsed = calendarYearSchema.safeParse(year);
      expect(parsed.error?.issues ?? [], String(year.year)).toEqual([]);
      expect(year.status).toBe('confirmed');
    }
    expect(calendar.publishedYears).toEqual(BUNDLED_CALENDAR_YEARS.map((y) => y.year));
  });

  it('agrees with chinese-days’ own isWorkday on every day of every bundled year', () => {
    expect(chineseDays.getDayDetail('2026-02-16').date).toBe('2026-02-16'); // the zone guard above works
    const disagreements: string[] = [];
    let days = 0;
    for (const { year } of BUNDLED_CALENDAR_YEARS) {
      for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
        const ours = calendar.dayKind(date);
        expect(ours.provisional).toBe(false);
        if (ours.working !== chineseDays.isWorkday(date)) disagreements.push(date);
        days++;
      }
    }
    expect(disagreements).toEqual([]);
    expect(days).toBe(8401); // 23 years, 6 of them leap years
  });

  it('keeps the notice numbers confirmed from two sources, and none it could not confirm', () => {
    const notice = (year: number) => BUNDLED_CALENDAR_YEARS.find((y) => y.year === year)?.noticeNumber;
    expect(notice(2026)).toBe('国办发明电〔2025〕7号');
    expect(notice(2025)).toBe('国办发明电〔2024〕12号');
    expect(notice(2024)).toBe('国办发明电〔2023〕7号');
    expect(notice(2004)).toBeNull();
    expect(notice(2006)).toBeNull();
  });

  it('keeps the 2020 Spring Festival extension and the 2015 Victory Day', () => {
    expect(calendar.dayKind('2020-01-31').working).toBe(false);
    expect(calendar.dayKind('2020-02-01').working).toBe(false); // no longer a make-up Saturday
    expect(calendar.dayKind('2015-09-03').working).toBe(false);
    expect(calendar.dayKind('2015-09-06').working).toBe(true);
  });

  it('keeps chinese-days out of the app: only this test and the import script name it', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|mjs|js)$/.test(entry) && /from ['"]chinese-days/.test(readFileSync(path, 'utf8'))) {
          offenders.push(path.slice(root.length + 1));
        }
      }
    };
    for (const dir of ['shared', 'renderer', 'electron', 'server/src']) walk(join(root, dir));
    expect(offenders).toEqual([]);
  });
});
