import { Button, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { useDirectory } from '../../data/hooks.ts';
import { acknowledgeRejection } from '../../data/rejections.ts';
import { useRejections, useSyncHistory } from '../../data/syncHooks.ts';
import { useUnreadablePulled } from '../../data/unreadablePulled.ts';
import { useSession } from '../../stores/session.ts';
import { useSyncActivity } from '../../stores/sync.ts';
import { ContactDrawer } from '../contact/ContactDrawer.tsx';
import { CredentialStorageNote } from './CredentialStorageNote.tsx';
import { RejectedList } from './RejectedList.tsx';
import { SyncHistory } from './SyncHistory.tsx';
import { SyncStatusSummary } from './SyncStatusSummary.tsx';
import { UnreadablePulled } from './UnreadablePulled.tsx';

const HISTORY_SHOWN = 10;

/**
 * The honest account of this desk's sync: its status and schedule, records from HQ it could not read, the events
 * HQ refused (for a person to see, follow up and acknowledge — they stay on record), and the last runs.
 */
export function SyncPanel({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { db, sync } = useDesk();
  const staff = useSession((s) => s.staff);
  const running = useSyncActivity((s) => s.running);
  const directory = useDirectory(db);
  const rejections = useRejections(db) ?? [];
  const history = useSyncHistory(db) ?? [];
  const unreadable = useUnreadablePulled(db);
  // Opening a contact swaps this drawer for the contact's; closing that one comes back here.
  const [contactId, setContactId] = useState<string | undefined>();
  const open = rejections.filter((r) => !r.acknowledged);
  const acknowledged = rejections.filter((r) => r.acknowledged);

  const acknowledge = (eventId: string) => {
    if (!staff) return;
    acknowledgeRejection(db, eventId, staff.id).catch((error: unknown) =>
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  const listProps = {
    staffById: directory?.staffById,
    ...(staff ? { onOpenContact: setContactId, onAcknowledge: acknowledge } : {}),
  };

  return (
    <>
      <Drawer opened={opened && !contactId} onClose={onClose} position="right" size="xl" title={t('sync.panel.title')}>
        <Stack gap="lg">
          <Group justify="flex-end">
            <Button size="xs" variant="light" loading={running} onClick={() => void sync.syncNow('manual')}>
              {t('sync.syncNow')}
            </Button>
          </Group>
          <SyncStatusSummary />
          <CredentialStorageNote />
          {unreadable && <UnreadablePulled record={unreadable} />}
          <Stack gap="xs">
            <Title order={5}>
              {t('sync.rejections.title')} · {t('sync.rejections.needsAttention')}
            </Title>
            {open.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('sync.rejections.noneNeedAttention')}
              </Text>
            ) : (
              <RejectedList label={t('sync.rejections.needsAttention')} entries={open} {...listProps} />
            )}
          </Stack>
          {acknowledged.length > 0 && (
            <Stack gap="xs">
              <Title order={5}>{t('sync.rejections.acknowledgedTitle')}</Title>
              <RejectedList label={t('sync.rejections.acknowledgedTitle')} entries={acknowledged} {...listProps} />
            </Stack>
          )}
          <Stack gap="xs">
            <Title order={5}>{t('sync.history.title')}</Title>
            <SyncHistory runs={history.slice(0, HISTORY_SHOWN)} />
          </Stack>
        </Stack>
      </Drawer>
      {staff && <ContactDrawer contactId={contactId} staff={staff} onClose={() => setContactId(undefined)} />}
    </>
  );
}
