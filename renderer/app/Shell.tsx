import { AppShell, Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../shared/model/reference.ts';
import { useDeviceLabel } from '../data/hooks.ts';
import { RegisterScreen } from '../features/register/RegisterScreen.tsx';
import { SyncIndicator } from '../features/sync/SyncIndicator.tsx';
import { useSession } from '../stores/session.ts';
import { useDesk } from './context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Shell({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const deskLabel = useDeviceLabel(db);
  const { lock, signOut } = useSession();
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={3}>{t('app.name')}</Title>
            <Text c="dimmed" size="sm">
              {t('app.desk')} {deskLabel}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <SyncIndicator compact />
            <LanguageSwitch />
            <Text fw={500} data-testid="signed-in-staff">
              {t('shell.signedInAs', { name: staff.name, title: staff.title })}
            </Text>
            <Button variant="default" size="sm" onClick={lock}>
              {t('shell.lock')}
            </Button>
            <Button variant="subtle" size="sm" onClick={signOut}>
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <RegisterScreen staff={staff} />
      </AppShell.Main>
    </AppShell>
  );
}
