import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import { useDesk } from '../../../app/context.tsx';
import { useCatalogForAdmin } from '../../../data/adminHooks.ts';
import type { CatalogRow } from '../../../data/adminQueries.ts';
import { useDepartments, useSettings } from '../../../data/hooks.ts';
import { CatalogList } from './CatalogList.tsx';
import { ItemEditor } from './ItemEditor.tsx';

/** The service catalog: the list, and the editor of one item (an existing one, or a new one). */
export function CatalogTab({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const rows = useCatalogForAdmin(db);
  const departments = useDepartments(db) ?? [];
  const settings = useSettings(db);
  const [editing, setEditing] = useState<CatalogRow | 'new' | null>(null);
  if (!rows || !settings) return null;
  if (editing) {
    return (
      <ItemEditor
        staff={staff}
        row={editing === 'new' ? undefined : editing}
        complaintPhone={settings.complaintPhone}
        onDone={() => setEditing(null)}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={760}>
          {t('admin.catalog.hint')}
        </Text>
        <Button onClick={() => setEditing('new')}>+ {t('admin.catalog.newItem')}</Button>
      </Group>
      <CatalogList rows={rows} departments={departments} onEdit={setEditing} />
    </Stack>
  );
}
