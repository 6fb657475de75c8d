import { Badge, Button, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { useSyncOverview } from '../../data/hooks.ts';
import { useSyncActivity } from '../../stores/sync.ts';
import { formatTime } from '../../app/format.ts';
import { failureReason, pullPercent } from './describe.ts';
import { SyncPanel } from './SyncPanel.tsx';

/**
 * Honest sync state: reachable or not, what still waits to upload, when it last worked, why it failed, and how
 * many refused records wait for a person. Pressing it syncs now; the details button opens the sync panel.
 */
export function SyncIndicator({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { db, sync } = useDesk();
  const overview = useSyncOverview(db);
  const { running, online, progress } = useSyncActivity();
  const [panelOpen, setPanelOpen] = useState(false);
  if (!overview) return null;
  const reachable = online && overview.lastFailure?.kind !== 'offline';
  const failure = overview.lastFailure;
  const reason = failure ? failureReason(t, failure) : null;
  const percent = running ? pullPercent(progress) : null;
  const state =
    percent !== null
      ? t('sync.syncingPercent', { percent })
      : running
        ? t('sync.syncing')
        : reachable
          ? t('sync.online')
          : t('sync.offline');
  const received =
    percent !== null && progress?.headSeq
      ? t('sync.received', { received: progress.received, total: progress.headSeq - progress.fromCursor })
      : null;
  const last = overview.lastSuccessAt
    ? t('sync.lastSync', { time: formatTime(overview.lastSuccessAt) })
    : t('sync.never');
  const pending = overview.pending > 0 ? t('sync.pending', { count: overview.pending }) : t('sync.allSent');
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip
        label={[received, last, reason && t('sync.failed', { reason }), t('sync.syncNow')].filter(Boolean).join(' · ')}
      >
        <UnstyledButton
          onClick={() => void sync.syncNow('manual')}
          aria-label={t('sync.syncNow')}
          data-testid="sync-indicator"
        >
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
          </Group>
        </UnstyledButton>
      </Tooltip>
      <Button
        size="compact-sm"
        variant={overview.rejected > 0 ? 'filled' : 'subtle'}
        color={overview.rejected > 0 ? 'red' : 'gray'}
        onClick={() => setPanelOpen(true)}
        data-testid="sync-details"
      >
        {overview.rejected > 0 ? t('sync.rejected', { count: overview.rejected }) : t('sync.details')}
      </Button>
      {/* Mounted only while open: its live queries (refusals, history, directory) cost nothing otherwise. */}
      {panelOpen && <SyncPanel opened onClose={() => setPanelOpen(false)} />}
    </Group>
  );
}
