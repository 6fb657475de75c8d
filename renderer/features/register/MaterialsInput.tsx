import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/model/limits.ts';

export interface MaterialDraft {
  name: string;
  count: number;
}

/** Materials the visitor hands over and how many of each: one row per material, Enter-friendly. */
export function MaterialsInput({
  value,
  onChange,
  error,
}: {
  value: MaterialDraft[];
  onChange: (v: MaterialDraft[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<MaterialDraft>) =>
    onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('register.materials')}
        </Text>
        <Button variant="subtle" size="xs" onClick={() => onChange([...value, { name: '', count: 1 }])}>
          + {t('register.addMaterial')}
        </Button>
      </Group>
      {value.map((m, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput
            aria-label={t('register.materialName')}
            maxLength={LIMITS.materialName}
            placeholder={t('register.materialName')}
            value={m.name}
            onChange={(e) => update(i, { name: e.currentTarget.value })}
            style={{ flex: 1 }}
            size="sm"
            autoFocus={i === value.length - 1 && m.name === ''}
          />
          <NumberInput
            aria-label={t('register.materialCount')}
            value={m.count}
            onChange={(v) => update(i, { count: typeof v === 'number' ? v : 1 })}
            min={1}
            max={999}
            w={90}
            size="sm"
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('register.removeMaterial')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
