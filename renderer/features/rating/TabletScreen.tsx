import { Alert, Button, Center, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PadPaired, PadTabletRequest } from '../../../shared/sync/padRelay.ts';
import { PadRelayError } from '../../data/padRelayCall.ts';
import type { PadRelayTablet, TabletStore } from '../../data/padRelayTablet.ts';
import { PadHeader } from './PadHeader.tsx';
import { PadRatingForm, type PadAnswer } from './PadRatingForm.tsx';
import { PAD_THANKS_MS } from './PadScreen.tsx';
import { TabletPairForm } from './TabletPairForm.tsx';

type Shown = NonNullable<PadTabletRequest['request']>;
type View =
  | { kind: 'idle' }
  | { kind: 'rating'; request: Shown }
  | { kind: 'thanks'; declined: boolean }
  | { kind: 'closed' }
  | { kind: 'revoked'; expired: boolean };

/** Between two tries while HQ cannot be reached. */
export const TABLET_RETRY_MS = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const endsPairing = (e: unknown) =>
  e instanceof PadRelayError && (e.code === 'pad-unpaired' || e.code === 'pad-token-expired');

/**
 * 评价平板 (#/tablet, served by HQ): the pad's screen on a tablet paired with one desk. It waits for that desk's
 * rating request (long polls through HQ), shows who served the applicant with the five levels, and sends the answer
 * back; the desk records it. No sign-in, no desk data: the tablet holds only its pad token.
 */
export function TabletScreen({ client, store }: { client: PadRelayTablet; store: TabletStore }) {
  const { t, i18n } = useTranslation();
  const [paired, setPaired] = useState<PadPaired | null>(() => store.read());
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [reachable, setReachable] = useState(true);
  const [deskLabel, setDeskLabel] = useState<string | null>(paired?.deskLabel ?? null);
  const [saving, setSaving] = useState(false);
  const [answerFailed, setAnswerFailed] = useState(false);
  const answering = useRef(false);

  function revoked(error: unknown) {
    setView({ kind: 'revoked', expired: error instanceof PadRelayError && error.code === 'pad-token-expired' });
  }

  // Long polls for this desk's request for as long as the tablet is paired.
  useEffect(() => {
    if (!paired) return;
    const abort = new AbortController();
    void (async () => {
      let after = '';
      while (!abort.signal.aborted) {
        try {
          const answer = await client.poll(paired.token, after, abort.signal);
          setReachable(true);
          setDeskLabel(answer.deskLabel);
          const request = answer.request;
          after = request?.requestId ?? '';
          if (request) {
            setView((now) =>
              now.kind === 'rating' && now.request.requestId === request.requestId ? now : { kind: 'rating', request },
            );
            setAnswerFailed(false);
          } else if (!answering.current) {
            // Cancelled or superseded at the desk: back to waiting (a thanks on screen stays).
            setView((now) => (now.kind === 'rating' ? { kind: 'idle' } : now));
          }
        } catch (error) {
          if (abort.signal.aborted) return;
          if (endsPairing(error)) return revoked(error);
          setReachable(false);
          await sleep(TABLET_RETRY_MS);
        }
      }
    })();
    return () => abort.abort();
  }, [client, paired]);

  // Thanks (or "ended"), then back to waiting, in Chinese again for the next applicant.
  useEffect(() => {
    if (view.kind !== 'thanks' && view.kind !== 'closed') return;
    const timer = setTimeout(() => {
      setView((now) => (now === view ? { kind: 'idle' } : now));
      if (i18n.language !== 'zh-CN') void i18n.changeLanguage('zh-CN');
    }, PAD_THANKS_MS);
    return () => clearTimeout(timer);
  }, [view, i18n]);

  async function answer(request: Shown, given: PadAnswer) {
    if (!paired || answering.current) return; // a double tap sends once
    answering.current = true;
    setSaving(true);
    try {
      await client.answer(paired.token, request.requestId, { ...given, reasons: [...given.reasons] });
      setAnswerFailed(false);
      setView({ kind: 'thanks', declined: given.level === null });
    } catch (error) {
      if (endsPairing(error)) revoked(error);
      else if (error instanceof PadRelayError && error.code === 'pad-request-closed') setView({ kind: 'closed' });
      else setAnswerFailed(true); // the form stays, with what the applicant chose
    } finally {
      answering.current = false;
      setSaving(false);
    }
  }

  function pairAgain() {
    store.forget();
    setPaired(null);
    setView({ kind: 'idle' });
  }

  if (!paired) {
    return (
      <Center mih="100vh" p="xl">
        <TabletPairForm
          client={client}
          onPaired={(next) => {
            store.save(next);
            setDeskLabel(next.deskLabel);
            setPaired(next);
          }}
        />
      </Center>
    );
  }
  return (
    <Stack mih="100vh" p="xl" gap="xl">
      <PadHeader title={deskLabel ? t('tablet.window', { desk: deskLabel }) : t('tablet.title')} />
      {!reachable && view.kind !== 'revoked' && (
        <Alert color="yellow" role="alert">
          {t('tablet.unreachable')}
        </Alert>
      )}
      {answerFailed && view.kind === 'rating' && (
        <Alert color="red" role="alert">
          {t('tablet.answerFailed')}
        </Alert>
      )}
      <Center style={{ flex: 1 }}>
        {view.kind === 'rating' ? (
          <PadRatingForm
            key={view.request.requestId}
            person={{
              name: view.request.staffName,
              title: view.request.staffTitle,
              departmentName: view.request.departmentName || undefined,
            }}
            saving={saving}
            onAnswer={(given) => void answer(view.request, given)}
          />
        ) : view.kind === 'thanks' ? (
          <Title order={1} role="status">
            {t(view.declined ? 'rating.pad.thanksDeclined' : 'rating.pad.thanks')}
          </Title>
        ) : view.kind === 'closed' ? (
          <Title order={2} role="status">
            {t('tablet.closed')}
          </Title>
        ) : view.kind === 'revoked' ? (
          <Stack align="center" role="alert">
            <Title order={2}>{t(view.expired ? 'tablet.revoked.expired' : 'tablet.revoked.title')}</Title>
            <Text size="lg">{t('tablet.revoked.hint')}</Text>
            <Button size="lg" onClick={pairAgain}>
              {t('tablet.revoked.again')}
            </Button>
          </Stack>
        ) : (
          <Stack align="center">
            <Title order={1}>{t('rating.pad.idleTitle')}</Title>
            <Text size="xl" c="dimmed">
              {t('rating.pad.idleHint')}
            </Text>
          </Stack>
        )}
      </Center>
    </Stack>
  );
}
