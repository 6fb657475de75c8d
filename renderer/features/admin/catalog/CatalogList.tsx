import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Department, Staff } from '../../../../shared/model/reference.ts';
import type { CatalogRow } from '../../../data/adminQueries.ts';
import { EditStateBadge } from '../EditStateBadge.tsx';
import { publicationDay } from './itemText.ts';

interface Props {
  rows: CatalogRow[];
  departments: Department[];
  people: Staff[];
  /** The admin at the desk: their own draft waits for another admin. */
  staffId: string;
  onEdit: (row: CatalogRow) => void;
  onReview: (row: CatalogRow) => void;
  onVersions: (row: CatalogRow) => void;
}

/**
 * The catalog as the admins manage it (公开承诺, art. 20–23): each item with its limits, the version in force and
 * its date, a draft waiting for a second admin and who drafted it, and this desk's last edit (submitted, refused).
 */
export function CatalogList({ rows, departments, people, staffId, onEdit, onReview, onVersions }: Props) {
  const { t } = useTranslation();
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  const personName = (id: string) => people.find((p) => p.id === id)?.name ?? id;
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
        {rows.map((row) => {
          const draft = row.draft?.event;
          const pending = row.edit?.kind === 'submitted';
          return (
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
                {row.rev > 0
                  ? t('admin.catalog.publishedValue', {
                      rev: row.rev,
                      day: row.publishedAt ? publicationDay(row.publishedAt, t) : '',
                    })
                  : t('admin.catalog.notYetPublished')}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {draft && (
                    <Text size="sm" fw={500} c={row.draft?.stale ? 'orange.8' : 'violet.8'} data-testid="item-draft">
                      {row.draft?.stale
                        ? t('admin.catalog.draftStale')
                        : t('admin.catalog.draftPending', { name: personName(draft.staffId) })}
                    </Text>
                  )}
                  {draft && !row.draft?.stale && draft.staffId === staffId && (
                    <Text size="xs" c="dimmed">
                      {t('admin.catalog.needsSecondAdmin')}
                    </Text>
                  )}
                  <EditStateBadge edit={row.edit} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" justify="flex-end">
                  {draft && !row.draft?.stale && (
                    <Button
                      size="xs"
                      color="teal"
                      variant="light"
                      onClick={() => onReview(row)}
                      aria-label={`${t('admin.catalog.review')} ${row.item.name}`}
                    >
                      {t('admin.catalog.review')}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onEdit(row)}
                    disabled={pending}
                    title={pending ? t('admin.item.pending') : undefined}
                    aria-label={`${t('admin.catalog.edit')} ${row.item.name}`}
                  >
                    {t('admin.catalog.edit')}
                  </Button>
                  {row.rev > 0 && (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => onVersions(row)}
                      aria-label={`${t('admin.catalog.versions')} ${row.item.name}`}
                    >
                      {t('admin.catalog.versions')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
