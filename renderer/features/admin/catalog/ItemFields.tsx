import {
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SERVICE_CATEGORIES } from '../../../../shared/model/catalog.ts';
import type { Department } from '../../../../shared/model/reference.ts';
import type { ItemForm } from './itemForm.ts';
import { LIMITS } from '../../../../shared/model/limits.ts';
import { StepsEditor } from './StepsEditor.tsx';

interface Props {
  form: ItemForm;
  set: <K extends keyof ItemForm>(key: K, value: ItemForm[K]) => void;
  errors: Record<string, string | undefined>;
  departments: Department[];
  /** The code of an existing item never changes: cases and slips refer to it. */
  isNew: boolean;
}

const days = (v: string | number) => (v === '' ? '' : Number(v));

/** What the item is and what it needs (一次性告知): name, basis, conditions, procedure with step limits. */
export function ItemBasics({ form, set, errors, departments, isNew }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('admin.item.name')}
          maxLength={LIMITS.serviceItemName}
          value={form.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          withAsterisk
        />
        <TextInput
          label={t('admin.item.id')}
          maxLength={LIMITS.slug}
          description={t('admin.item.idHint')}
          value={form.id}
          onChange={(e) => set('id', e.currentTarget.value)}
          error={errors.id}
          disabled={!isNew}
          withAsterisk
        />
        <Select
          label={t('admin.item.category')}
          value={form.category}
          onChange={(v) => v && set('category', v as ItemForm['category'])}
          data={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`admin.catalog.categories.${c}`) }))}
          allowDeselect={false}
        />
        <Select
          label={t('admin.item.department')}
          value={form.departmentId || null}
          onChange={(v) => set('departmentId', v ?? '')}
          data={departments.map((d) => ({ value: d.id, label: d.name }))}
          error={errors.departmentId}
          withAsterisk
        />
      </SimpleGrid>
      <Textarea
        label={t('admin.item.legalBasis')}
        maxLength={LIMITS.legalBasis}
        value={form.legalBasis}
        onChange={(e) => set('legalBasis', e.currentTarget.value)}
        error={errors.legalBasis}
        autosize
        minRows={2}
        withAsterisk
      />
      <Checkbox
        label={t('admin.item.licence')}
        description={t('admin.item.licenceHint')}
        checked={form.administrativeLicence}
        onChange={(e) => set('administrativeLicence', e.currentTarget.checked)}
      />
      <Textarea
        label={t('admin.item.conditions')}
        maxLength={LIMITS.itemLines * (LIMITS.condition + 1)}
        description={t('admin.item.linesHint')}
        value={form.conditions}
        onChange={(e) => set('conditions', e.currentTarget.value)}
        error={errors.conditions}
        autosize
        minRows={3}
        withAsterisk
      />
      <StepsEditor
        value={form.procedure}
        onChange={(steps) => set('procedure', steps)}
        errors={errors}
        promisedLimitDays={form.promisedLimitDays}
      />
    </Stack>
  );
}

/** How long, what it costs, where and whom to ask (公开承诺, chapter 5). */
export function ItemTerms({ form, set, errors }: Omit<Props, 'departments' | 'isNew'>) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group align="flex-start" grow>
        <NumberInput
          label={t('admin.item.statutory')}
          description={t('admin.item.statutoryHint')}
          value={form.statutoryLimitDays}
          onChange={(v) => set('statutoryLimitDays', days(v))}
          error={errors.statutoryLimitDays}
          min={1}
          max={365}
        />
        <NumberInput
          label={t('admin.item.promised')}
          description={t('admin.item.promisedHint')}
          value={form.promisedLimitDays}
          onChange={(v) => set('promisedLimitDays', days(v))}
          error={errors.promisedLimitDays}
          min={1}
          max={365}
          withAsterisk
        />
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('admin.item.fee')}
        </Text>
        <SegmentedControl
          value={form.feeKind}
          onChange={(v) => set('feeKind', v as ItemForm['feeKind'])}
          data={[
            { value: 'free', label: t('admin.item.feeFree') },
            { value: 'charged', label: t('admin.item.feeCharged') },
          ]}
          w="fit-content"
        />
      </Stack>
      {form.feeKind === 'charged' && (
        <Group align="flex-start" grow>
          <TextInput
            label={t('admin.item.feeStandard')}
            maxLength={LIMITS.fee}
            value={form.feeStandard}
            onChange={(e) => set('feeStandard', e.currentTarget.value)}
            error={errors.feeStandard}
            withAsterisk
          />
          <TextInput
            label={t('admin.item.feeBasis')}
            maxLength={LIMITS.fee}
            value={form.feeBasis}
            onChange={(e) => set('feeBasis', e.currentTarget.value)}
            error={errors.feeBasis}
            withAsterisk
          />
        </Group>
      )}
      <TextInput
        label={t('admin.item.submitAt')}
        maxLength={LIMITS.address}
        value={form.submitAt}
        onChange={(e) => set('submitAt', e.currentTarget.value)}
        error={errors.submitAt}
        withAsterisk
      />
      <Group align="flex-start" grow>
        <TextInput
          label={t('admin.item.consultPhone')}
          maxLength={LIMITS.phone}
          value={form.consultPhone}
          onChange={(e) => set('consultPhone', e.currentTarget.value)}
          error={errors.consultPhone}
          withAsterisk
        />
        <TextInput
          label={t('admin.item.complaintPhone')}
          maxLength={LIMITS.phone}
          value={form.complaintPhone}
          onChange={(e) => set('complaintPhone', e.currentTarget.value)}
          error={errors.complaintPhone}
          withAsterisk
        />
      </Group>
      <Switch
        label={t('admin.item.active')}
        checked={form.active}
        onChange={(e) => set('active', e.currentTarget.checked)}
      />
    </Stack>
  );
}
