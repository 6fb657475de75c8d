import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintSlipResult, Printer } from '../../../shared/ipc/contract.ts';
import type { PaperFormat, SlipContent } from '../../../shared/model/slip.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { today } from '../../data/calendar.ts';
import type { SlipRow } from '../../data/db.ts';
import { useSlipSettings } from '../../data/slipHooks.ts';
import { issueSlip, previewSlip, reprintSlip } from '../../data/slips.ts';
import { printableContent } from '../../data/slipTokens.ts';
import { saveSlipSettings } from '../../data/slipSettings.ts';
import type { SlipRequest } from '../../data/slipSources.ts';
import { renderSlipHtml } from '../../print/renderSlip.tsx';
import { paperJob, sendToPrinter, type PaperJob } from './printFlow.ts';
import { useSlipError } from './useSlipError.ts';

/** A new slip to issue, or an issued one to reprint. */
export type SlipPreviewMode =
  { type: 'issue'; request: SlipRequest; title: string } | { type: 'reprint'; row: SlipRow };

const FRAME_WIDTH: Record<PaperFormat, string> = { a4: '62rem', receipt80: '30rem' };

function usePrinters(): Printer[] {
  const { platform } = useDesk();
  const [printers, setPrinters] = useState<Printer[]>([]);
  useEffect(() => {
    let live = true;
    platform.listPrinters().then(
      (list) => live && setPrinters(list),
      () => live && setPrinters([]),
    );
    return () => {
      live = false;
    };
  }, [platform]);
  return printers;
}

/**
 * What the clerk is told after the printer answered: printed (or reprinted: 补打), cancelled, or failed (the slip is
 * recorded).
 */
function useOutcomeMessage() {
  const { t } = useTranslation();
  return (result: PrintSlipResult, serial: string, reprint: boolean): string => {
    const path = result.pdfPath ?? '';
    if (result.printed) {
      const key = reprint ? 'slips.reprinted' : 'slips.printed';
      return path ? t(`${key}Archived`, { serial, path }) : t(key, { serial });
    }
    if (result.failure === 'cancelled') return t('slips.printCancelled', { serial });
    const reason = result.failureReason || t('slips.unknownFailure');
    return path ? t('slips.printFailedArchived', { reason, serial, path }) : t('slips.printFailed', { reason, serial });
  };
}

/**
 * The slip at the paper's real proportions (its own print HTML in a frame), the paper and printer for this print,
 * and Print. The slip is recorded first and then printed; if the printer fails the record stays and the clerk can
 * print the same paper again.
 */
export function SlipPreview({ mode, staff, onClose }: { mode: SlipPreviewMode; staff: Staff; onClose: () => void }) {
  const { t } = useTranslation();
  const { db, platform } = useDesk();
  const author = useAuthor(staff);
  const settings = useSlipSettings(db);
  const printers = usePrinters();
  const describe = useSlipError();
  const outcomeMessage = useOutcomeMessage();
  const [format, setFormat] = useState<PaperFormat | null>(null);
  const [printerName, setPrinterName] = useState<string | null | undefined>(undefined);
  const [remember, setRemember] = useState(false);
  const [content, setContent] = useState<SlipContent | null>(mode.type === 'reprint' ? mode.row.content : null);
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ job: PaperJob; message: string; cancelled: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const paper = format ?? settings?.format ?? 'a4';
  const printer = printerName === undefined ? (settings?.printerName ?? null) : printerName;
  const reprintNo = mode.type === 'reprint' ? mode.row.reprints + 1 : 0;
  const title = mode.type === 'reprint' ? mode.row.title : mode.title;

  useEffect(() => {
    let live = true;
    // Issue 13: a reprint's preview shows the QR as this desk prints it, with its own rating token.
    const composed =
      mode.type === 'issue'
        ? previewSlip(db, staff, mode.request)
        : printableContent(db, mode.row.slipId, mode.row.content);
    composed.then(
      (composed) => live && setContent(composed),
      (e: unknown) => live && setError(describe(e)),
    );
    return () => {
      live = false;
    };
  }, [db, staff, mode, describe]);

  async function printJob(job: PaperJob) {
    const result = await sendToPrinter(platform, job);
    const message = outcomeMessage(result, job.event.payload.serial, job.event.payload.reprint > 0);
    if (result.printed) {
      notifications.show({ color: 'teal', message });
      onClose();
    } else setFailed({ job, message, cancelled: result.failure === 'cancelled' });
  }

  async function print() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      if (remember) await saveSlipSettings(db, { format: paper, printerName: printer });
      const event =
        mode.type === 'issue'
          ? await issueSlip(db, staff, mode.request, paper, author.session)
          : await reprintSlip(db, author, mode.row.slipId, paper);
      setContent(event.payload.content);
      await printJob(await paperJob(event, printer ?? undefined));
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  }

  async function retry() {
    if (!failed || busy) return;
    setBusy(true);
    try {
      await printJob(failed.job);
    } finally {
      setBusy(false);
    }
  }

  const html = content
    ? renderSlipHtml(content, { format: paper, reprint: reprintNo ? { n: reprintNo, on: today() } : undefined })
    : '';
  const recorded = failed !== null;
  return (
    <Modal
      opened
      onClose={onClose}
      size={FRAME_WIDTH[paper]}
      title={t('slips.previewTitle', { title })}
      closeOnClickOutside={!busy}
    >
      <Stack gap="sm">
        <Group align="flex-end" gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="slip-format-label">
              {t('slips.format')}
            </Text>
            <SegmentedControl
              aria-labelledby="slip-format-label"
              value={paper}
              onChange={(v) => setFormat(v as PaperFormat)}
              disabled={recorded}
              data={[
                { value: 'a4', label: t('slips.formats.a4') },
                { value: 'receipt80', label: t('slips.formats.receipt80') },
              ]}
            />
          </Stack>
          {printers.length > 0 ? (
            <Select
              label={t('slips.printer')}
              placeholder={t('slips.systemDialog')}
              data={printers.map((p) => ({ value: p.name, label: p.displayName || p.name }))}
              value={printer}
              onChange={setPrinterName}
              clearable
              disabled={recorded}
              w={260}
            />
          ) : (
            <Text size="xs" c="dimmed" maw={260}>
              {t('slips.noPrinter')}
            </Text>
          )}
          <Checkbox
            label={t('slips.rememberDefaults')}
            checked={remember}
            onChange={(e) => setRemember(e.currentTarget.checked)}
            disabled={recorded}
          />
          {/* Above the preview, so it is never scrolled out of reach. */}
          <Button ml="auto" onClick={() => void print()} loading={busy} disabled={!content || recorded}>
            {mode.type === 'reprint' ? t('slips.reprint') : t('slips.print')}
          </Button>
        </Group>
        {mode.type === 'issue' ? (
          <Text size="xs" c="dimmed">
            {t('slips.serialOnPrint')}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('slips.reprintHint', { n: reprintNo })}
          </Text>
        )}
        {error && <Alert color="red">{error}</Alert>}
        {failed && (
          <Alert color={failed.cancelled ? 'yellow' : 'red'} data-testid="slip-print-failed">
            <Stack gap="xs">
              <Text size="sm">{failed.message}</Text>
              <Group>
                <Button size="xs" onClick={() => void retry()} loading={busy}>
                  {t('slips.retry')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <iframe
          title={t('slips.previewFrame')}
          srcDoc={html}
          sandbox=""
          style={{
            width: '100%',
            height: 'max(20rem, calc(100vh - 20rem))',
            border: '1px solid var(--mantine-color-gray-4)',
            borderRadius: 4,
          }}
        />
      </Stack>
    </Modal>
  );
}
