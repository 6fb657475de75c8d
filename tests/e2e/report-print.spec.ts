import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import type { ReportAnswer, ReportGroup, ReportSeries, ReportWarning } from '../../shared/sync/reportApi.ts';
import { renderMonthlyReportHtml } from '../../renderer/print/report/renderMonthlyReport.tsx';
import { fontsUsedFor, overflowing, pngOfFirstPage, printPdf, squeezed } from './slipPdf.ts';

// Issue 15: the 督查月报 on paper, as Electron archives it (printToPDF at the page size its CSS names) and read back
// with poppler — A4, several pages with their numbers, the bureau, period, figures per department, the charts, and
// every warning in words on one page (no row cut in two), drawn in a real CJK font, nothing outside the paper.

const PX_PER_MM = 96 / 25.4;
/** A4 less the report's 16 mm side margins. */
const PRINTABLE_MM = 210 - 2 * 16;
const A4_PT = { width: 595, height: 842 };

const DEPARTMENTS: Record<string, string> = {
  'dept-office': '办公室',
  'dept-party': '机关党委（人事科）',
  'dept-plan': '计划财务科',
  'dept-hitech': '高新技术发展及产业化科',
  'dept-rural': '农村科技科',
  'dept-social': '社会发展科技科',
  'dept-coop': '对外科技交流与合作科',
  'dept-policy': '政策法规与监督科',
};
const STAFF = ['张伟', '王芳', '陈静', '李娜', '刘洋', '赵磊', '孙丽', '周杰', '吴敏', '郑强'];
const names = {
  staff: (id: string) => STAFF[Number(id.slice(6))] ?? '',
  department: (id: string) => DEPARTMENTS[id] ?? '',
};

const fig = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
});

function groupOf(id: string, i: number): ReportGroup {
  const cases = 10 + i * 3;
  return {
    group: id,
    figures: {
      'contacts.total': fig(40 + i * 7, 40 + i * 7),
      'contacts.undisposedAtDayEnd': fig(i % 3, 40 + i * 7),
      'transfers.acceptedInTime': fig(6 + i, 8 + i),
      'transfers.returned': fig(i % 2, 8 + i),
      'cases.received': fig(cases, cases),
      'cases.onTime': fig(cases - 2 - (i % 3), cases - 1),
      'cases.overdueNow': fig(i % 4, cases),
      'cases.everOverdue': fig(1 + (i % 4), cases),
      'cases.extended': fig(i % 2, cases),
      'cases.resultNotifiedInTime': fig(cases - 2, cases - 1),
      'escalations.answeredInTime': fig(2, 3),
      'ratings.goodRate': fig(20 + i, 24 + i),
      'ratings.unratedRate': fig(3, 27 + i),
      'ratings.badFollowedUpRate': fig(1, 2),
      'ratings.rectifiedRate': fig(i === 0 ? 0 : 1, i === 0 ? 0 : 2),
    },
  };
}

const deptIds = Object.keys(DEPARTMENTS);
const CODES = [
  ['red', 'lateBeyond', 'transferLate', 'art. 8(3)'],
  ['yellow', 'lateWithin', 'overdue', 'art. 18(1)'],
  ['warning', 'dueSoon', 'caseDue', 'art. 18(1)'],
  ['red', 'noReason', 'refusalWithoutReason', 'art. 8(2)'],
  ['yellow', 'lateWithin', 'stepOverdue', 'art. 16'],
] as const;
const warnings: ReportWarning[] = Array.from({ length: 70 }, (_, i) => {
  const [level, rule, code, article] = CODES[i % CODES.length]!;
  return {
    level,
    rule,
    code,
    article,
    factId: `f-${String(i).padStart(3, '0')}`,
    recordId: `r-${i}`,
    staffId: `staff-${i % STAFF.length}`,
    departmentId: deptIds[i % deptIds.length]!,
    day: `2026-11-${String(1 + (i % 30)).padStart(2, '0')}`,
    // Each row's days are unique, so a row is found whole on one page or not at all.
    days: 100 + i,
  };
});
const answer: ReportAnswer = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  groupBy: 'department',
  groups: deptIds.map(groupOf),
  warnings,
  freshness: { projectedSeq: 41_200, latestSeq: 41_200, today: '2026-12-02', computedAt: '2026-12-02T07:30:00.000Z' },
};
const weeks = [
  ['2026-11-01', '2026-11-01'],
  ['2026-11-02', '2026-11-08'],
  ['2026-11-09', '2026-11-15'],
  ['2026-11-16', '2026-11-22'],
  ['2026-11-23', '2026-11-29'],
  ['2026-11-30', '2026-11-30'],
] as const;
const series: ReportSeries = {
  step: 'week',
  groupBy: 'department',
  buckets: weeks.map(([from, to], w) => ({ from, to, groups: deptIds.map((id, i) => groupOf(id, (i + w) % 5)) })),
};

async function layOut(page: Page, html: string) {
  await page.setViewportSize({ width: Math.ceil(PRINTABLE_MM * PX_PER_MM), height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
}

/** The cells of `selector` whose text takes more than one line (e.g. 超期 121 个工|作日 broken in two). */
function wrapped(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const cell of document.querySelectorAll(sel)) {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size !== 1) out.push(`${cell.textContent ?? ''} on ${tops.size} lines`);
    }
    return out;
  }, selector);
}

