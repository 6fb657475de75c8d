import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';

/** The deadline board: open cases by urgency for the desk, the department and the leader. */
export function CasesScreen({ staff: _staff }: { staff: Staff }) {
  const { t } = useTranslation();
  return <Title order={4}>{t('cases.title')}</Title>;
}
