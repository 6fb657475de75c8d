import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';

/** art. 4: the bureau's supervisors (机关党委/人事科) and leaders read the supervision reports; HQ checks it again. */
export function seesReports(staff: Staff): boolean {
  return staff.roles.includes('supervisor') || staff.roles.includes('leader');
}

/** The supervision reports (issue 15): being built. */
export function ReportsScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  return <Text data-staff={staff.id}>{t('shell.reports')}</Text>;
}
