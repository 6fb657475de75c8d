import { Center, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskDb } from '../../data/db.ts';
import { useDirectory, useSettings } from '../../data/hooks.ts';
import { checkRatable, recordPadRating } from '../../data/ratings.ts';
import { openPadChannel, type PadChannel, type RateRequest } from './padChannel.ts';
import { PadHeader } from './PadHeader.tsx';
import { PadRatingForm, type PadAnswer } from './PadRatingForm.tsx';
import { ratingErrorKey } from './ratingErrors.ts';

type View =
  | { kind: 'idle' }
  | { kind: 'rating'; request: RateRequest }
  | { kind: 'thanks'; declined: boolean }
  | { kind: 'failed'; reason: string };

/** How long the thanks (or a failure) stays before the pad waits for the next service. */
export const PAD_THANKS_MS = 4000;

/**
 * 评价器: the screen facing the applicant (#/pad). It waits for the desk to ask for a rating, shows who served them,
 * records their one rating (or 不评价) and goes back to waiting. It never shows a rating already given and offers no
 * way to change one: a service already rated is refused before anything is shown (一次一评).
 */
export function PadScreen({ db }: { db: DeskDb }) {
  const { t, i18n } = useTranslation();
  const settings = useSettings(db);
  const directory = useDirectory(db);
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [saving, setSaving] = useState(false);
  const channel = useRef<PadChannel | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    const opened = openPadChannel();
    channel.current = opened;
    const unsubscribe = opened?.subscribe((message) => {
      if (message.kind === 'rate') {
        const { requestId, contactId } = message;
        // Nothing is shown for a service that cannot be rated here: the applicant never taps in vain.
        void checkRatable(db, contactId, message.ratedStaffId).then(
          () => {
            setView({ kind: 'rating', request: message });
            opened.post({ kind: 'showing', requestId, contactId });
          },
          (error: unknown) => {
            const reason = ratingErrorKey(error);
            if (reason === 'rating.errors.ratingAlreadyGiven')
              opened.post({ kind: 'alreadyRated', requestId, contactId });
            else opened.post({ kind: 'failed', requestId, contactId, reason });
          },
        );
      } else if (message.kind === 'cancel') {
        setView((now) =>
          now.kind === 'rating' && now.request.requestId === message.requestId ? { kind: 'idle' } : now,
        );
      }
    });
    return () => {
      unsubscribe?.();
      opened?.close();
      channel.current = null;
    };
  }, [db]);

  // Thanks, then back to waiting, in Chinese again for the next applicant.
  useEffect(() => {
    if (view.kind !== 'thanks' && view.kind !== 'failed') return;
    const timer = setTimeout(() => {
      setView({ kind: 'idle' });
      if (i18n.language !== 'zh-CN') void i18n.changeLanguage('zh-CN');
    }, PAD_THANKS_MS);
    return () => clearTimeout(timer);
  }, [view, i18n]);

  async function answer(request: RateRequest, given: PadAnswer) {
    // A double tap must not write twice: the state update that disables the buttons comes a frame later.
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    const { requestId, contactId, ratedStaffId } = request;
    try {
      await recordPadRating(db, request.recorderStaffId, { contactId, ratedStaffId, ...given });
      channel.current?.post({ kind: 'rated', requestId, contactId, level: given.level });
      setView({ kind: 'thanks', declined: given.level === null });
    } catch (error) {
      const reason = ratingErrorKey(error);
      channel.current?.post({ kind: 'failed', requestId, contactId, reason });
      setView({ kind: 'failed', reason });
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  const rated = view.kind === 'rating' ? directory?.staffById.get(view.request.ratedStaffId) : undefined;
  return (
    <Stack mih="100vh" p="xl" gap="xl">
      <PadHeader title={settings?.bureauName ?? t('app.name')} />
      <Center style={{ flex: 1 }}>
        {view.kind === 'rating' && rated ? (
          <PadRatingForm
            key={view.request.requestId}
            person={{
              name: rated.name,
              title: rated.title,
              departmentName: directory?.departments.find((d) => d.id === rated.departmentId)?.name,
            }}
            saving={saving}
            onAnswer={(given) => void answer(view.request, given)}
          />
        ) : view.kind === 'thanks' ? (
          <Title order={1} role="status">
            {t(view.declined ? 'rating.pad.thanksDeclined' : 'rating.pad.thanks')}
          </Title>
        ) : view.kind === 'failed' ? (
          <Stack align="center" role="alert">
            <Title order={2}>{t('rating.pad.failed')}</Title>
            <Text size="lg">{t(view.reason)}</Text>
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
