import { Alert, Button, Divider, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import { useDesk } from '../../../app/context.tsx';
import { useAuthor } from '../../../stores/session.ts';
import { saveServiceItem } from '../../../data/adminOperations.ts';
import type { CatalogRow } from '../../../data/adminQueries.ts';
import { useDepartments } from '../../../data/hooks.ts';
import { ProvenOnly } from '../../../app/ProvenOnly.tsx';
import { useDeskForm } from '../../../forms/useDeskForm.ts';
import { adminFieldErrors } from '../adminErrors.ts';
import { fromForm, toForm, type ItemForm } from './itemForm.ts';
import { ItemBasics, ItemTerms } from './ItemFields.tsx';
import { MaterialsEditor } from './MaterialsEditor.tsx';
import { LIMITS } from '../../../../shared/model/limits.ts';

interface Props {
  staff: Staff;
  /** The item as it stands (its version is the base of the edit), or undefined for a new item. */
  row: Pick<CatalogRow, 'item' | 'rev'> | undefined;
  /** The bureau's complaint hotline, filled in for a new item. */
  complaintPhone: string;
  onDone: () => void;
}

/**
 * Edit every field of a catalog item, or create one. The shared schema judges the whole item on save (a
 * promised limit above the statutory one, a blank material…); a refused save keeps what was typed.
 */
export function ItemEditor({ staff, row, complaintPhone, onDone }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const departments = useDepartments(db) ?? [];
  const { form, busy, errors, formError, submit } = useDeskForm({
    initialValues: { ...toForm(row?.item, complaintPhone), note: '' },
    wording: adminFieldErrors,
    decision: true,
  });
  const values = form.getValues();
  const set = <K extends keyof ItemForm>(key: K, value: ItemForm[K]) => form.setFieldValue(key, value as never);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await submit(
      (v) => saveServiceItem(db, author, { item: fromForm(v), baseRev: row ? row.rev : null, note: v.note }),
      { success: t('admin.item.saved', { name: values.name }), keep: true },
    );
    if (saved) onDone();
  }

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={save}
      aria-label={row ? row.item.name : t('admin.item.newTitle')}
    >
      <Stack gap="md">
        <Title order={4}>
          {row ? t('admin.item.editTitle', { name: row.item.name, rev: row.rev }) : t('admin.item.newTitle')}
        </Title>
        <ItemBasics form={values} set={set} errors={errors} departments={departments} isNew={!row} />
        <Divider />
        <MaterialsEditor value={values.materials} onChange={(m) => set('materials', m)} errors={errors} />
        <Divider />
        <ItemTerms form={values} set={set} errors={errors} />
        <TextInput label={t('admin.item.note')} maxLength={LIMITS.note} {...form.getInputProps('note')} />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <ProvenOnly staff={staff}>
          <Group>
            <Button type="submit" loading={busy}>
              {t('admin.item.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('admin.item.cancel')}
            </Button>
          </Group>
        </ProvenOnly>
      </Stack>
    </Paper>
  );
}
