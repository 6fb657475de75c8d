import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactId, StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { isBadLevel, isGoodLevel } from '../../../shared/model/satisfaction.ts';
import type { ContactState } from '../../../shared/rules/contact.ts';
import { useDesk } from '../../app/context.tsx';
import { newId } from '../../data/ids.ts';
import { useServiceRating } from '../../data/ratingHooks.ts';
import { servedContact } from '../../data/ratings.ts';
import { openPadChannel, type PadChannel } from './padChannel.ts';

/** How long the desk waits for the pad to say it shows the request before telling the clerk it is not there. */
export const PAD_ANSWER_MS = 2000;

type Pending =
  | { kind: 'none' }
  | { kind: 'asking'; requestId: string }
  | { kind: 'showing'; requestId: string }
  | { kind: 'noPad' }
  | { kind: 'alreadyRated' }
  | { kind: 'failed'; reason: string };

/**
 * 请服务对象评价: the clerk at the window asks the pad (评价器) facing the applicant to rate this service, and sees the
 * rating's state live. The person rated is the clerk signed in here, and only when they served this contact: the
 * pad shows the person the applicant has just dealt with at this window (the responsible person may be a handler
 * in another department the applicant never met). The desk never records or changes a rating itself.
 */
export function RequestRating({ contact, staff }: { contact: ContactState; staff: Staff }) {
  const { t } = useTranslation();
  const { db, platform } = useDesk();
  const rating = useServiceRating(db, contact.contactId);
  const [pending, setPending] = useState<Pending>({ kind: 'none' });
  const channel = useRef<PadChannel | null>(null);

  useEffect(() => {
    const opened = openPadChannel();
    channel.current = opened;
    const unsubscribe = opened?.subscribe((m) => {
      if (m.kind === 'rate' || m.kind === 'cancel' || m.contactId !== contact.contactId) return;
      setPending((now) => {
        if (!('requestId' in now) || now.requestId !== m.requestId) return now;
        if (m.kind === 'showing') return { kind: 'showing', requestId: m.requestId };
        if (m.kind === 'alreadyRated') return { kind: 'alreadyRated' };
        if (m.kind === 'failed') return { kind: 'failed', reason: m.reason };
        return { kind: 'none' }; // rated: the live query shows the rating itself
      });
    });
    return () => {
      unsubscribe?.();
      opened?.close();
      channel.current = null;
    };
  }, [contact.contactId]);

  // No answer from a pad: it is not open (or another origin's); say so rather than wait for ever.
  useEffect(() => {
    if (pending.kind !== 'asking') return;
    const timer = setTimeout(
      () => setPending((now) => (now.kind === 'asking' ? { kind: 'noPad' } : now)),
      PAD_ANSWER_MS,
    );
    return () => clearTimeout(timer);
  }, [pending]);

  if (rating === undefined) return null;
  if (rating === null && !servedContact(contact, staff.id)) return null;

  function ask() {
    const requestId = newId();
    setPending({ kind: 'asking', requestId });
    channel.current?.post({
      kind: 'rate',
      requestId,
      contactId: contact.contactId as ContactId,
      ratedStaffId: staff.id as StaffId,
      recorderStaffId: staff.id as StaffId,
    });
    if (!channel.current) setPending({ kind: 'noPad' });
  }

  function cancel() {
    if ('requestId' in pending) channel.current?.post({ kind: 'cancel', requestId: pending.requestId });
    setPending({ kind: 'none' });
  }

  return (
    <Paper withBorder p="sm" aria-label={t('rating.desk.title')} role="region">
      <Stack gap="xs">
        <Text fw={600}>{t('rating.desk.title')}</Text>
        {rating ? (
          <Group gap="xs">
            <Badge
              size="lg"
              color={isGoodLevel(rating.level) ? 'green' : isBadLevel(rating.level) ? 'red' : 'gray'}
              data-testid="rating-state"
            >
              {rating.level === null
                ? t('rating.desk.declined')
                : t('rating.desk.rated', { level: t(`followUp.level.${rating.level}`) })}
            </Badge>
            {rating.reasons.map((r) => (
              <Badge key={r} variant="light" color="red">
                {t(`followUp.reason.${r}`)}
              </Badge>
            ))}
            {rating.duplicates > 0 && (
              <Text size="sm" c="dimmed">
                {t('rating.desk.duplicates', { count: rating.duplicates })}
              </Text>
            )}
          </Group>
        ) : pending.kind === 'asking' || pending.kind === 'showing' ? (
          <Group>
            <Badge size="lg" color="blue" data-testid="rating-state">
              {t('rating.desk.waiting')}
            </Badge>
            <Button size="xs" variant="default" onClick={cancel}>
              {t('rating.desk.cancel')}
            </Button>
          </Group>
        ) : (
          <Group>
            <Button onClick={ask}>{t('rating.desk.request')}</Button>
            {pending.kind === 'noPad' && (
              <Button variant="default" onClick={() => void platform.openRatingPad()}>
                {t('rating.desk.openPad')}
              </Button>
            )}
          </Group>
        )}
        {!rating && pending.kind === 'noPad' && <Alert color="yellow">{t('rating.desk.noPad')}</Alert>}
        {!rating && pending.kind === 'alreadyRated' && <Alert color="yellow">{t('rating.desk.alreadyRated')}</Alert>}
        {!rating && pending.kind === 'failed' && (
          <Alert color="red">{t('rating.desk.failed', { reason: t(pending.reason) })}</Alert>
        )}
      </Stack>
    </Paper>
  );
}
