import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ReportGroup, ReportSeries } from '../../../../shared/sync/reportApi.ts';
import { SANS } from '../../../print/styles.ts';
import { figureWord, fill, type ReportPrintWords } from '../../../print/report/words.ts';

// The report's charts as ECharts options, from a ReportSeries (GET /reports/series) — pure, so the screen and the
// printed 月报 draw the very same charts and a test can read them. They must stay readable printed in black and
// white (issue 15): every bar series carries its own decal pattern (hatching, dots, cross lines) on top of its
// colour, every line its own dash and symbol, values are written on the bars and points, and no meaning rests on
// colour alone.

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** Names for the ids a series holds, from the desk's directory. */
export interface ChartNames {
  staff(id: string): string;
  department(id: string): string;
}

export type ChartKind = 'trend' | 'rates' | 'departments';

export interface ReportChart {
  readonly kind: ChartKind;
  readonly title: string;
  readonly option: ChartOption;
}

/** Colours far apart in lightness too, so a grey print still tells two bars apart even without their pattern. */
const PALETTE = ['#1864ab', '#e8590c', '#2b8a3e', '#862e9c', '#495057'];

/** One pattern per bar series: diagonal hatching, dots, horizontal lines, the other diagonal, a grid. */
export const BAR_DECALS = [
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4 },
  {
    symbol: 'circle',
    symbolSize: 0.7,
    dashArrayX: [
      [3, 3],
      [0, 3, 3, 0],
    ],
    dashArrayY: [3, 0],
    rotation: 0,
  },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0 },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [[1, 3]], dashArrayY: [1, 3], rotation: 0 },
].map((d) => ({ ...d, color: 'rgba(255, 255, 255, 0.6)' }));

/** One dash and one symbol per line series. */
export const LINE_STYLES: readonly {
  type: 'solid' | 'dashed' | 'dotted' | number[];
  symbol: string;
}[] = [
  { type: 'solid', symbol: 'circle' },
  { type: 'dashed', symbol: 'rect' },
  { type: 'dotted', symbol: 'triangle' },
  { type: [8, 3, 2, 3], symbol: 'diamond' },
];

/**
 * A value's label: nothing for 0 or an empty point (a "0" or "0%" on the x axis sat on its labels, "11-0%起"), the
 * value otherwise, with '%' on a rate. Labels go above the point or bar, never below it into the axis.
 */
export function valueLabel(unit: '' | '%') {
  return ({ value }: { value?: unknown }): string =>
    typeof value === 'number' && value !== 0 ? `${value}${unit}` : '';
}

/** Beyond this many points a label on each would overlap its neighbours; the axis and tooltip still tell. */
const MAX_LABELLED_POINTS = 16;

// The figures each chart draws, named in its legend as the screen's figure table names them (reports.figure.*).
export const TREND_KEYS = ['contacts.total', 'cases.received'] as const;

export const RATE_KEYS = ['cases.onTime', 'transfers.acceptedInTime', 'ratings.goodRate'] as const;

export const DEPARTMENT_KEYS = ['contacts.total', 'cases.received', 'cases.overdueNow'] as const;

interface Sum {
  numerator: number;
  denominator: number;
}

/** A figure summed over groups (counts add up: each fact belongs to one group); absent → nothing counted. */
export function sumFigure(groups: readonly ReportGroup[], key: string): Sum {
  let numerator = 0;
  let denominator = 0;
  for (const g of groups) {
    const f = g.figures[key];
    if (!f) continue;
    numerator += f.numerator;
    denominator += f.denominator;
  }
  return { numerator, denominator };
}

/** A rate in per cent, one decimal; null when nothing was counted (a gap in the line, not a fall to 0 %). */
export function percent({ numerator, denominator }: Sum): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
}

export function bucketLabel(bucket: { from: string; to: string }, step: ReportSeries['step'], words: ReportPrintWords) {
  return step === 'month' ? bucket.from.slice(0, 7) : fill(words.charts.weekOf, { from: bucket.from.slice(5) });
}

