import { describe, expect, it } from 'vitest';
import type { ReportAnswer, ReportSeries, ReportWarning } from '../../shared/sync/reportApi.ts';
import {
  beijingTime,
  renderMonthlyReportHtml,
  reportArchiveName,
} from '../../renderer/print/report/renderMonthlyReport.tsx';
import { SLIP_CSP } from '../../renderer/print/renderSlip.tsx';
import { escapeHtml } from '../../renderer/print/escape.ts';
import { enReportPrint } from '../../shared/i18n/en.reportPrint.ts';
import { zhCNReportPrint } from '../../shared/i18n/zh-CN.reportPrint.ts';
import { enReports } from '../../shared/i18n/en.reports.ts';
import { zhCNReports } from '../../shared/i18n/zh-CN.reports.ts';
import { reportKind, warningPrintWords } from '../../renderer/print/report/words.ts';
import { REPORT_ARCHIVE_RE } from '../../shared/ipc/contract.ts';
import type { BreachFactCode, DueCode } from '../../shared/rules/reports/facts.ts';
import type { WarningRule } from '../../shared/rules/reports/warnings.ts';

// Issue 15: the printed 月报 (art. 4) — one self-contained A4 document: header, period, how current, the figures
// per department with numerator, denominator and rate, the charts as inline SVG, the warning list in words; every
// name escaped, no script, the slips' CSP.

const fig = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
});

const HOSTILE = '<script>alert(1)</script>';
const answer: ReportAnswer = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  groupBy: 'department',
  groups: [
    {
      group: 'dept-a',
      figures: {
        'contacts.total': fig(12, 12),
        'cases.received': fig(5, 5),
        'cases.onTime': fig(3, 4),
        'cases.overdueNow': fig(1, 5),
        'ratings.goodRate': fig(0, 0),
        'some.futureFigure': fig(9, 9),
      },
    },
    {
      group: 'dept-x',
      figures: {
        'contacts.total': fig(7, 7),
        'cases.received': fig(2, 2),
        'cases.onTime': fig(2, 2),
        'cases.overdueNow': fig(0, 2),
        'ratings.goodRate': fig(4, 5),
      },
    },
  ],
  warnings: [
    {
      level: 'warning',
      rule: 'dueSoon',
      code: 'caseDue',
      article: 'art. 18(1)',
      factId: 'due:c1',
      recordId: 'c1',
      staffId: 'staff-1',
      departmentId: 'dept-a',
      day: '2026-11-30',
      days: 1,
    },
    {
      level: 'red',
      rule: 'lateBeyond',
      code: 'transferLate',
      article: 'art. 8(3)',
      factId: 'breach:t1',
      recordId: 't1',
      staffId: 'staff-2',
      departmentId: 'dept-x',
      day: '2026-11-03',
      days: 19,
    },
    {
      level: 'yellow',
      rule: 'lateWithin',
      code: 'overdue',
      article: 'art. 18(1)',
      factId: 'breach:c2',
      recordId: 'c2',
      staffId: '-',
      departmentId: 'dept-a',
      day: '2026-11-20',
      days: 2,
    },
  ],
  freshness: { projectedSeq: 90, latestSeq: 93, today: '2026-12-02', computedAt: '2026-12-02T07:30:12.345Z' },
};
const names = {
  staff: (id: string) => ({ 'staff-1': '张伟', 'staff-2': HOSTILE })[id] ?? '',
  department: (id: string) => ({ 'dept-a': '办公室', 'dept-x': `科室${HOSTILE}` })[id] ?? '',
};
const series: ReportSeries = {
  step: 'week',
  groupBy: 'department',
  buckets: [
    { from: '2026-11-01', to: '2026-11-01', groups: answer.groups },
    { from: '2026-11-02', to: '2026-11-08', groups: answer.groups },
  ],
};
const bureau = `南阳市科学技术局"</style><script>x()</script>`;

