import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import { formatDateTime } from '../../../app/format.ts';
import type { SettingsVersion } from '../../../data/adminQueries.ts';

interface Props {
  history: readonly SettingsVersion[];
  staffById: ReadonlyMap<string, Staff>;
}

/** The versions admins saved that this desk holds, newest first: who, when, what changed and why. */
export function SettingsHistory({ history, staffById }: Props) {
  const { t } = useTranslation();
  const nameOf = (id: string) => staffById.get(id)?.name ?? id;
  return (
    <>
      <Title order={5}>{t('admin.settings.history')}</Title>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.settings.historyEmpty')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label={t('admin.settings.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.settings.historyVersion')}</Table.Th>
              <Table.Th>{t('admin.settings.historyBy')}</Table.Th>
              <Table.Th>{t('admin.settings.historyAt')}</Table.Th>
              <Table.Th>{t('admin.settings.historyChanged')}</Table.Th>
              <Table.Th>{t('admin.settings.historyNote')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.slice(0, 10).map((v) => (
              <Table.Tr key={v.rev}>
                <Table.Td>{t('admin.settings.version', { rev: v.rev })}</Table.Td>
                <Table.Td>{nameOf(v.staffId)}</Table.Td>
                <Table.Td>{formatDateTime(v.savedAt)}</Table.Td>
                <Table.Td>
                  {v.changed
                    ? v.changed.map((k) => t(`admin.settings.${k}`, { defaultValue: k })).join('、')
                    : t('admin.settings.changedUnknown')}
                </Table.Td>
                <Table.Td>{v.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
