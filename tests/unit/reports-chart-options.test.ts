import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { ReportGroup, ReportSeries } from '../../shared/sync/reportApi.ts';
import {
  BAR_DECALS,
  bucketLabel,
  departmentsChart,
  legendRows,
  NARROWEST_CHART_PX,
  percent,
  ratesChart,
  reportCharts,
  sumFigure,
  trendChart,
  valueLabel,
} from '../../renderer/features/reports/charts/chartOptions.ts';
import { enReports } from '../../shared/i18n/en.reports.ts';
import { zhCNReports } from '../../shared/i18n/zh-CN.reports.ts';
import { echarts } from '../../renderer/features/reports/charts/echarts.ts';
import { reportWords } from '../../renderer/print/report/words.ts';

// Issue 15: the report's charts from a GET /reports/series answer — the numbers they plot, and that they stay
// readable printed in black and white (decal patterns on bars, a different dash and symbol per line, values shown).

const fig = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
});

function group(id: string, n: { contacts: number; cases: number; onTime: [number, number]; overdue?: number }) {
  return {
    group: id,
    figures: {
      'contacts.total': fig(n.contacts, n.contacts),
      'cases.received': fig(n.cases, n.cases),
      'cases.onTime': fig(...n.onTime),
      'cases.overdueNow': fig(n.overdue ?? 0, n.cases),
      'transfers.acceptedInTime': fig(1, 2),
    },
  } satisfies ReportGroup;
}

const series: ReportSeries = {
  step: 'week',
  groupBy: 'department',
  buckets: [
    {
      from: '2026-11-02',
      to: '2026-11-08',
      groups: [
        group('dept-a', { contacts: 4, cases: 2, onTime: [1, 2], overdue: 1 }),
        group('dept-b', { contacts: 3, cases: 1, onTime: [2, 2] }),
      ],
    },
    { from: '2026-11-09', to: '2026-11-15', groups: [group('dept-a', { contacts: 5, cases: 0, onTime: [0, 0] })] },
  ],
};
const names = {
  staff: (id: string) => `人员${id}`,
  department: (id: string) => ({ 'dept-a': '办公室', 'dept-b': '<b>科</b>' })[id] ?? id,
};
const zh = reportWords('zh-CN');
const en = reportWords('en');

const seriesOf = (option: { series?: unknown }) => option.series as (BarSeriesOption & LineSeriesOption)[];

describe('what the charts plot', () => {
  it('sums counts over departments per week, and rates as Σnumerators/Σdenominators, a gap where nothing was counted', () => {
    expect(sumFigure(series.buckets[0]!.groups, 'cases.onTime')).toEqual({ numerator: 3, denominator: 4 });
    expect(sumFigure(series.buckets[0]!.groups, 'complaints.received')).toEqual({ numerator: 0, denominator: 0 });
    expect(percent({ numerator: 2, denominator: 3 })).toBe(66.7);
    expect(percent({ numerator: 0, denominator: 0 })).toBeNull();

    const trend = seriesOf(trendChart({ series, names, words: zh }).option);
    expect(trend.map((s) => [s.name, s.data])).toEqual([
      ['登记总数', [7, 5]],
      ['收件', [3, 0]],
    ]);
    const rates = seriesOf(ratesChart({ series, names, words: zh }).option);
    expect(rates[0]).toMatchObject({ name: '按时办结率', data: [75, null] });
    expect(rates[1]).toMatchObject({ name: '次一工作日内承接', data: [50, 50] });
    // No rating was counted at all: the good-rating line is all gaps, never a fall to 0 %.
    expect(rates[2]).toMatchObject({ name: '好评率', data: [null, null] });
  });

  it('puts departments side by side over the whole range, named from the directory and sorted by name', () => {
    const chart = departmentsChart({ series, names, words: zh });
    expect((chart.option.xAxis as { data: string[] }).data).toEqual(
      ['<b>科</b>', '办公室'].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    );
    const byName = Object.fromEntries(
      (chart.option.xAxis as { data: string[] }).data.map((label, i) => [
        label,
        seriesOf(chart.option).map((s) => (s.data as number[])[i]),
      ]),
    );
    expect(byName['办公室']).toEqual([9, 2, 1]);
    expect(byName['<b>科</b>']).toEqual([3, 1, 0]);
  });

  it('labels weeks by their Monday and months by the month, in both languages', () => {
    expect(bucketLabel({ from: '2026-11-02', to: '2026-11-08' }, 'week', zh)).toBe('11-02起');
    expect(bucketLabel({ from: '2026-11-02', to: '2026-11-08' }, 'week', en)).toBe('wk of 11-02');
    expect(bucketLabel({ from: '2026-11-01', to: '2026-11-30' }, 'month', en)).toBe('2026-11');
    expect(trendChart({ series, names, words: en }).title).toBe('Contacts registered and cases received (by week)');
    expect(trendChart({ series: { ...series, step: 'month' }, names, words: zh }).title).toBe(
      '接待登记与受理办件（按月）',
    );
  });

  it('draws the trends always, departments only when grouped, and nothing for an empty range', () => {
    expect(reportCharts({ series, names, words: zh }).map((c) => c.kind)).toEqual(['trend', 'rates', 'departments']);
    expect(reportCharts({ series: { ...series, groupBy: 'bureau' }, names, words: zh }).map((c) => c.kind)).toEqual([
      'trend',
      'rates',
    ]);
    expect(reportCharts({ series: { ...series, buckets: [] }, names, words: zh })).toEqual([]);
  });
});

