import { Alert, Button, Divider, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
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
import { GuideFields } from './GuideFields.tsx';
import { FaqEditor, SpecialStepsEditor } from './GuideListsEditor.tsx';
import { FormsEditor } from './FormsEditor.tsx';
import { LIMITS } from '../../../../shared/model/limits.ts';

interface Props {
  staff: Staff;
  /**
   * The item as it stands, or undefined for a new item. The edit starts from its newest draft when there is one
   * (amending it), else from the version in force; either way its base is the version in force.
   */
  row: Pick<CatalogRow, 'item' | 'rev' | 'draft'> | undefined;
  /** The bureau's complaint hotline, filled in for a new item. */
  complaintPhone: string;
  onDone: () => void;
}

/**
 * Edit every field of a catalog item, or create one, as a DRAFT (公开承诺, art. 20–23: a second admin publishes it).
 * The shared schema judges the whole item on save (a promised limit above the statutory one, a blank material…); a
 * refused save keeps what was typed. The guide's elements may stay blank in a draft; publication needs them.
 */
export function ItemEditor({ staff, row, complaintPhone, onDone }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const departments = useDepartments(db) ?? [];
  const draft = row?.draft && !row.draft.stale ? row.draft.event : undefined;
  const { form, busy, errors, formError, submit } = useDeskForm({
    initialValues: { ...toForm(draft?.payload.item ?? row?.item, complaintPhone), note: draft?.payload.note ?? '' },
    wording: adminFieldErrors,
    decision: true,
  });
  const values = form.getValues();
  const set = <K extends keyof ItemForm>(key: K, value: ItemForm[K]) => form.setFieldValue(key, value as never);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await submit(
      (v) =>
        saveServiceItem(db, author, {
          item: fromForm(v),
          baseRev: row && row.rev > 0 ? row.rev : null,
          ...(draft ? { revises: draft.eventId } : {}),
          note: v.note,
        }),
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
          {row && row.rev > 0
            ? t('admin.item.editTitle', { name: row.item.name, rev: row.rev })
            : t('admin.item.newTitle')}
        </Title>
        {draft && (
          <Text size="sm" c="dimmed">
            {t('admin.item.amendsDraft')}
          </Text>
        )}
        <ItemBasics form={values} set={set} errors={errors} departments={departments} isNew={!row} />
        <Divider />
        <MaterialsEditor value={values.materials} onChange={(m) => set('materials', m)} errors={errors} />
        <Divider />
        <SpecialStepsEditor value={values.specialSteps} onChange={(v) => set('specialSteps', v)} errors={errors} />
        <Divider />
        <ItemTerms form={values} set={set} errors={errors} />
        <Divider />
        <GuideFields form={values} set={set} errors={errors} />
        <FormsEditor
          value={values.forms}
          onChange={(v) => set('forms', v)}
          materials={values.materials}
          errors={errors}
          staffId={staff.id}
        />
        <FaqEditor value={values.faq} onChange={(v) => set('faq', v)} errors={errors} />
        <Divider />
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
