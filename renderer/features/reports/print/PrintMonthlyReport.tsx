import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintSlipResult } from '../../../../shared/ipc/contract.ts';
import type { ReportAnswer, ReportSeries } from '../../../../shared/sync/reportApi.ts';
import { useDesk } from '../../../app/context.tsx';
import { useSettings } from '../../../data/hooks.ts';
import type { ChartNames } from '../charts/chartOptions.ts';
import { reportKind, reportWords } from '../../../print/report/words.ts';

// 打印月报 (issue 15, art. 4): the report as it will print, in a frame at A4's proportions — its own HTML, as the
// slips' preview shows theirs — then printed by the slips' one path (Electron: the printer or its dialog, and the
// PDF archived under userData/reports/; the browser: its print dialog, where "Save as PDF" is). The renderer and
// ECharts load only when a report is first printed.

export interface PrintMonthlyReportProps {
  readonly answer: ReportAnswer;
  /** The period's series for the charts; without it the report prints without charts (and says so). */
  readonly series: ReportSeries | undefined;
  readonly names: ChartNames;
}

interface Rendered {
  /** What it was made from: a preview of an older answer (or language) is not printed. */
  readonly from: readonly unknown[];
  readonly html?: string;
  readonly archiveName?: string;
  readonly error?: string;
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What the paper is called, by its period: 督查月报 / 月报 for a calendar month, 督查报告 / 报告 for any range. */
function useReportName(answer: ReportAnswer) {
  const { i18n } = useTranslation();
  const words = reportWords(i18n.language).report;
  const kind = reportKind(answer.period);
  return { kind, title: words.title[kind], short: words.short[kind] };
}

function useOutcome(short: string) {
  const { t } = useTranslation();
  return (result: PrintSlipResult): string => {
    const path = result.pdfPath ?? '';
    if (result.printed)
      return path ? t('reportPrint.print.printedArchived', { path, short }) : t('reportPrint.print.printed', { short });
    if (result.failure === 'cancelled') return t('reportPrint.print.cancelled');
    const why = result.failureReason || t('reportPrint.print.unknownFailure');
    return path
      ? t('reportPrint.print.failedArchived', { reason: why, path })
      : t('reportPrint.print.failed', { reason: why });
  };
}

function ReportPreview({ answer, series, names, onClose }: PrintMonthlyReportProps & { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { db, platform } = useDesk();
  const settings = useSettings(db);
  const name = useReportName(answer);
  const outcome = useOutcome(name.short);
  const [made, setMade] = useState<Rendered | null>(null);
  const [failed, setFailed] = useState<{ message: string; cancelled: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const bureauName = settings?.bureauName ?? t('app.name');
  const lang = i18n.language;

  const inputs = [answer, series, names, bureauName, lang];
  const current = made && same(made.from, inputs) ? made : null;
  const rendered = current?.html !== undefined && current.archiveName ? current : null;
  const error = current?.error ?? null;

  useEffect(() => {
    let live = true;
    const from = [answer, series, names, bureauName, lang];
    import('../../../print/report/renderMonthlyReport.tsx')
      .then((m) => ({
        from,
        html: m.renderMonthlyReportHtml({ answer, series, names, bureauName, lang }),
        archiveName: m.reportArchiveName(answer),
      }))
      .then(
        (r) => live && setMade(r),
        (e: unknown) =>
          live &&
          setMade({ from, error: t('reportPrint.print.renderFailed', { reason: reason(e), short: name.short }) }),
      );
    return () => {
      live = false;
    };
  }, [answer, series, names, bureauName, lang, t, name.short]);

  async function print() {
    if (!rendered?.html || !rendered.archiveName || busy) return;
    setBusy(true);
    setFailed(null);
    try {
      const result = await platform.printDocument(rendered.html, { format: 'a4', archiveName: rendered.archiveName });
      const message = outcome(result);
      if (result.printed) {
        notifications.show({ color: 'teal', message });
        onClose();
      } else setFailed({ message, cancelled: result.failure === 'cancelled' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="62rem"
      title={t('reportPrint.print.previewTitle', { title: name.title })}
      closeOnClickOutside={!busy}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed">
            {series
              ? t(name.kind === 'day' ? 'reportPrint.report.periodDay' : 'reportPrint.report.period', answer.period)
              : t('reportPrint.print.noSeries', { short: name.short })}
          </Text>
          {/* Above the preview, so it is never scrolled out of reach. */}
          <Group gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('reportPrint.print.close')}
            </Button>
            <Button onClick={() => void print()} loading={busy} disabled={!rendered}>
              {t('reportPrint.print.print')}
            </Button>
          </Group>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        {failed && (
          <Alert color={failed.cancelled ? 'yellow' : 'red'} data-testid="report-print-failed">
            {failed.message}
          </Alert>
        )}
        {rendered ? (
          <iframe
            title={t('reportPrint.print.frame', { short: name.short })}
            srcDoc={rendered.html}
            sandbox=""
            data-testid="report-preview-frame"
            style={{
              width: '100%',
              height: 'max(20rem, calc(100vh - 16rem))',
              border: '1px solid var(--mantine-color-gray-4)',
              borderRadius: 4,
            }}
          />
        ) : (
          !error && (
            <Group gap="xs" role="status">
              <Loader size="sm" />
              <Text size="sm">{t('reportPrint.print.preparing', { short: name.short })}</Text>
            </Group>
          )
        )}
      </Stack>
    </Modal>
  );
}

/** 打印月报 (a calendar month) or 打印报告 (any other period): the button, and the preview it opens. */
export function PrintMonthlyReport(props: PrintMonthlyReportProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { kind } = useReportName(props.answer);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t(kind === 'month' ? 'reportPrint.print.button.month' : 'reportPrint.print.button.other')}
      </Button>
      {open && <ReportPreview {...props} onClose={() => setOpen(false)} />}
    </>
  );
}
