// ECharts as the reports use it, tree-shaken: bars and lines on a grid, with title, legend, tooltip and the aria
// component (which draws the decal patterns that keep bars apart in black and white), rendered as SVG — on screen
// and, through its server-side mode, into the printed 月报. Loaded on demand: nothing here is in the desk's first
// bundle.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
// labelLayout.hideOverlap (two rates near 75 % writing their values over each other) needs this feature installed.
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  LabelLayout,
  SVGRenderer,
]);

export { echarts };
