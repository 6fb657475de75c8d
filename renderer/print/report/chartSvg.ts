import { reportCharts, type ChartOptionsInput } from '../../features/reports/charts/chartOptions.ts';
import { echarts } from '../../features/reports/charts/echarts.ts';

// The report's charts as inline SVG for the printed 月报: ECharts' server-side mode renders each to a string (no
// DOM, no canvas, no script in the result), then the instance is disposed at once.

/** The printable width of A4 less the report's margins, at 96 px per inch. */
export const PRINT_CHART_WIDTH_PX = 670;
export const PRINT_CHART_HEIGHT_PX = 300;

export interface ChartSvg {
  readonly kind: string;
  readonly title: string;
  readonly svg: string;
}

export function chartSvgs(input: Omit<ChartOptionsInput, 'animation'>): ChartSvg[] {
  return reportCharts({ ...input, animation: false, width: PRINT_CHART_WIDTH_PX }).map((chart) => {
    const instance = echarts.init(null, null, {
      renderer: 'svg',
      ssr: true,
      width: PRINT_CHART_WIDTH_PX,
      height: PRINT_CHART_HEIGHT_PX,
    });
    try {
      instance.setOption(chart.option);
      return { kind: chart.kind, title: chart.title, svg: instance.renderToSVGString() };
    } finally {
      instance.dispose();
    }
  });
}