const LEGEND_FONT_PX = 12;
const LEGEND_GAP_PX = 12;
/** A legend row's height: the 14 px item and the gap ECharts leaves between wrapped rows. */
const LEGEND_ROW_PX = 14 + LEGEND_GAP_PX;
/** The narrowest a chart is drawn: a third of the screen's content at 1366 px wide (three charts in a row). */
export const NARROWEST_CHART_PX = 360;

/** A generous estimate of a legend text's width: a Chinese character a full em, anything else 0.6 em. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? LEGEND_FONT_PX : LEGEND_FONT_PX * 0.6;
  return w;
}

/** How many rows the legend wraps onto at this width (item: 25 px symbol, 5 px gap, the text; items 12 px apart). */
export function legendRows(names: readonly string[], width: number): number {
  const room = width - 10;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = 30 + textWidth(name);
    if (used > 0 && used + LEGEND_GAP_PX + item > room) {
      rows += 1;
      used = item;
    } else used += (used > 0 ? LEGEND_GAP_PX : 0) + item;
  }
  return rows;
}

function base(title: string, animation: boolean, legend: readonly string[], width: number): ChartOption {
  return {
    animation,
    aria: { enabled: true, decal: { show: true } },
    color: PALETTE,
    textStyle: { fontFamily: SANS, color: '#000' },
    title: { text: title, left: 'center', top: 0, textStyle: { fontSize: 14, fontWeight: 'bold', color: '#000' } },
    // The legend below the plot, where a long English name may wrap onto a second line without meeting the axis
    // name or the plot; the grid keeps its labels inside and leaves the legend room.
    legend: {
      bottom: 0,
      left: 'center',
      itemGap: LEGEND_GAP_PX,
      textStyle: { color: '#000', fontSize: LEGEND_FONT_PX },
    },
    tooltip: { trigger: 'axis' },
    // The plot, its axis labels and axis names all inside this rect (outerBounds 'same', contain 'all'), which
    // stops above as many legend rows as the names need at this width.
    grid: {
      left: 8,
      right: 16,
      top: 40,
      bottom: legendRows(legend, width) * LEGEND_ROW_PX + 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
  };
}

function bars(name: string, data: number[], index: number, labelled: boolean): BarSeriesOption {
  return {
    type: 'bar',
    name,
    data,
    barMaxWidth: 36,
    itemStyle: { decal: BAR_DECALS[index % BAR_DECALS.length]!, borderColor: '#000', borderWidth: 0.6 },
    label: { show: labelled, position: 'top', color: '#000', fontSize: 10, formatter: valueLabel('') },
    labelLayout: { hideOverlap: true },
  };
}

/** A value axis whose name runs up its side, clear of the title above and the legend below. */
export function valueAxis(name: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameRotate: 90,
    nameGap: 36,
    ...extra,
  };
}

function line(name: string, data: (number | null)[], index: number, labelled: boolean): LineSeriesOption {
  const style = LINE_STYLES[index % LINE_STYLES.length]!;
  return {
    type: 'line',
    name,
    data,
    symbol: style.symbol,
    symbolSize: 7,
    connectNulls: false,
    lineStyle: { type: style.type, width: 2 },
    label: { show: labelled, position: 'top', color: '#000', fontSize: 10, formatter: valueLabel('%') },
    // Lines close together (three rates near 85 %) would print their values on top of each other: drop the overlap.
    labelLayout: { hideOverlap: true },
  };
}

export interface ChartOptionsInput {
  readonly series: ReportSeries;
  readonly names: ChartNames;
  readonly words: ReportPrintWords;
  /** Off for print and server-side rendering: the SVG is drawn once, finished. */
  readonly animation?: boolean;
  /** The width drawn at, for the legend's rows; the narrowest screen chart when not known. */
  readonly width?: number;
}

