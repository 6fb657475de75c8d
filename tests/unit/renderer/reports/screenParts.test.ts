import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { BREACH_CODES } from '../../../../shared/rules/caseTimeliness.ts';
import type { ReportFact } from '../../../../shared/rules/reports/facts.ts';
import { FIGURE_KEYS, figures } from '../../../../shared/rules/reports/figures.ts';
import { REPORT_MAX_DAYS, type ReportWarning } from '../../../../shared/sync/reportApi.ts';
import { factWords } from '../../../../renderer/features/reports/factWords.ts';
import {
  denominatorFigure,
  figureLabelKey,
  formatRate,
  isCountFigure,
  notYetJudged,
  orderedGroups,
  sectionsOf,
  withEveryDepartment,
} from '../../../../renderer/features/reports/figureSections.ts';
import {
  initialChoice,
  resolvePeriod,
  shiftChoice,
  seriesStep,
  withKind,
} from '../../../../renderer/features/reports/periodChoice.ts';
import { recordKind } from '../../../../renderer/features/reports/recordTarget.ts';
import {
  filterWarnings,
  levelCounts,
  showMore,
  WARNING_PAGE,
  warningPage,
} from '../../../../renderer/features/reports/warningView.ts';
import { NAMES, reportWords } from './i18nHarness.ts';

let zh: TFunction;
let english: TFunction;
let exists: (key: string) => boolean;
beforeAll(async () => ({ zh, english, exists } = await reportWords()));

