import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { CloseButton } from './ItemReview.tsx';
import { useTranslation } from 'react-i18next';
import { guideLink, guidePath } from '../../../../shared/rules/guide/link.ts';
import { useDesk } from '../../../app/context.tsx';
import { useCatalogVersions } from '../../../data/adminHooks.ts';
import { useAllStaff } from '../../../data/hooks.ts';
import { publicationDay } from './itemText.ts';

interface Props {
  itemId: string;
  name: string;
  /** settings.publicRatingBase: HQ's public address; absent, no public link is shown. */
  publicBase?: string;
  onClose: () => void;
}

/**
 * 公开承诺 (art. 20–23, issue 16 item 2): every published version of an item stays readable, each with its date,
 * who drafted and who approved it; with a public address, the item's public page and each version's page.
 */
export function ItemVersions({ itemId, name, publicBase, onClose }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const versions = useCatalogVersions(db, itemId);
  const people = useAllStaff(db) ?? [];
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const root = publicBase?.replace(/\/+$/, '');
  const title = t('admin.versions.title', { name });
  return (
    <Paper withBorder p="md" aria-label={title}>
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        {root && (
          <Text size="sm">
            {t('admin.versions.publicPage')}{' '}
            <Anchor href={guideLink(root, itemId)} target="_blank" rel="noopener">
              {guideLink(root, itemId)}
            </Anchor>
          </Text>
        )}
        {versions && versions.length === 0 && <Text c="dimmed">{t('admin.versions.none')}</Text>}
        {versions && versions.length > 0 && (
          <Table verticalSpacing="xs" aria-label={t('admin.versions.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.catalog.version')}</Table.Th>
                <Table.Th>{t('admin.versions.publishedOn')}</Table.Th>
                <Table.Th>{t('admin.versions.draftedBy')}</Table.Th>
                <Table.Th>{t('admin.versions.approvedBy')}</Table.Th>
                {root && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v, i) => (
                <Table.Tr key={v.rev} data-testid={`item-version-${v.rev}`}>
                  <Table.Td>
                    {t('admin.catalog.versionValue', { rev: v.rev })}
                    {i === 0 ? `（${t('admin.versions.current')}）` : ''}
                  </Table.Td>
                  <Table.Td>{v.publishedAt ? publicationDay(v.publishedAt, t) : '—'}</Table.Td>
                  <Table.Td>{v.item.publication ? nameOf(v.item.publication.draftedBy) : '—'}</Table.Td>
                  <Table.Td>{v.item.publication ? nameOf(v.item.publication.approvedBy) : '—'}</Table.Td>
                  {root && (
                    <Table.Td>
                      <Anchor href={`${root}${guidePath(itemId, v.rev)}`} target="_blank" rel="noopener" size="sm">
                        {t('admin.versions.open')}
                      </Anchor>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">
          {t('admin.versions.hint')}
        </Text>
        <CloseButton onClose={onClose} />
      </Stack>
    </Paper>
  );
}
