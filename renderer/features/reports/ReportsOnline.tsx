import { Alert, Button, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import type { StaffSession } from '../../../shared/sync/staffAuth.ts';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDirectory } from '../../data/hooks.ts';
import type { ReportGroupBy, ReportQuery } from '../../data/reports/client.ts';
import { useReportClient, useReportRead } from '../../data/reports/hooks.ts';
import { ContactDrawer } from '../contact/ContactDrawer.tsx';
import { ReportCharts } from './charts/ReportCharts.tsx';
import { PrintMonthlyReport } from './print/PrintMonthlyReport.tsx';
import { DrillDrawer } from './DrillDrawer.tsx';
import { ExportButtons } from './export/ExportButtons.tsx';
import { figuresTable } from './export/reportTables.ts';
import { withEveryDepartment } from './figureSections.ts';
import { FiguresView, type DrillTarget } from './FiguresView.tsx';
import { FreshnessLine } from './FreshnessLine.tsx';
import { initialChoice, resolvePeriod, seriesStep, type PeriodChoice } from './periodChoice.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { reportFailureWords } from './reportFailure.ts';
import { reportNames } from './reportNames.ts';
import { useOpenRecord } from './useOpenRecord.ts';
import { WarningList } from './WarningList.tsx';

/** The report for the chosen period and grouping, asked of HQ with this person's session. */
export function ReportsOnline({ staff, session }: { staff: Staff; session: StaffSession }) {
  const { t, i18n } = useTranslation();
  const { db, platform } = useDesk();
  const directory = useDirectory(db);
  // One object per directory and language: the charts redraw only when the names change.
  const names = useMemo(() => reportNames(directory, t), [directory, t]);
  const { client, failure: noClient } = useReportClient(platform, session);
  const [choice, setChoice] = useState<PeriodChoice>(() => initialChoice(today()));
  const [groupBy, setGroupBy] = useState<ReportGroupBy>('department');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const resolved = resolvePeriod(choice);
  const query: ReportQuery | null = 'period' in resolved ? { ...resolved.period, groupBy } : null;
  const answer = useReportRead(
    client,
    (c, signal) => c.answer(query!, signal),
    query ? `${query.from}|${query.to}|${query.groupBy}` : null,
  );
  // The charts: the bureau's trend, or the departments side by side when grouped (people are too many to chart).
  const seriesGroupBy = groupBy === 'bureau' ? 'bureau' : 'department';
  const step = query ? seriesStep(query) : 'week';
  const series = useReportRead(
    client,
    (c, signal) => c.series({ ...query!, groupBy: seriesGroupBy, step }, signal),
    query ? `${query.from}|${query.to}|${seriesGroupBy}|${step}` : null,
  );
  const records = useOpenRecord(db);
  const exists = (key: string) => i18n.exists(key);
  const failure = noClient ?? answer.failure;
  // By department, every department of the directory has a column (zeros where nothing was counted).
  const departmentIds = useMemo(() => (directory?.departments ?? []).map((d) => d.id as string), [directory]);
  const data = useMemo(
    () => answer.data && withEveryDepartment(answer.data, departmentIds),
    [answer.data, departmentIds],
  );
  const words = { t, exists, language: i18n.language, names };
  return (
    <Stack gap="md">
      <PeriodPicker
        choice={choice}
        onChoice={(next) => {
          setDrill(null);
          setChoice(next);
        }}
        groupBy={groupBy}
        onGroupBy={(next) => {
          setDrill(null);
          setGroupBy(next);
        }}
      />
      {failure !== null && (
        <Alert color="red" role="alert" data-testid="reports-failure">
          <Group justify="space-between">
            <span>{reportFailureWords(failure, t, exists)}</span>
            <Button size="xs" variant="default" onClick={answer.reload}>
              {t('reports.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      {query && !data && failure === null && <Loader size="sm" aria-label={t('reports.loading')} />}
      {query && data && client && (
        <>
          <Group justify="space-between" align="center">
            <FreshnessLine freshness={data.freshness} />
            <Group gap="xs">
              <PrintMonthlyReport answer={answer.data!} series={series.data} names={names} />
              <Button
                size="xs"
                variant="default"
                loading={answer.loading}
                onClick={() => {
                  answer.reload();
                  series.reload();
                }}
              >
                {t('reports.reload')}
              </Button>
            </Group>
          </Group>
          {/* The figures first, the warning list and the charts one key press away (← → between the tabs). */}
          <Tabs defaultValue="figures" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="figures">{t('reports.tab.figures')}</Tabs.Tab>
              <Tabs.Tab value="warnings">{t('reports.tab.warnings', { count: data.warnings.length })}</Tabs.Tab>
              {series.data && <Tabs.Tab value="charts">{t('reports.tab.charts')}</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="figures" pt="sm">
              <Paper withBorder p="md">
                <Group justify="space-between" mb="sm">
                  <Title order={4}>{t('reports.figuresTitle')}</Title>
                  <ExportButtons
                    testId="export-figures"
                    what={t('reports.export.figures')}
                    period={query}
                    table={() => figuresTable(data, words)}
                  />
                </Group>
                {groupBy === 'staff' && (
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('reports.staffHint')}
                  </Text>
                )}
                <FiguresView answer={data} names={names} onDrill={setDrill} />
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="warnings" pt="sm">
              <Paper withBorder p="md">
                <WarningList warnings={data.warnings} names={names} period={query} onOpenRecord={records.open} />
              </Paper>
            </Tabs.Panel>
            {series.data && (
              <Tabs.Panel value="charts" pt="sm">
                <Paper withBorder p="md">
                  <ReportCharts series={series.data} names={names} />
                </Paper>
              </Tabs.Panel>
            )}
          </Tabs>
          <DrillDrawer
            client={client}
            query={query}
            target={drill}
            names={names}
            onOpenRecord={records.open}
            onClose={() => setDrill(null)}
          />
        </>
      )}
      <ContactDrawer contactId={records.contactId} staff={staff} onClose={records.close} />
    </Stack>
  );
}
