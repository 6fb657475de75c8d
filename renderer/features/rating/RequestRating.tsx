import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactId, StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { isBadLevel, isGoodLevel } from '../../../shared/model/satisfaction.ts';
import type { ContactState } from '../../../shared/rules/contact.ts';
import { useDesk } from '../../app/context.tsx';
import { newId } from '../../data/ids.ts';
import { useDirectory } from '../../data/hooks.ts';
import { pairedTabletsRemembered } from '../../data/padRelayDesk.ts';
import { useServiceRating } from '../../data/ratingHooks.ts';
import { servedContact } from '../../data/ratings.ts';
import { openPadChannel, type PadChannel } from './padChannel.ts';
import { TabletPairing, useDeskRelay } from './TabletPairing.tsx';
import { TabletRequestStatus } from './TabletRequestStatus.tsx';
import { askTablet, cancelTabletRequest, clearTabletRequest, useTabletRequest } from './tabletRequests.ts';

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
 * With a paired tablet (评价平板, through HQ) the request goes there; else to the local pad window as before.
 */
export function RequestRating({ contact, staff }: { contact: ContactState; staff: Staff }) {
  const { t } = useTranslation();
  const { db, platform } = useDesk();
  const rating = useServiceRating(db, contact.contactId);
  const directory = useDirectory(db);
  const relayFor = useDeskRelay();
  const tablet = useTabletRequest(contact.contactId);
  const [pending, setPending] = useState<Pending>({ kind: 'none' });
  const [pairing, setPairing] = useState(false);
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

  function askLocalPad() {
    clearTabletRequest(contact.contactId);
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

  async function ask() {
    setPending({ kind: 'none' });
    // A desk that never paired a tablet (or heard from HQ that it has none left) uses its local pad at once.
    if ((await pairedTabletsRemembered(db)) > 0) {
      const to = await askTablet({
        db,
        relay: await relayFor(),
        recorder: staff.id as StaffId,
        contactId: contact.contactId as ContactId,
        ratedStaffId: staff.id as StaffId,
        person: {
          name: staff.name,
          title: staff.title,
          departmentName: directory?.departments.find((d) => d.id === staff.departmentId)?.name,
        },
      });
      if (to === 'tablet') return;
    }
    askLocalPad();
  }

  function cancel() {
    if ('requestId' in pending) channel.current?.post({ kind: 'cancel', requestId: pending.requestId });
    setPending({ kind: 'none' });
    if (tablet) void relayFor().then((relay) => cancelTabletRequest(relay, contact.contactId));
  }

  const waiting =
    pending.kind === 'asking' || pending.kind === 'showing' || tablet?.kind === 'sending' || tablet?.kind === 'waiting';
  return (
    <Paper withBorder p="sm" aria-label={t('rating.desk.title')} role="region">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('rating.desk.title')}</Text>
          <Button size="compact-xs" variant="subtle" onClick={() => setPairing(true)}>
            {t('rating.tablet.pair')}
          </Button>
        </Group>
        {pairing && <TabletPairing opened onClose={() => setPairing(false)} />}
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
        ) : waiting ? (
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
            <Button onClick={() => void ask()}>{t('rating.desk.request')}</Button>
            {pending.kind === 'noPad' && (
              <Button variant="default" onClick={() => void platform.openRatingPad()}>
                {t('rating.desk.openPad')}
              </Button>
            )}
          </Group>
        )}
        {!rating && tablet && <TabletRequestStatus view={tablet} onLocalPad={askLocalPad} />}
        {!rating && pending.kind === 'noPad' && <Alert color="yellow">{t('rating.desk.noPad')}</Alert>}
        {!rating && pending.kind === 'alreadyRated' && <Alert color="yellow">{t('rating.desk.alreadyRated')}</Alert>}
        {!rating && pending.kind === 'failed' && (
          <Alert color="red">{t('rating.desk.failed', { reason: t(pending.reason) })}</Alert>
        )}
      </Stack>
    </Paper>
  );
}
