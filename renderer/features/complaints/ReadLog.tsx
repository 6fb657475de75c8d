import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplaintRead } from '../../../shared/sync/complaintApi.ts';
import { formatDateTime } from '../../app/format.ts';
import { useNames } from './useNames.ts';

/** Who read this complaint when, from which desk (issue 14 point 3: every read is logged; leaders and supervisors see it). */
export function ReadLog({ reads }: { reads: readonly ComplaintRead[] }) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <Table verticalSpacing={2} fz="xs" aria-label={t('complaint.screen.reads')}>
      <Table.Tbody>
        {[...reads].reverse().map((r, i) => (
          <Table.Tr key={`${r.at}-${i}`}>
            <Table.Td>{formatDateTime(r.at)}</Table.Td>
            <Table.Td>{names.staff(r.staffId)}</Table.Td>
            <Table.Td>{t(`complaint.screen.readWhat.${r.what}`)}</Table.Td>
            <Table.Td ff="monospace">{r.deviceId.slice(-6)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
