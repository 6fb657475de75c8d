import { ActionIcon, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaterialForm } from './itemForm.ts';
import { LIMITS } from '../../../../shared/model/limits.ts';

interface Props {
  index: number;
  value: MaterialForm;
  onChange: (patch: Partial<MaterialForm>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
  /** Messages by field of this material (name, format, condition…). */
  errors: Record<string, string | undefined>;
}

/** One material of an item: what it is, how many originals and copies, in what form, and when it is needed. */
export function MaterialRow({ index, value, onChange, onMove, onRemove, first, last, errors }: Props) {
  const { t } = useTranslation();
  const count = (v: string | number) => (v === '' ? '' : Number(v));
  return (
    <Paper withBorder p="xs" role="group" aria-label={t('admin.material.number', { n: index + 1 })}>
      <Stack gap={6}>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed" w={28} pt={6}>
            {index + 1}.
          </Text>
          <TextInput
            label={t('admin.material.name')}
            maxLength={LIMITS.materialName}
            value={value.name}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={errors.name}
            style={{ flex: 3 }}
            size="sm"
          />
          <NumberInput
            label={t('admin.material.originals')}
            value={value.originals}
            onChange={(v) => onChange({ originals: count(v) })}
            error={errors.originals}
            min={0}
            max={20}
            w={96}
            size="sm"
          />
          <NumberInput
            label={t('admin.material.copies')}
            value={value.copies}
            onChange={(v) => onChange({ copies: count(v) })}
            error={errors.copies}
            min={0}
            max={20}
            w={96}
            size="sm"
          />
          <Select
            label={t('admin.material.requirement')}
            value={value.requirement}
            onChange={(v) => v && onChange({ requirement: v as MaterialForm['requirement'] })}
            data={[
              { value: 'required', label: t('admin.material.required') },
              { value: 'conditional', label: t('admin.material.conditional') },
            ]}
            allowDeselect={false}
            w={130}
            size="sm"
          />
          <Group gap={2} pt={24} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={t('admin.material.up')}
              disabled={first}
              onClick={() => onMove(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('admin.material.down')}
              disabled={last}
              onClick={() => onMove(1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t('admin.material.remove')} onClick={onRemove}>
              ×
            </ActionIcon>
          </Group>
        </Group>
        <Group gap="xs" align="flex-start" pl={36} wrap="nowrap">
          <TextInput
            label={t('admin.material.format')}
            maxLength={LIMITS.materialFormat}
            value={value.format}
            onChange={(e) => onChange({ format: e.currentTarget.value })}
            error={errors.format}
            style={{ flex: 2 }}
            size="sm"
          />
          {value.requirement === 'conditional' && (
            <TextInput
              label={t('admin.material.condition')}
              maxLength={LIMITS.condition}
              value={value.condition}
              onChange={(e) => onChange({ condition: e.currentTarget.value })}
              error={errors.condition}
              style={{ flex: 2 }}
              size="sm"
            />
          )}
        </Group>
        <Group gap="xs" align="flex-start" pl={36} wrap="nowrap">
          <TextInput
            label={t('admin.material.notes')}
            maxLength={LIMITS.note}
            value={value.notes}
            onChange={(e) => onChange({ notes: e.currentTarget.value })}
            error={errors.notes}
            style={{ flex: 2 }}
            size="sm"
          />
          <TextInput
            label={t('admin.material.sampleRef')}
            maxLength={LIMITS.sampleRef}
            value={value.sampleRef}
            onChange={(e) => onChange({ sampleRef: e.currentTarget.value })}
            error={errors.sampleRef}
            style={{ flex: 1 }}
            size="sm"
          />
        </Group>
      </Stack>
    </Paper>
  );
}
