import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useAdminNav, type AdminTab } from '../../stores/admin.ts';
import { CalendarTab } from './calendar/CalendarTab.tsx';
import { CatalogTab } from './catalog/CatalogTab.tsx';
import { DevicesTab } from './devices/DevicesTab.tsx';
import { SettingsTab } from './settings/SettingsTab.tsx';

/** Administration: the service catalog, the working-day calendar, the bureau settings and the enrolled desks (admins only). */
export function AdminScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { tab, request, show } = useAdminNav();
  return (
    <Stack gap="md">
      <Title order={3}>{t('admin.title')}</Title>
      <Tabs value={tab} onChange={(v) => v && show(v as AdminTab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="catalog">{t('admin.tabs.catalog')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('admin.tabs.calendar')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('admin.tabs.settings')}</Tabs.Tab>
          <Tabs.Tab value="devices">{t('enrol.admin.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="catalog" pt="md">
          <CatalogTab staff={staff} />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <CalendarTab key={request} staff={staff} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <SettingsTab staff={staff} />
        </Tabs.Panel>
        <Tabs.Panel value="devices" pt="md">
          <DevicesTab staff={staff} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