const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the printed 月报', () => {
  const html = renderMonthlyReportHtml({ answer, series, names, bureauName: bureau, lang: 'zh-CN' });

  it('is one document under the slips CSP, with no script and nothing to load', () => {
    expect(
      html.startsWith(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"',
      ),
    ).toBe(true);
    expect(html).toContain(`content="${SLIP_CSP.replace(/'/g, '&#39;')}"`);
    expect(html).not.toMatch(/<script|<img|<link|<iframe|src=|href=|javascript:/i);
    expect(html).toContain('size: A4');
    expect(html).toContain('counter(pages)');
  });

  it('escapes every name: the bureau, departments and people print as text', () => {
    const words = text(html);
    expect(words).toContain(bureau);
    expect(words).toContain(`科室${HOSTILE}`);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The bureau also names the page footer, inside the CSS: as CSS escapes, never as markup.
    const css = html.slice(html.indexOf('<style>') + '<style>'.length, html.indexOf('</style>'));
    expect(css).toContain('@bottom-center');
    expect(css).not.toContain('<');
    expect(css).toContain('\\00003c /style\\00003e ');
  });

  it('holds the header, period, how current it is and the article it serves', () => {
    const words = text(html);
    expect(words).toContain('督查月报');
    expect(words).toContain('统计期间：2026-11-01 至 2026-11-30');
    expect(words).toContain('按科室');
    expect(words).toContain('数据生成于 2026-12-02 15:30（北京时间）');
    expect(words).toContain('以 2026-12-02 为准');
    expect(words).toContain('尚有 3 条事件未纳入统计');
    expect(words).toContain('第四条');
  });

  it('prints each department with numerator/denominator and rate, a total row, and "—" for 0 of 0', () => {
    const words = text(html);
    expect(words).toContain('一、主要指标');
    expect(words).toContain('（一）接待登记与转办');
    expect(words).toContain('（二）办件与上报');
    // Each figure named as the screen's figure table names it (reports.figure.*): 登记总数, 收件, 目前超期…
    expect(words).toMatch(/登记总数 办公室 12 科室<script>alert\(1\)<\/script> 7 合计 19 /);
    expect(words).toMatch(/收件 按时办结率 目前超期 办公室 5 3\/4 75\.0% 1\/5 20\.0%/);
    expect(words).toMatch(/合计 7 5\/6 83\.3% 1\/7 14\.3%/);
    expect(words).toMatch(/好评率 办公室 0\/0 — 科室.* 4\/5 80\.0% 合计 4\/5 80\.0%/);
    // A figure this print does not know is not printed; one no department has (complaints) gets no column.
    expect(words).not.toContain('some.futureFigure');
    expect(words).not.toContain('收到投诉');
  });

  it('draws the charts as inline SVG with their patterns', () => {
    expect(text(html)).toContain('二、图表');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(3);
    expect(html).toContain('<pattern');
    expect(html).toContain('接待登记与受理办件（按周）');
  });

  it('lists warnings red first, each with its level, rule and duty in words, article, person and days', () => {
    const words = text(html);
    expect(words).toContain('红牌 1 张，黄牌 1 张，预警 1 条。');
    const red = words.indexOf('红牌 转办未在次一工作日内承接');
    const yellow = words.indexOf('黄牌 办件超期');
    const warning = words.indexOf('预警 办件即将到期');
    expect(red).toBeGreaterThan(0);
    expect(red).toBeLessThan(yellow);
    expect(yellow).toBeLessThan(warning);
    // The screen's words (reports.code/rule/warning), the article as a Chinese text cites it (art. 8(3)).
    expect(words).toContain('转办未在次一工作日内承接 超期超过黄牌上限 第八条 第（三）项');
    expect(words).toContain('超期 19 个工作日');
    expect(words).toContain('剩余 1 个工作日');
    expect(words).toMatch(/黄牌 办件超期 首次超期，未超过黄牌上限 第十八条 第（一）项 未知人员 办公室/);
    expect(words).not.toMatch(/art\.|转办未按时接收/);
    expect(html).toContain('class="level level-red"');
  });

  it('reads complete in English', () => {
    const en = text(renderMonthlyReportHtml({ answer, series, names, bureauName: 'Nanyang S&T Bureau', lang: 'en' }));
    expect(en).toContain('Monthly Supervision Report');
    expect(en).toContain('Period: 2026-11-01 to 2026-11-30');
    expect(en).toContain('3 events are not counted yet');
    expect(en).toContain('1 red cards, 1 yellow cards, 1 warnings.');
    expect(en).toContain(
      'Red card Transfer not accepted by the next working day Late beyond the yellow limit Art. 8(3)',
    );
    expect(en).toContain('19 working days late');
    expect(en).toContain('Art. 18(1)');
    expect(en).toContain('Contacts registered and cases received (by week)');
    expect(en).not.toMatch(/督查|红牌|预警|主要指标|统计期间/);
  });

  it('says so when there is nothing to count, no warning, and no series', () => {
    const empty = text(
      renderMonthlyReportHtml({
        answer: {
          ...answer,
          groupBy: 'bureau',
          groups: [],
          warnings: [],
          freshness: { ...answer.freshness, latestSeq: 90 },
        },
        names,
        bureauName: '南阳市科学技术局',
        lang: 'zh-CN',
      }),
    );
    expect(empty).toContain('本期没有可统计的事项。');
    expect(empty).toContain('本期没有预警、黄牌或红牌。');
    expect(empty).toContain('统计已包含截至生成时的全部事件。');
    expect(empty).not.toContain('二、图表');
  });
});

