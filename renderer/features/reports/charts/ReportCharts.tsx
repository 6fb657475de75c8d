import { Alert, Loader, Paper, SimpleGrid, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSeries } from '../../../../shared/sync/reportApi.ts';
import { fill, reportWords } from '../../../print/report/words.ts';
import { reportCharts, type ChartNames, type ReportChart } from './chartOptions.ts';
import type * as EchartsModule from './echarts.ts';

// The report's charts on screen (issue 15): ECharts, tree-shaken and loaded only when a chart is first shown, drawn
// as SVG (crisp at any zoom, and the same renderer the printed 月报 uses), following its container's size and
// disposed with it.

type Echarts = typeof EchartsModule.echarts;
type Loaded = { lib: Echarts } | { error: string } | null;

function useEcharts(): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let live = true;
    import('./echarts.ts').then(
      (m) => live && setLoaded({ lib: m.echarts }),
      (e: unknown) => live && setLoaded({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}

const CHART_HEIGHT = 320;

function Chart({ lib, chart }: { lib: Echarts; chart: ReportChart }) {
  const box = useRef<HTMLDivElement>(null);
  const instance = useRef<ReturnType<Echarts['init']> | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const created = lib.init(el, null, { renderer: 'svg' });
    instance.current = created;
    const observer = new ResizeObserver(() => created.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      created.dispose();
      instance.current = null;
    };
  }, [lib]);
  useEffect(() => {
    instance.current?.setOption(chart.option, { notMerge: true });
  }, [chart]);
  return <div ref={box} data-testid={`report-chart-${chart.kind}`} style={{ width: '100%', height: CHART_HEIGHT }} />;
}

export interface ReportChartsProps {
  readonly series: ReportSeries;
  readonly names: ChartNames;
}

/** The trends per week or month, the on-time rate over time and, when grouped, the departments side by side. */
export function ReportCharts({ series, names }: ReportChartsProps) {
  const { i18n } = useTranslation();
  const words = reportWords(i18n.language);
  const charts = useMemo(() => reportCharts({ series, names, words, animation: true }), [series, names, words]);
  const loaded = useEcharts();
  if (charts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {words.charts.empty}
      </Text>
    );
  }
  if (loaded === null) {
    return (
      <Text size="sm" c="dimmed" role="status">
        <Loader size="xs" mr="xs" />
        {words.charts.loading}
      </Text>
    );
  }
  if ('error' in loaded) return <Alert color="red">{fill(words.charts.failed, { reason: loaded.error })}</Alert>;
  return (
    <SimpleGrid cols={{ base: 1, lg: charts.length > 2 ? 3 : 2 }} spacing="md" aria-label={words.charts.title}>
      {charts.map((chart) => (
        <Paper key={chart.kind} withBorder p="xs">
          <Chart lib={loaded.lib} chart={chart} />
        </Paper>
      ))}
    </SimpleGrid>
  );
}
