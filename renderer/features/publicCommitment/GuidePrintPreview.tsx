import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintSlipResult } from '../../../shared/ipc/contract.ts';
import type { GuideBureau, GuideVersion } from '../../../shared/rules/guide/compose.ts';
import { useDesk } from '../../app/context.tsx';
import type { PreparedGuidePaper } from '../../print/guide/prepare.ts';
import { guideLang } from '../../print/guide/words.ts';

// 打印明白纸 / 打印公示海报 (art. 23): the paper as it will print, laid out to fit its page, in a frame — its own HTML,
// as the slips' and the report's previews show theirs — then printed by the slips' one path (Electron: the printer
// or its dialog, the PDF archived under userData/guides/; the browser: its print dialog). The layout code loads
// when a paper is first printed.

export type GuidePaperRequest =
  | { readonly kind: 'leaflet'; readonly version: GuideVersion }
  | { readonly kind: 'poster'; readonly sheet: 'A4' | 'A3'; readonly versions: readonly GuideVersion[] };

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

function useOutcome(what: string) {
  const { t } = useTranslation();
  return (result: PrintSlipResult): string => {
    const path = result.pdfPath ?? '';
    if (result.printed)
      return path
        ? t('publicCommitment.print.printedArchived', { what, path })
        : t('publicCommitment.print.printed', { what });
    if (result.failure === 'cancelled') return t('publicCommitment.print.cancelled');
    const why = result.failureReason || t('publicCommitment.print.unknownFailure');
    return path
      ? t('publicCommitment.print.failedArchived', { reason: why, path })
      : t('publicCommitment.print.failed', { reason: why });
  };
}

export function GuidePrintPreview({
  request,
  bureau,
  onClose,
}: {
  request: GuidePaperRequest;
  bureau: GuideBureau;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { platform } = useDesk();
  const lang = guideLang(i18n.language);
  const [prepared, setPrepared] = useState<PreparedGuidePaper | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ message: string; cancelled: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const what = t(request.kind === 'leaflet' ? 'publicCommitment.print.leaflet' : 'publicCommitment.print.poster');
  const outcome = useOutcome(what);

  useEffect(() => {
    // One preview per request (the screen mounts a new one each time); the bureau's settings may still change.
    let live = true;
    import('../../print/guide/prepare.ts')
      .then((m) =>
        request.kind === 'leaflet'
          ? m.prepareLeaflet(request.version, bureau, lang)
          : m.preparePoster(request.versions, bureau, lang, request.sheet),
      )
      .then(
        (p) => live && setPrepared(p),
        (e: unknown) => live && setError(t('publicCommitment.print.renderFailed', { reason: reason(e) })),
      );
    return () => {
      live = false;
    };
  }, [request, bureau, lang, t]);

  async function print() {
    if (!prepared || busy) return;
    setBusy(true);
    setFailed(null);
    try {
      const result = await platform.printDocument(prepared.html, {
        format: 'a4',
        archiveName: prepared.archiveName,
        guideSheet: prepared.sheet,
      });
      const message = outcome(result);
      if (result.printed) {
        notifications.show({ color: 'teal', message });
        onClose();
      } else setFailed({ message, cancelled: result.failure === 'cancelled' });
    } finally {
      setBusy(false);
    }
  }

  const title =
    request.kind === 'leaflet'
      ? t('publicCommitment.print.leafletTitle', { item: request.version.item.name })
      : t('publicCommitment.print.posterTitle', { sheet: request.sheet });
  const notes = prepared
    ? [
        ...(prepared.level && prepared.level !== 'full' ? [t('publicCommitment.print.essentials')] : []),
        ...(prepared.scale < 1
          ? [t('publicCommitment.print.fitted', { percent: Math.round(prepared.scale * 100) })]
          : []),
        ...(!prepared.onePage ? [t('publicCommitment.print.posterPages')] : []),
      ]
    : [];

  return (
    <Modal opened onClose={onClose} size="62rem" title={title} closeOnClickOutside={!busy}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" data-testid="guide-print-notes">
            {notes.join(' ')}
          </Text>
          {/* Above the preview, so it is never scrolled out of reach. */}
          <Group gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('publicCommitment.print.close')}
            </Button>
            <Button onClick={() => void print()} loading={busy} disabled={!prepared} data-autofocus>
              {t('publicCommitment.print.print')}
            </Button>
          </Group>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        {failed && (
          <Alert color={failed.cancelled ? 'yellow' : 'red'} data-testid="guide-print-failed">
            {failed.message}
          </Alert>
        )}
        {prepared ? (
          <iframe
            title={t('publicCommitment.print.frame')}
            srcDoc={prepared.html}
            sandbox=""
            data-testid="guide-preview-frame"
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
              <Text size="sm">{t('publicCommitment.print.preparing')}</Text>
            </Group>
          )
        )}
      </Stack>
    </Modal>
  );
}