describe('the title follows the period', () => {
  const at = (from: string, to: string, lang = 'zh-CN') =>
    renderMonthlyReportHtml({ answer: { ...answer, period: { from, to } }, names, bureauName: bureau, lang });
  const title = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)![1];

  it('is 督查日报/周报/月报/季报/年报 for exactly that calendar unit, else 督查报告 with the range', () => {
    expect(reportKind({ from: '2026-11-05', to: '2026-11-05' })).toBe('day');
    expect(reportKind({ from: '2026-11-02', to: '2026-11-08' })).toBe('week'); // Monday to Sunday
    expect(reportKind({ from: '2026-11-03', to: '2026-11-09' })).toBe('custom'); // seven days, not a week
    expect(reportKind({ from: '2026-11-01', to: '2026-11-30' })).toBe('month');
    expect(reportKind({ from: '2026-10-01', to: '2026-12-31' })).toBe('quarter');
    expect(reportKind({ from: '2026-11-01', to: '2026-12-31' })).toBe('custom'); // two months
    expect(reportKind({ from: '2026-01-01', to: '2026-12-31' })).toBe('year');
    expect(title(at('2026-11-05', '2026-11-05'))).toBe('督查日报');
    expect(title(at('2026-11-02', '2026-11-08'))).toBe('督查周报');
    expect(title(at('2026-11-01', '2026-11-30'))).toBe('督查月报');
    expect(title(at('2026-10-01', '2026-12-31'))).toBe('督查季报');
    expect(title(at('2026-01-01', '2026-12-31'))).toBe('督查年报');
    const custom = at('2026-11-03', '2026-11-20');
    expect(title(custom)).toBe('督查报告');
    expect(text(custom)).toContain('统计期间：2026-11-03 至 2026-11-20');
    expect(custom).not.toContain('督查月报');
  });

  it('names a single day once, in the header, the document title and the page footer', () => {
    const day = at('2026-11-05', '2026-11-05');
    expect(text(day)).toContain('统计日期：2026-11-05');
    expect(day).not.toContain('2026-11-05 至 2026-11-05');
    expect(day).toContain(`<title>${escapeHtml(bureau)} 督查日报 2026-11-05</title>`);
    const css = day.slice(day.indexOf('<style>'), day.indexOf('</style>'));
    expect(css).toContain('督查日报');
    expect(css).not.toContain('督查月报');
  });

  it('in English likewise', () => {
    expect(title(at('2026-11-05', '2026-11-05', 'en'))).toBe('Daily Supervision Report');
    expect(title(at('2026-11-02', '2026-11-08', 'en'))).toBe('Weekly Supervision Report');
    expect(title(at('2026-10-01', '2026-12-31', 'en'))).toBe('Quarterly Supervision Report');
    expect(title(at('2026-01-01', '2026-12-31', 'en'))).toBe('Annual Supervision Report');
    const custom = at('2026-11-03', '2026-11-20', 'en');
    expect(title(custom)).toBe('Supervision Report');
    expect(text(custom)).toContain('Period: 2026-11-03 to 2026-11-20');
    expect(text(at('2026-11-05', '2026-11-05', 'en'))).toContain('Day: 2026-11-05');
  });
});

