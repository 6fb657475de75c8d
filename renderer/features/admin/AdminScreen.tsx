import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';

/** Administration: the service catalog and the working-day calendar (admins only). */
export function AdminScreen({ staff: _staff }: { staff: Staff }) {
  const { t } = useTranslation();
  return <Title order={4}>{t('admin.title')}</Title>;
}
