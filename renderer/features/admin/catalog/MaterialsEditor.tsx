import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { newMaterial, type MaterialForm } from './itemForm.ts';
import { MaterialRow } from './MaterialRow.tsx';

interface Props {
  value: MaterialForm[];
  onChange: (materials: MaterialForm[]) => void;
  /** The form's messages; a material's are keyed materials.<row>.<field>. */
  errors: Record<string, string | undefined>;
}

/** The materials list of an item (一次性告知: all of them, at once): add, remove and reorder rows. */
export function MaterialsEditor({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<MaterialForm>) =>
    onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    const [moved] = next.splice(i, 1);
    if (moved) next.splice(i + by, 0, moved);
    onChange(next);
  };
  const rowErrors = (i: number) =>
    Object.fromEntries(
      Object.entries(errors).flatMap(([key, message]) =>
        key.startsWith(`materials.${i}.`) ? [[key.slice(`materials.${i}.`.length), message]] : [],
      ),
    );
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={500}>{t('admin.material.title')}</Text>
        <Button variant="light" size="xs" onClick={() => onChange([...value, newMaterial(value)])}>
          + {t('admin.material.add')}
        </Button>
      </Group>
      {value.map((m, i) => (
        <MaterialRow
          key={m.id}
          index={i}
          value={m}
          onChange={(patch) => update(i, patch)}
          onMove={(by) => move(i, by)}
          onRemove={() => onChange(value.filter((_, j) => j !== i))}
          first={i === 0}
          last={i === value.length - 1}
          errors={rowErrors(i)}
        />
      ))}
      {errors.materials && (
        <Text size="sm" c="red">
          {errors.materials}
        </Text>
      )}
    </Stack>
  );
}