describe('the archived PDF name', () => {
  it('is the month for a calendar month, with the range for any other period, the grouping and the moment', () => {
    expect(reportArchiveName(answer)).toBe('2026-11-department-20261202T073012345Z');
    expect(reportArchiveName({ ...answer, groupBy: 'bureau', period: { from: '2026-11-03', to: '2026-11-09' } })).toBe(
      '2026-11-03_2026-11-09-range-bureau-20261202T073012345Z',
    );
    expect(reportArchiveName({ ...answer, period: { from: '2026-02-01', to: '2026-02-28' } })).toMatch(
      /^2026-02-department-/,
    );
    const named = (from: string, to: string) => reportArchiveName({ ...answer, period: { from, to } });
    expect(named('2026-11-05', '2026-11-05')).toBe('2026-11-05_2026-11-05-day-department-20261202T073012345Z');
    expect(named('2026-11-02', '2026-11-08')).toMatch(/^2026-11-02_2026-11-08-week-department-/);
    expect(named('2026-10-01', '2026-12-31')).toMatch(/^2026-10-01_2026-12-31-quarter-/);
    expect(named('2026-01-01', '2026-12-31')).toMatch(/^2026-01-01_2026-12-31-year-/);
    // Every name is one the print path accepts (userData/reports/<name>.pdf).
    for (const [from, to] of [
      ['2026-11-05', '2026-11-05'],
      ['2026-01-01', '2026-12-31'],
      ['2025-12-15', '2026-12-31'],
    ])
      expect(REPORT_ARCHIVE_RE.test(named(from!, to!)), `${from}–${to}`).toBe(true);
  });

  it('reads Beijing time from the instant', () => {
    expect(beijingTime('2026-12-31T16:05:00.000Z')).toBe('2027-01-01 00:05');
    expect(beijingTime('not a time')).toBe('not a time');
  });
});

describe('the words of the report', () => {
  // The paper says a duty, a level rule and an article exactly as the 督查报表 screen does (reports.code/rule,
  // cases.article*): one wording of the regulation, not two.
  const zhCodes: Record<BreachFactCode | DueCode, string> = zhCNReports.code;
  const rules: Record<WarningRule, string> = zhCNReports.rule;
  const card = (over: Partial<ReportWarning>): ReportWarning => ({ ...answer.warnings[1]!, ...over });

  it('words every duty and level rule as the screen does, in both languages', () => {
    const zh = warningPrintWords('zh-CN');
    const en = warningPrintWords('en-US');
    for (const code of Object.keys(zhCodes) as (keyof typeof zhCodes)[]) {
      expect(zh(card({ code })).duty).toBe(zhCNReports.code[code]);
      expect(en(card({ code })).duty).toBe(enReports.code[code]);
    }
    for (const rule of Object.keys(rules) as WarningRule[]) {
      expect(zh(card({ rule })).rule).toBe(zhCNReports.rule[rule].replace('{{window}}', '30'));
      expect(en(card({ rule })).rule).toMatch(/^[A-Z][\x20-\x7e]+$/);
    }
    expect(zh(card({ rule: 'repeated' })).rule).toBe('同一人员在 30 天内再次违反同一规定');
  });

  it('cites the article as the text does: 第八条第（三）项, Art. 8(3); a list or a statute as it is', () => {
    const zh = warningPrintWords('zh-CN');
    const en = warningPrintWords('en');
    expect(zh(card({ article: 'art. 8(3)' })).article).toBe('第八条第（三）项');
    expect(en(card({ article: 'art. 8(3)' })).article).toBe('Art. 8(3)');
    expect(zh(card({ article: 'art. 17, 18(1)' })).article).toBe('第十七条、第十八条第（一）项');
    expect(en(card({ article: 'art. 32' })).article).toBe('Art. 32');
    expect(zh(card({ article: '§32' })).article).toBe('§32');
  });

  it('counts working days as the screen does, and says a 预警 due today', () => {
    const zh = warningPrintWords('zh-CN');
    expect(zh(card({ level: 'red', days: 19 })).days).toBe('超期 19 个工作日');
    expect(zh(card({ level: 'warning', days: 2 })).days).toBe('剩余 2 个工作日');
    expect(zh(card({ level: 'warning', days: 0 })).days).toBe('今日到期');
    expect(warningPrintWords('en')(card({ level: 'warning', days: 0 })).days).toBe('due today');
  });

  it('has the same placeholders in zh-CN and English, string for string', () => {
    const leaves = (o: object, at = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [[`${at}${k}`, v] as [string, string]] : leaves(v as object, `${at}${k}.`),
      );
    const en = new Map(leaves(enReportPrint));
    const zhLeaves = leaves(zhCNReportPrint);
    expect(zhLeaves.map(([k]) => k)).toEqual([...en.keys()]);
    const holes = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const [key, zh] of zhLeaves) expect(holes(en.get(key)!), key).toEqual(holes(zh));
  });
});
