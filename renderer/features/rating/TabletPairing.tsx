import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPadPairingCode, type PadPairingCodeIssued, type PairedTablet } from '../../../shared/sync/padRelay.ts';
import { useDesk } from '../../app/context.tsx';
import { PadRelayError } from '../../data/padRelayCall.ts';
import { padRelayDesk, rememberPairedTablets, type PadRelayDesk } from '../../data/padRelayDesk.ts';

/** The relay client of this desk: HQ's address and the desk's own credentials, from the platform. */
export function useDeskRelay(): () => Promise<PadRelayDesk> {
  const { platform } = useDesk();
  return useCallback(
    async () => padRelayDesk(await platform.serverUrl(), () => platform.loadDeviceCredentials()),
    [platform],
  );
}

/** The i18n key of a relay refusal shown at the desk. */
export function relayErrorKey(error: unknown): string {
  const code = error instanceof PadRelayError ? error.code : 'other';
  return `rating.relayErrors.${['offline', 'not-enrolled', 'pad-unpaired', 'pad-no-tablet', 'pad-request-closed', 'unauthenticated'].includes(code) ? code : 'other'}`;
}

function timeOf(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * 配对评价平板: a one-time code for a tablet to enter at #/tablet (shown large, with when it expires), the tablets
 * paired with this desk, and unpairing. These are HQ's records, not events: they need the network. Mounted while
 * open, so each opening starts without a code.
 */
export function TabletPairing({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { db, platform } = useDesk();
  const relayFor = useDeskRelay();
  const [code, setCode] = useState<PadPairingCodeIssued | null>(null);
  const [tablets, setTablets] = useState<PairedTablet[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState('');
  const [now, setNow] = useState(() => Date.now());

  const run = useCallback(
    async (work: (relay: PadRelayDesk) => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await work(await relayFor());
      } catch (e) {
        setError(relayErrorKey(e));
      } finally {
        setBusy(false);
      }
    },
    [relayFor],
  );
  const listed = useCallback(
    async (list: PairedTablet[]) => {
      setTablets(list);
      await rememberPairedTablets(db, list.length);
    },
    [db],
  );

  useEffect(() => {
    void (async () => {
      try {
        setUrl(`${(await platform.serverUrl()).replace(/\/+$/, '')}/#/tablet`);
        await listed(await (await relayFor()).tablets());
      } catch (e) {
        setError(relayErrorKey(e));
      }
    })();
  }, [platform, relayFor, listed]);

  // The code's expiry is shown as it passes; the list is refreshed now and then, to show a tablet that just paired.
  useEffect(() => {
    if (!opened || !code) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      void relayFor()
        .then((relay) => relay.tablets())
        .then(listed, () => undefined); // a missed refresh is retried at the next tick
    }, 3000);
    return () => clearInterval(timer);
  }, [opened, code, relayFor, listed]);

  const expired = code !== null && Date.parse(code.expiresAt) <= now;
  return (
    <Modal opened={opened} onClose={onClose} title={t('rating.tablet.pair')} size="lg">
      <Stack>
        {error && <Alert color="red">{t(error)}</Alert>}
        <Text size="sm">{t('rating.tablet.pairHint', { url })}</Text>
        {code && !expired && (
          <Stack gap={4} align="center">
            <Text c="dimmed">{t('rating.tablet.code')}</Text>
            <Title order={1} style={{ fontSize: 64, letterSpacing: 12 }} data-testid="pad-pairing-code">
              {formatPadPairingCode(code.code)}
            </Title>
            <Text>{t('rating.tablet.expires', { time: timeOf(code.expiresAt, i18n.language) })}</Text>
          </Stack>
        )}
        {expired && <Alert color="yellow">{t('rating.tablet.expired')}</Alert>}
        <Group>
          <Button loading={busy} onClick={() => void run(async (relay) => setCode(await relay.pairingCode()))}>
            {t('rating.tablet.newCode')}
          </Button>
        </Group>
        <Text fw={600}>{t('rating.tablet.paired')}</Text>
        {tablets?.length === 0 && <Text c="dimmed">{t('rating.tablet.none')}</Text>}
        {tablets && tablets.length > 0 && (
          <Table>
            <Table.Tbody>
              {tablets.map((tablet) => (
                <Table.Tr key={tablet.tabletId}>
                  <Table.Td>{tablet.label}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t('rating.tablet.seen', {
                        paired: timeOf(tablet.pairedAt, i18n.language),
                        seen: timeOf(tablet.lastSeenAt, i18n.language),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      disabled={busy}
                      onClick={() => void run(async (relay) => listed(await relay.unpair(tablet.tabletId)))}
                    >
                      {t('rating.tablet.unpair')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('rating.tablet.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