describe('legend and axis names clear of each other (1366 px screen, three charts in a row)', () => {
  it("names each figure as the screen's figure table does (reports.figure.*)", () => {
    const legendOf = (words: typeof zh, kind: string) =>
      seriesOf(reportCharts({ series, names, words }).find((c) => c.kind === kind)!.option).map((s) => s.name);
    expect(legendOf(zh, 'rates')).toEqual([
      zhCNReports.figure.cases_onTime,
      zhCNReports.figure.transfers_acceptedInTime,
      zhCNReports.figure.ratings_goodRate,
    ]);
    expect(legendOf(zh, 'rates')).toContain('次一工作日内承接');
    expect(legendOf(en, 'trend')).toEqual([enReports.figure.contacts_total, enReports.figure.cases_received]);
    expect(legendOf(en, 'departments')).toEqual([
      enReports.figure.contacts_total,
      enReports.figure.cases_received,
      enReports.figure.cases_overdueNow,
    ]);
  });

  it('puts the legend below the plot and keeps the plot, its labels and axis names above it', () => {
    for (const words of [zh, en]) {
      for (const chart of reportCharts({ series, names, words })) {
        const { legend, grid, yAxis } = chart.option as {
          legend: { bottom: number; top?: number };
          grid: { bottom: number; outerBoundsMode: string; outerBoundsContain: string };
          yAxis: { nameLocation: string; nameRotate: number };
        };
        expect(legend.bottom).toBe(0);
        expect(legend.top).toBeUndefined();
        expect(grid).toMatchObject({ outerBoundsMode: 'same', outerBoundsContain: 'all' });
        // The axis name runs up the axis's side, not above it where the legend used to be.
        expect(yAxis).toMatchObject({ nameLocation: 'middle', nameRotate: 90 });
        const rows = legendRows(
          seriesOf(chart.option).map((s) => String(s.name)),
          NARROWEST_CHART_PX,
        );
        expect(grid.bottom, `${chart.kind}`).toBeGreaterThanOrEqual(rows * 24);
      }
    }
  });

  it('counts the legend rows a long English legend wraps onto, and reserves room for them', () => {
    const english = [enReports.figure.cases_onTime, enReports.figure.transfers_acceptedInTime, 'Good-rating rate'];
    expect(legendRows(english, NARROWEST_CHART_PX)).toBeGreaterThanOrEqual(2);
    expect(legendRows(english, 2000)).toBe(1);
    expect(legendRows(['登记总数', '收件'], NARROWEST_CHART_PX)).toBe(1);
    const narrow = ratesChart({ series, names, words: en }).option.grid as { bottom: number };
    const wide = ratesChart({ series, names, words: en, width: 2000 }).option.grid as { bottom: number };
    expect(narrow.bottom).toBeGreaterThan(wide.bottom);
  });
});