function pageTexts(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) =>
    squeezed(
      execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], {
        encoding: 'utf8',
      }),
    ),
  );
}

test.describe('the printed 督查月报', () => {
  test('zh-CN on A4: header, figures per department, charts, every warning whole, page numbers, CJK', async ({
    page,
  }) => {
    const started = performance.now();
    const html = renderMonthlyReportHtml({ answer, series, names, bureauName: '南阳市科学技术局', lang: 'zh-CN' });
    const renderMs = performance.now() - started;
    await layOut(page, html);
    expect(await overflowing(page)).toEqual([]);
    // Each of the 70 warnings' date and working days stays on one line.
    expect(await page.locator('table.warnings td.days').count()).toBe(warnings.length);
    expect(await wrapped(page, 'table.warnings td.days, table.warnings td.day')).toEqual([]);
    expect(await page.locator('figure.chart svg').count()).toBe(3);
    for (const selector of ['h1', 'table.figures td', 'table.warnings td', '.meta p']) {
      const fonts = await fontsUsedFor(page, selector);
      expect(fonts.map((f) => f.familyName).join(', '), selector).toMatch(/Noto (Sans|Serif) CJK SC/);
    }

    const pdfStarted = performance.now();
    const pdf = await printPdf(page, 'monthly-report-zh', html);
    const pdfMs = performance.now() - pdfStarted;
    console.log(`月报: HTML with 3 charts ${renderMs.toFixed(0)} ms, PDF ${pdfMs.toFixed(0)} ms, ${pdf.pages} pages`);
    expect(Math.round(pdf.widthPt)).toBe(A4_PT.width);
    expect(Math.round(pdf.heightPt)).toBe(A4_PT.height);
    expect(pdf.pages).toBeGreaterThanOrEqual(3);

    for (const phrase of [
      '南阳市科学技术局',
      '督查月报',
      '统计期间：2026-11-01至2026-11-30',
      '数据生成于2026-12-0215:30（北京时间）',
      '统计已包含截至生成时的全部事件。',
      '第四条',
      '一、主要指标',
      '（二）办件与上报',
      '高新技术发展及产业化科',
      // 办公室 (i = 0): 8 of 9 on time, 88.9 %; the total of all eight departments.
      '8/988.9%',
      `合计${answer.groups.reduce((n, g) => n + g.figures['contacts.total']!.numerator, 0)}`,
      '二、图表',
      '各科室对比',
      '按时办结率等比率走势（按周）',
      '三、预警与红黄牌',
      '红牌28张，黄牌28张，预警14条。',
      // The screen's words for a duty (reports.code) and a rule (reports.rule), the article as the text cites it.
      '拒办未说明理由和依据',
      '转办未在次一工作日内承接',
      '超期超过黄牌上限',
      '第八条第（三）项',
      '第十八条第（一）项',
    ]) {
      expect(pdf.text, phrase).toContain(squeezed(phrase));
    }

    const pages = pageTexts(pdf.file, pdf.pages);
    pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`第${i + 1}页共${pdf.pages}页`));
    // Every warning row is on one page, whole: its level, duty, person, day and days late together.
    for (const [i, w] of warnings.entries()) {
      const level = { red: '红牌', yellow: '黄牌', warning: '预警' }[w.level];
      const days = w.level === 'warning' ? `剩余${w.days}个工作日` : `超期${w.days}个工作日`;
      const row = squeezed(`${STAFF[i % STAFF.length]}${DEPARTMENTS[w.departmentId]}${w.day}${days}`);
      const holding = pages.filter((p) => p.includes(row));
      expect(holding, `warning ${i} (${level})`).toHaveLength(1);
      expect(holding[0]).toContain(level);
    }
    pngOfFirstPage(pdf, 80);
  });

  test('in English, without a series: no charts, everything else in English', async ({ page }) => {
    const html = renderMonthlyReportHtml({
      answer: { ...answer, freshness: { ...answer.freshness, latestSeq: 41_250 } },
      series: undefined,
      names,
      bureauName: 'Nanyang Municipal Science and Technology Bureau',
      lang: 'en',
    });
    await layOut(page, html);
    expect(await overflowing(page)).toEqual([]);
    expect(await wrapped(page, 'table.warnings td.days, table.warnings td.day')).toEqual([]);
    const pdf = await printPdf(page, 'monthly-report-en', html);
    expect(Math.round(pdf.widthPt)).toBe(A4_PT.width);
    for (const phrase of [
      'Monthly Supervision Report',
      'Period: 2026-11-01 to 2026-11-30',
      '50 events are not counted yet',
      '28 red cards, 28 yellow cards, 14 warnings.',
      'Refused without reasons and basis',
      'Transfer not accepted by the next working day',
      'Art. 8(3)',
      '129 working days late',
      `Page 1 of ${pdf.pages}`,
    ]) {
      expect(pdf.text, phrase).toContain(squeezed(phrase));
    }
    expect(pdf.text).not.toContain(squeezed('2. Charts'));
    expect(pdf.text).not.toMatch(/转办|超期|第八条/);
  });
});