/** A chart over the series' weeks or months: one category per bucket, one series per figure. */
function overTime(
  { series, words, animation = false, width = NARROWEST_CHART_PX }: ChartOptionsInput,
  kind: ChartKind,
  template: string,
  yAxis: ChartOption['yAxis'],
  keys: readonly string[],
  draw: (
    perBucket: (key: string) => Sum[],
    key: string,
    index: number,
    labelled: boolean,
  ) => BarSeriesOption | LineSeriesOption,
): ReportChart {
  const title = fill(template, { step: words.charts.step[series.step] });
  const labelled = series.buckets.length <= MAX_LABELLED_POINTS;
  const perBucket = (key: string) => series.buckets.map((b) => sumFigure(b.groups, key));
  return {
    kind,
    title,
    option: {
      ...base(
        title,
        animation,
        keys.map((k) => figureWord(words, k)),
        width,
      ),
      xAxis: { type: 'category', data: series.buckets.map((b) => bucketLabel(b, series.step, words)) },
      yAxis,
      series: keys.map((key, i) => draw(perBucket, key, i, labelled)),
    },
  };
}

/** Bars of contacts registered and cases received per week or month, the whole bureau. */
export function trendChart(input: ChartOptionsInput): ReportChart {
  const { charts } = input.words;
  return overTime(
    input,
    'trend',
    charts.trend,
    valueAxis(charts.countAxis, { minInterval: 1 }),
    TREND_KEYS,
    (perBucket, key, i, labelled) =>
      bars(
        figureWord(input.words, key),
        perBucket(key).map((s) => s.numerator),
        i,
        labelled,
      ),
  );
}

/** The on-time rate (and the transfer and rating rates) per week or month, 0–100 %. */
export function ratesChart(input: ChartOptionsInput): ReportChart {
  const { charts } = input.words;
  return overTime(
    input,
    'rates',
    charts.rates,
    valueAxis(charts.rateAxis, { min: 0, max: 100, axisLabel: { formatter: '{value}%' } }),
    RATE_KEYS,
    (perBucket, key, i, labelled) => line(figureWord(input.words, key), perBucket(key).map(percent), i, labelled),
  );
}

/** Departments (or people) side by side over the whole range: grouped bars, one pattern per figure. */
export function departmentsChart({
  series,
  names,
  words,
  animation = false,
  width = NARROWEST_CHART_PX,
}: ChartOptionsInput): ReportChart {
  const title = words.charts.departments;
  const ids = [...new Set(series.buckets.flatMap((b) => b.groups.map((g) => g.group)))];
  const nameOf = (id: string) => (series.groupBy === 'staff' ? names.staff(id) : names.department(id));
  const labels = ids.map(nameOf);
  const order = ids.map((_, i) => i).sort((a, b) => labels[a]!.localeCompare(labels[b]!, 'zh-CN'));
  const total = (id: string, key: string) =>
    sumFigure(
      series.buckets.flatMap((b) => b.groups.filter((g) => g.group === id)),
      key,
    ).numerator;
  return {
    kind: 'departments',
    title,
    option: {
      ...base(
        title,
        animation,
        DEPARTMENT_KEYS.map((k) => figureWord(words, k)),
        width,
      ),
      xAxis: {
        type: 'category',
        data: order.map((i) => labels[i]!),
        axisLabel: { interval: 0, rotate: ids.length > 6 ? 30 : 0 },
      },
      yAxis: valueAxis(words.charts.countAxis, { minInterval: 1 }),
      series: DEPARTMENT_KEYS.map((key, i) =>
        bars(
          figureWord(words, key),
          order.map((o) => total(ids[o]!, key)),
          i,
          ids.length <= MAX_LABELLED_POINTS,
        ),
      ),
    },
  };
}

/** The charts a series makes: the trends always; departments side by side when it is grouped. */
export function reportCharts(input: ChartOptionsInput): ReportChart[] {
  if (input.series.buckets.length === 0) return [];
  const charts = [trendChart(input), ratesChart(input)];
  if (input.series.groupBy !== 'bureau') charts.push(departmentsChart(input));
  return charts;
}