describe('readable in black and white', () => {
  const charts = reportCharts({ series, names, words: zh });

  it('turns decals on and gives every bar series a pattern of its own, outlined in black, values on top', () => {
    for (const chart of charts) expect(chart.option.aria).toMatchObject({ enabled: true, decal: { show: true } });
    const barSeries = charts.filter((c) => c.kind !== 'rates').flatMap((c) => seriesOf(c.option));
    expect(barSeries.length).toBeGreaterThan(3);
    for (const s of barSeries) {
      expect(s.itemStyle?.decal).toBeTruthy();
      expect(s.itemStyle?.borderColor).toBe('#000');
      expect(s.label?.show).toBe(true);
    }
    const inOneChart = seriesOf(charts[2]!.option).map((s) => JSON.stringify(s.itemStyle?.decal));
    expect(new Set(inOneChart).size).toBe(inOneChart.length);
    expect(new Set(BAR_DECALS.map((d) => JSON.stringify(d))).size).toBe(BAR_DECALS.length);
  });

  it('gives every line its own dash and its own symbol, with the value and % written on each point', () => {
    const lines = seriesOf(charts[1]!.option);
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => JSON.stringify(l.lineStyle?.type))).size).toBe(3);
    expect(new Set(lines.map((l) => l.symbol)).size).toBe(3);
    for (const l of lines) {
      expect(l.label).toMatchObject({ show: true, position: 'top' });
      const say = l.label!.formatter as (p: { value?: unknown }) => string;
      expect(say({ value: 83.3 })).toBe('83.3%');
      // A 0 % point sits on the x axis: its label would print over the axis labels ("11-0%起"), so it has none.
      expect(say({ value: 0 })).toBe('');
      expect(say({ value: null })).toBe('');
    }
    expect(charts[1]!.option.yAxis).toMatchObject({ min: 0, max: 100 });
  });

  it('writes no value on an empty bar, and every bar label above its bar', () => {
    for (const s of charts.filter((c) => c.kind !== 'rates').flatMap((c) => seriesOf(c.option))) {
      expect(s.label?.position).toBe('top');
      const say = s.label!.formatter as (p: { value?: unknown }) => string;
      expect(say({ value: 7 })).toBe('7');
      expect(say({ value: 0 })).toBe('');
    }
    expect(valueLabel('%')({ value: 12.5 })).toBe('12.5%');
  });

  it('stops writing values on crowded charts (a year of weeks) rather than overprint them', () => {
    const long: ReportSeries = {
      ...series,
      buckets: Array.from({ length: 30 }, (_, i) => ({
        ...series.buckets[0]!,
        from: `2026-01-${String(i + 1).padStart(2, '0')}`,
      })),
    };
    expect(seriesOf(trendChart({ series: long, names, words: zh }).option)[0]!.label?.show).toBe(false);
  });

  it('renders on the server as SVG with the patterns drawn and every name escaped', () => {
    for (const chart of charts) {
      const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 300 });
      try {
        instance.setOption(chart.option);
        const svg = instance.renderToSVGString();
        expect(svg.startsWith('<svg')).toBe(true);
        expect(svg).toContain(chart.title);
        expect(svg).not.toMatch(/<script|<image|href=|<b>/);
        if (chart.kind !== 'rates') expect(svg).toContain('<pattern');
        if (chart.kind === 'departments') expect(svg).toContain('&lt;b&gt;科&lt;/b&gt;');
        if (chart.kind === 'rates') expect(svg).toContain('stroke-dasharray');
      } finally {
        instance.dispose();
      }
    }
  });
});
