import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../shared/model/reference.ts';
import type { CatalogRow } from '../../../data/adminQueries.ts';
import { EditStateBadge } from '../EditStateBadge.tsx';

interface Props {
  rows: CatalogRow[];
  departments: Department[];
  onEdit: (row: CatalogRow) => void;
}

/** The catalog as the admin manages it: each item with its limits, its version and this desk's last edit. */
export function CatalogList({ rows, departments, onEdit }: Props) {
  const { t } = useTranslation();
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  if (rows.length === 0) return <Text c="dimmed">{t('admin.catalog.empty')}</Text>;
  return (
    <Table highlightOnHover verticalSpacing="sm" aria-label={t('admin.catalog.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.catalog.name')}</Table.Th>
          <Table.Th>{t('admin.catalog.category')}</Table.Th>
          <Table.Th>{t('admin.catalog.department')}</Table.Th>
          <Table.Th>{t('admin.catalog.limits')}</Table.Th>
          <Table.Th>{t('admin.catalog.version')}</Table.Th>
          <Table.Th>{t('admin.catalog.state')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.item.id}>
            <Table.Td>
              <Group gap={6}>
                <Text size="sm" fw={500}>
                  {row.item.name}
                </Text>
                {!row.item.active && (
                  <Badge color="gray" variant="light" size="sm">
                    {t('admin.catalog.inactive')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{t(`admin.catalog.categories.${row.item.category}`)}</Table.Td>
            <Table.Td>{departmentName(row.item.departmentId)}</Table.Td>
            <Table.Td>
              {row.item.statutoryLimitDays === undefined
                ? t('admin.catalog.limitsValueNoStatutory', { promised: row.item.promisedLimitDays })
                : t('admin.catalog.limitsValue', {
                    promised: row.item.promisedLimitDays,
                    statutory: row.item.statutoryLimitDays,
                  })}
            </Table.Td>
            <Table.Td data-testid="item-version">
              {row.rev > 0 ? t('admin.catalog.versionValue', { rev: row.rev }) : t('admin.catalog.notYetVersioned')}
            </Table.Td>
            <Table.Td>
              <EditStateBadge edit={row.edit} />
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="light"
                onClick={() => onEdit(row)}
                disabled={row.rev === 0 || row.edit?.kind === 'submitted'}
                title={row.edit?.kind === 'submitted' ? t('admin.item.pending') : undefined}
                aria-label={`${t('admin.catalog.edit')} ${row.item.name}`}
              >
                {t('admin.catalog.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