describe('the period picker', () => {
  it('opens on this month, and steps to the neighbouring months whatever their length', () => {
    const choice = initialChoice('2026-12-02');
    expect(resolvePeriod(choice)).toEqual({ period: { from: '2026-12-01', to: '2026-12-31' } });
    const november = shiftChoice(choice, -1);
    expect(resolvePeriod(november)).toEqual({ period: { from: '2026-11-01', to: '2026-11-30' } });
    const february = shiftChoice({ ...choice, anchor: '2027-01-31' }, 1);
    expect(resolvePeriod(february)).toEqual({ period: { from: '2027-02-01', to: '2027-02-28' } });
  });

  it('counts a week Monday to Sunday, as Chinese offices do', () => {
    // 2026-12-02 is a Wednesday.
    expect(resolvePeriod({ ...initialChoice('2026-12-02'), kind: 'week' })).toEqual({
      period: { from: '2026-11-30', to: '2026-12-06' },
    });
  });

  it('moves a custom range by its own length, and starts 自定义 from the period shown', () => {
    const custom = withKind({ ...initialChoice('2026-12-02'), kind: 'quarter' }, 'custom');
    expect(custom).toMatchObject({ kind: 'custom', from: '2026-10-01', to: '2026-12-31' });
    const ten = { ...custom, from: '2026-11-01', to: '2026-11-10' };
    expect(resolvePeriod(shiftChoice(ten, 1))).toEqual({ period: { from: '2026-11-11', to: '2026-11-20' } });
  });

  it('refuses a range that ends before it begins, is not a day, or exceeds HQ’s cap — before HQ is asked', () => {
    const base = { ...initialChoice('2026-12-02'), kind: 'custom' as const };
    expect(resolvePeriod({ ...base, from: '2026-12-10', to: '2026-12-01' })).toEqual({ problem: 'order' });
    expect(resolvePeriod({ ...base, from: '2026-12-10', to: '' })).toEqual({ problem: 'missing' });
    expect(resolvePeriod({ ...base, from: '2026-02-30', to: '2026-03-01' })).toEqual({ problem: 'missing' });
    // The cap counts both ends: REPORT_MAX_DAYS days is allowed, one more is not.
    const from = '2021-01-01';
    const last = new Date(Date.UTC(2021, 0, 1) + (REPORT_MAX_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const after = new Date(Date.UTC(2021, 0, 1) + REPORT_MAX_DAYS * 86_400_000).toISOString().slice(0, 10);
    expect(resolvePeriod({ ...base, from, to: last })).toEqual({ period: { from, to: last } });
    expect(resolvePeriod({ ...base, from, to: after })).toEqual({ problem: 'tooLong' });
    expect(shiftChoice({ ...base, from, to: after }, 1)).toMatchObject({ from, to: after });
  });
});

describe('the charts’ step', () => {
  it('charts weeks up to a quarter and months beyond, within HQ’s bucket cap', () => {
    expect(seriesStep({ from: '2026-10-01', to: '2026-12-31' })).toBe('week');
    expect(seriesStep({ from: '2026-10-01', to: '2027-01-01' })).toBe('month');
    expect(seriesStep({ from: '2026-12-02', to: '2026-12-02' })).toBe('week');
  });
});

describe('the figure sections', () => {
  const groups = (keys: readonly string[]) => [
    { group: 'bureau', figures: Object.fromEntries(keys.map((k) => [k, { numerator: 1, denominator: 2, rate: 0.5 }])) },
  ];

  it('places every figure the oracle defines in a section, and labels it in both languages', () => {
    const sections = sectionsOf({ groups: groups(FIGURE_KEYS) });
    expect(sections.map((s) => s.id)).not.toContain('other');
    expect(sections.flatMap((s) => s.keys).sort()).toEqual([...FIGURE_KEYS].sort());
    for (const key of FIGURE_KEYS) {
      expect(exists(figureLabelKey(key)), key).toBe(true);
      expect(english(figureLabelKey(key))).not.toBe(zh(figureLabelKey(key)));
    }
  });

  it('shows only what HQ answers, and an unknown figure under 其他指标 rather than hiding it', () => {
    const sections = sectionsOf({ groups: groups(['cases.onTime', 'complaints.received', 'future.figure']) });
    expect(sections).toEqual([
      { id: 'cases', keys: ['cases.onTime'] },
      { id: 'complaints', keys: ['complaints.received'] },
      { id: 'other', keys: ['future.figure'] },
    ]);
  });

  it('drills a denominator only where it is exactly another figure’s numerator (the oracle agrees)', () => {
    const who = { departmentId: 'dept-hitech', staffId: 'liu-yang' };
    const contact = (id: string, channel: string, ending: string, day: string) =>
      ({
        kind: 'contact',
        id,
        recordId: id,
        day,
        ...who,
        channel,
        ending,
        undisposedAtDayEnd: ending === 'undisposed',
      }) as ReportFact;
    const kase = (id: string, overdueNow: boolean, endedOn?: string) =>
      ({
        kind: 'case',
        id,
        recordId: id,
        day: '2026-11-02',
        ...who,
        serviceItemId: 's',
        clock: true,
        overdueNow,
        everOverdue: overdueNow,
        pauses: overdueNow ? 1 : 0,
        supplementNotice: false,
        extensionsApproved: 0,
        ...(endedOn ? { ending: 'completed', endedOn, onTime: true } : {}),
      }) as ReportFact;
    const facts = [
      contact('a', 'visit', 'answered', '2026-11-03'),
      contact('b', 'call', 'transferred', '2026-11-04'),
      contact('c', 'visit', 'undisposed', '2026-11-05'),
      contact('d', 'visit', 'answered', '2026-10-30'),
      kase('k1', true),
      kase('k2', false, '2026-11-20'),
    ];
    const [bureau] = figures(facts, { from: '2026-11-01', to: '2026-11-30' }, 'bureau');
    let drilled = 0;
    for (const key of FIGURE_KEYS) {
      const whole = denominatorFigure(key);
      if (!whole) continue;
      drilled += 1;
      expect(whole, key).not.toBe(key);
      expect(bureau!.figures[key].denominator, key).toBe(bureau!.figures[whole as typeof key].numerator);
    }
    expect(drilled).toBeGreaterThan(10);
    // A count's denominator is every fact of its kind: the oracle gives n of n, so the screen shows n alone.
    const counts = FIGURE_KEYS.filter(isCountFigure);
    expect(counts).toEqual(['contacts.total', 'cases.received', 'complaints.received']);
    for (const key of counts) expect(bureau!.figures[key].numerator, key).toBe(bureau!.figures[key].denominator);
    expect(bureau!.figures['contacts.total'].numerator).toBe(3);
    expect(isCountFigure('contacts.channel.visit')).toBe(false);
    expect(denominatorFigure('contacts.total')).toBeUndefined();
    expect(denominatorFigure('cases.onTime')).toBeUndefined();
    expect(denominatorFigure('ratings.goodRate')).toBeUndefined();
  });

  it('does not judge 当日未处置 while a day of the period is not over', () => {
    expect(notYetJudged('contacts.undisposedAtDayEnd', { to: '2026-12-31' }, '2026-12-02')).toBe(true);
    expect(notYetJudged('contacts.undisposedAtDayEnd', { to: '2026-12-02' }, '2026-12-02')).toBe(true);
    expect(notYetJudged('contacts.undisposedAtDayEnd', { to: '2026-12-01' }, '2026-12-02')).toBe(false);
    expect(notYetJudged('contacts.total', { to: '2026-12-31' }, '2026-12-02')).toBe(false);
  });

  it('gives every department of the directory a column by department, with zeros, and leaves people alone', () => {
    const answer = {
      groupBy: 'department' as const,
      groups: [
        {
          group: 'dept-hitech',
          figures: {
            'cases.onTime': { numerator: 3, denominator: 4, rate: 0.75 },
            'transfers.workingDaysToAccept': { numerator: 5, denominator: 4, rate: 1.25, median: 1 },
          },
        },
      ],
    };
    const all = withEveryDepartment(answer, ['dept-hitech', 'dept-office']);
    expect(all.groups.map((g) => g.group)).toEqual(['dept-hitech', 'dept-office']);
    expect(all.groups[1]!.figures).toEqual({
      'cases.onTime': { numerator: 0, denominator: 0, rate: null },
      'transfers.workingDaysToAccept': { numerator: 0, denominator: 0, rate: null, median: null },
    });
    expect(all.groups[0]).toBe(answer.groups[0]);
    const byPerson = { ...answer, groupBy: 'staff' as const };
    expect(withEveryDepartment(byPerson, ['dept-office'])).toBe(byPerson);
  });

  it('says one working day, not one working days, in English', () => {
    expect(english('reports.warning.daysLate', { count: 1 })).toBe('1 working day late');
    expect(english('reports.warning.daysLeft', { count: 1 })).toBe('1 working day left');
    expect(english('reports.warning.daysLeft', { count: 3 })).toBe('3 working days left');
    expect(english('reports.fact.measures', { count: 1 })).toBe('1 measure');
    expect(english('reports.freshness.behind', { count: 1, time: 't', today: 'd' })).toContain('1 record is');
    expect(zh('reports.warning.daysLate', { count: 1 })).toBe('超期 1 个工作日');
  });

  it('writes English with ASCII apostrophes (a curly one sits in a full-width cell under a CJK font)', () => {
    const leaves = (o: unknown): string[] =>
      typeof o === 'string' ? [o] : Object.values(o as object).flatMap((v) => leaves(v));
    const all = leaves(english('reports', { returnObjects: true }));
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((w) => /[\u2018\u2019]/.test(w))).toEqual([]);
  });

  it('writes 0 of 0 as no rate, never 0 %', () => {
    expect(formatRate(null, 'zh-CN')).toBe('—');
    expect(formatRate(0, 'zh-CN')).toBe('0.0%');
    expect(formatRate(2 / 3, 'zh-CN')).toBe('66.7%');
  });

  it('orders departments by name in the reader’s language', () => {
    const answer = {
      groups: [
        { group: 'dept-office', figures: {} },
        { group: 'dept-hitech', figures: {} },
      ],
    };
    expect(orderedGroups(answer, NAMES.department, 'en').map((g) => g.group)).toEqual(['dept-office', 'dept-hitech']);
    const latin = {
      groups: [
        { group: 'b', figures: {} },
        { group: 'a', figures: {} },
      ],
    };
    expect(orderedGroups(latin, (g) => g, 'en').map((g) => g.group)).toEqual(['a', 'b']);
  });
});

describe('what a drilled fact says', () => {
  const base = { recordId: 'r1', day: '2026-11-03', departmentId: 'dept-hitech', staffId: 'liu-yang' };

  it('words a late transfer (art. 8(3)) and a case completed late', () => {
    const transfer = {
      ...base,
      kind: 'transfer',
      id: 't1',
      outcome: 'accepted',
      dueOn: '2026-11-04',
      acceptedOn: '2026-11-06',
      workingDaysToAccept: 3,
      acceptedWithinNextWorkingDay: false,
    };
    expect(factWords(transfer, zh, exists, NAMES)).toBe(
      '已承接；应于 2026-11-04 前承接；2026-11-06 承接；用时 3 个工作日；超时',
    );
    const kase = {
      ...base,
      kind: 'case',
      id: 'c1',
      ending: 'completed',
      endedOn: '2026-11-20',
      onTime: false,
      everOverdue: true,
      overdueNow: false,
    };
    expect(factWords(kase, zh, exists, NAMES)).toBe('已办结；2026-11-20 结束；逾期办结；曾经超期');
    expect(factWords(kase, english, exists, NAMES)).toBe('completed; ended 2026-11-20; completed late; was overdue');
  });

  it('names the approving leader from the directory, and words a declined rating as 未评', () => {
    const ext = { ...base, kind: 'extension', id: 'e1', days: 5, decision: 'approved', approvedBy: 'he-jianguo' };
    expect(factWords(ext, zh, exists, NAMES)).toBe('申请延期 5 个工作日；已批准；批准人 何建国');
    const rating = {
      ...base,
      kind: 'rating',
      id: 'g1',
      level: null,
      counted: true,
      unprompted: false,
      verified: false,
      rectified: false,
    };
    expect(factWords(rating, zh, exists, NAMES)).toBe('未评');
  });

  it('keeps an unknown code and an unknown kind as they are, never a blank line', () => {
    expect(factWords({ ...base, kind: 'breach', id: 'b1', code: 'newRule', days: 2 }, zh, exists, NAMES)).toBe(
      'newRule；超期 2 个工作日',
    );
    expect(factWords({ ...base, kind: 'inspection', id: 'x1' }, zh, exists, NAMES)).toBe('inspection');
  });
});

describe('where a fact’s record opens', () => {
  it('sends contacts and cases to the desk, ratings and their rectification to 好差评, complaints to 投诉处理', () => {
    expect(recordKind('contact')).toBe('desk');
    expect(recordKind('extension')).toBe('desk');
    expect(recordKind('breach', 'transferLate')).toBe('desk');
    expect(recordKind('due', 'caseDue')).toBe('desk');
    expect(recordKind('breach', 'rectificationLate')).toBe('rating');
    expect(recordKind('due', 'rectification')).toBe('rating');
    expect(recordKind('rating')).toBe('rating');
    expect(recordKind('complaint')).toBe('complaint');
    expect(recordKind('inspection')).toBe('unknown');
  });
});

describe('the warning list', () => {
  const card = (level: ReportWarning['level'], factId: string): ReportWarning => ({
    level,
    rule: level === 'warning' ? 'dueSoon' : 'lateWithin',
    code: 'overdue',
    article: 'art. 18(1)',
    factId,
    recordId: 'c1',
    staffId: 'liu-yang',
    departmentId: 'dept-hitech',
    day: '2026-11-03',
    days: 2,
  });

  it('counts each level and filters by one', () => {
    const cards = [card('red', 'a'), card('red', 'b'), card('yellow', 'c'), card('warning', 'd')];
    expect(levelCounts(cards)).toEqual({ red: 2, yellow: 1, warning: 1 });
    expect(filterWarnings(cards, 'red').map((w) => w.factId)).toEqual(['a', 'b']);
    expect(filterWarnings(cards, 'all')).toHaveLength(4);
  });

  it('draws a long list 50 cards at a time, in order, the last page only what is left', () => {
    // HQ's bench month raised over a thousand cards; the screen draws a page and a button for the next.
    const many = Array.from({ length: 1_234 }, (_, i) => card(i % 3 ? 'yellow' : 'red', `f${i}`));
    let page = warningPage(many, WARNING_PAGE);
    expect(WARNING_PAGE).toBe(50);
    expect(page.shown.map((w) => w.factId)).toEqual(many.slice(0, 50).map((w) => w.factId));
    expect(page).toMatchObject({ total: 1_234, more: 50 });
    let limit = WARNING_PAGE;
    let clicks = 0;
    while (page.more > 0) {
      limit = showMore(limit, page.total);
      const next = warningPage(many, limit);
      // Each click adds the next cards after the ones already drawn, never redraws others in their place.
      expect(next.shown.slice(0, page.shown.length)).toEqual(page.shown);
      expect(next.shown.length - page.shown.length).toBe(page.more);
      page = next;
      clicks += 1;
    }
    expect(clicks).toBe(24);
    expect(page).toMatchObject({ total: 1_234, more: 0 });
    expect(page.shown).toHaveLength(1_234);
    expect(page.shown.at(-1)?.factId).toBe('f1233');
    // Past the end, asking again changes nothing.
    expect(showMore(limit, page.total)).toBe(1_234);
  });

  it('pages the filtered list: a level with fewer cards than a page has no button', () => {
    const many = Array.from({ length: 120 }, (_, i) => card(i < 7 ? 'red' : 'warning', `f${i}`));
    const red = warningPage(filterWarnings(many, 'red'), showMore(WARNING_PAGE, 120));
    expect(red).toMatchObject({ total: 7, more: 0 });
    expect(red.shown).toHaveLength(7);
    const warnings = warningPage(filterWarnings(many, 'warning'), WARNING_PAGE);
    expect(warnings).toMatchObject({ total: 113, more: 50 });
    expect(warningPage(filterWarnings(many, 'warning'), showMore(WARNING_PAGE, 113))).toMatchObject({ more: 13 });
    expect(warningPage([], WARNING_PAGE)).toEqual({ shown: [], total: 0, more: 0 });
  });

  it('has words for every level, rule and duty code the shared rules raise', () => {
    const codes = [
      ...BREACH_CODES,
      ...['transferLate', 'escalationLate', 'rectificationLate', 'refusalWithoutReason'],
      ...['caseDue', 'stepDue', 'resultNotice', 'transferAcceptance', 'escalationAnswer', 'rectification'],
    ];
    const keys = [
      ...['red', 'yellow', 'warning'].map((l) => `reports.level.${l}`),
      ...['dueSoon', 'lateWithin', 'lateBeyond', 'repeated', 'noReason'].map((r) => `reports.rule.${r}`),
      ...codes.map((c) => `reports.code.${c}`),
    ];
    for (const key of keys) {
      expect(exists(key), key).toBe(true);
      expect(english(key)).not.toBe(key);
    }
    expect(zh('reports.level.red')).toBe('红牌');
    expect(zh('reports.level.yellow')).toBe('黄牌');
    expect(zh('reports.level.warning')).toBe('预警');
  });
});

describe('the screen’s words', () => {
  it('has every literal reports.* key the screen uses, in both languages', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dirs = ['renderer/features/reports', 'renderer/features/reports/export'];
    const sources = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => readFileSync(`${d}/${f}`, 'utf8')),
    );
    const keys = new Set(sources.flatMap((s) => [...s.matchAll(/'(reports\.[A-Za-z.]+[A-Za-z])'/g)].map((m) => m[1]!)));
    expect(keys.size).toBeGreaterThan(40);
    for (const key of keys) {
      expect(exists(key), key).toBe(true);
      expect(english(key), key).not.toBe(key);
    }
  });
});
