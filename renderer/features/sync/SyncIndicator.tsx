import { Badge, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { useSyncOverview } from '../../data/hooks.ts';
import { useSyncActivity } from '../../stores/sync.ts';
import { formatTime } from '../../app/format.ts';

/** Honest sync state: reachable or not, what still waits to upload, when it last worked, why it failed. */
export function SyncIndicator({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { db, sync } = useDesk();
  const overview = useSyncOverview(db);
  const { running, online } = useSyncActivity();
  if (!overview) return null;
  const reachable = online && overview.lastFailure?.kind !== 'offline';
  const failure = overview.lastFailure;
  const reason = failure
    ? t(`sync.failure.${failure.kind}`, { status: failure.kind === 'server-error' ? failure.status : '' })
    : null;
  const state = running ? t('sync.syncing') : reachable ? t('sync.online') : t('sync.offline');
  const last = overview.lastSuccessAt
    ? t('sync.lastSync', { time: formatTime(overview.lastSuccessAt) })
    : t('sync.never');
  const pending = overview.pending > 0 ? t('sync.pending', { count: overview.pending }) : t('sync.allSent');
  return (
    <Tooltip label={[last, reason && t('sync.failed', { reason }), t('sync.syncNow')].filter(Boolean).join(' · ')}>
      <UnstyledButton onClick={() => void sync.syncNow()} aria-label={t('sync.syncNow')} data-testid="sync-indicator">
        <Group gap={6} wrap="nowrap">
          <Badge
            color={running ? 'blue' : reachable && !failure ? 'teal' : failure && reachable ? 'orange' : 'gray'}
            variant="light"
          >
            {state}
          </Badge>
          <Text size="sm" c={overview.pending > 0 ? 'orange.8' : 'dimmed'} data-testid="sync-pending">
            {pending}
          </Text>
          {!compact && (
            <Text size="sm" c="dimmed">
              {last}
            </Text>
          )}
          {overview.rejected > 0 && (
            <Badge color="red" variant="filled">
              {t('sync.rejected', { count: overview.rejected })}
            </Badge>
          )}
        </Group>
      </UnstyledButton>
    </Tooltip>
  );
}
