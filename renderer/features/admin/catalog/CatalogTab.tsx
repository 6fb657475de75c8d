import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import { useDesk } from '../../../app/context.tsx';
import { useCatalogForAdmin } from '../../../data/adminHooks.ts';
import { useAllStaff, useDepartments, useSettings } from '../../../data/hooks.ts';
import { CatalogList } from './CatalogList.tsx';
import { ItemEditor } from './ItemEditor.tsx';
import { ItemReview } from './ItemReview.tsx';
import { ItemVersions } from './ItemVersions.tsx';

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'edit' | 'review' | 'versions'; itemId: string };

/**
 * The service catalog: the list, the editor of one item (an existing one, or a new one) which saves a draft, the
 * review in which a second admin publishes a draft, and the published versions of an item.
 */
export function CatalogTab({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const rows = useCatalogForAdmin(db);
  const departments = useDepartments(db) ?? [];
  const people = useAllStaff(db) ?? [];
  const settings = useSettings(db);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  if (!rows || !settings) return null;
  const back = () => setMode({ kind: 'list' });
  // Rows follow every sync: the review shows the draft as it stands now (or says it was published meanwhile).
  const row = mode.kind === 'list' || mode.kind === 'new' ? undefined : rows.find((r) => r.item.id === mode.itemId);
  if (mode.kind === 'new' || (mode.kind === 'edit' && row)) {
    return <ItemEditor staff={staff} row={row} complaintPhone={settings.complaintPhone} onDone={back} />;
  }
  if (mode.kind === 'review' && row) return <ItemReview staff={staff} row={row} onClose={back} />;
  if (mode.kind === 'versions' && row) {
    return (
      <ItemVersions itemId={row.item.id} name={row.item.name} publicBase={settings.publicRatingBase} onClose={back} />
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={760}>
          {t('admin.catalog.hint')}
        </Text>
        <Button onClick={() => setMode({ kind: 'new' })}>+ {t('admin.catalog.newItem')}</Button>
      </Group>
      <CatalogList
        rows={rows}
        departments={departments}
        people={people}
        staffId={staff.id}
        onEdit={(r) => setMode({ kind: 'edit', itemId: r.item.id })}
        onReview={(r) => setMode({ kind: 'review', itemId: r.item.id })}
        onVersions={(r) => setMode({ kind: 'versions', itemId: r.item.id })}
      />
    </Stack>
  );
}
