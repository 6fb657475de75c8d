import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/model/limits.ts';
import { stepForm, type StepForm } from './itemForm.ts';
import { useRowFocus } from './useRowFocus.ts';

interface Props {
  value: StepForm[];
  onChange: (steps: StepForm[]) => void;
  /** The form's messages; a step's are keyed procedure.<row>.<field>, the whole list's `procedure`. */
  errors: Record<string, string | undefined>;
  promisedLimitDays: number | string;
}

/**
 * art. 16 环节时限: the procedure as one row per step, each with an optional limit in working days. Keyboard first:
 * Enter in a step's name adds the next step below and moves there (instead of submitting the form).
 */
export function StepsEditor({ value, onChange, errors, promisedLimitDays }: Props) {
  const { t } = useTranslation();
  const { focus, refFor, enterAdds } = useRowFocus();

  const update = (i: number, patch: Partial<StepForm>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const insertAfter = (i: number) => {
    const step = stepForm();
    onChange([...value.slice(0, i + 1), step, ...value.slice(i + 1)]);
    focus(step.key);
  };
  const total = value.reduce((sum, s) => sum + (typeof s.limitDays === 'number' ? s.limitDays : 0), 0);
  return (
    <Stack gap={6} role="group" aria-label={t('admin.item.procedure')}>
      <Text size="sm" fw={500}>
        {t('admin.item.procedure')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('admin.item.procedureHint')}
      </Text>
      {value.map((step, i) => (
        <Group key={step.key} gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed" w={28} pt={6}>
            {i + 1}.
          </Text>
          <TextInput
            aria-label={`${t('admin.step.number', { n: i + 1 })} ${t('admin.step.name')}`}
            placeholder={t('admin.step.name')}
            maxLength={LIMITS.procedureStep}
            value={step.name}
            onChange={(e) => update(i, { name: e.currentTarget.value })}
            onKeyDown={enterAdds(() => insertAfter(i))}
            error={errors[`procedure.${i}.name`]}
            ref={refFor(step.key)}
            style={{ flex: 1 }}
            size="sm"
          />
          <NumberInput
            aria-label={`${t('admin.step.number', { n: i + 1 })} ${t('admin.step.limitDays')}`}
            placeholder={t('admin.step.limitDays')}
            value={step.limitDays}
            onChange={(v) => update(i, { limitDays: v === '' ? '' : Number(v) })}
            error={errors[`procedure.${i}.limitDays`]}
            min={1}
            max={365}
            w={170}
            size="sm"
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={4}
            aria-label={t('admin.step.remove', { n: i + 1 })}
            disabled={value.length === 1}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button variant="light" size="xs" onClick={() => insertAfter(value.length - 1)}>
          + {t('admin.step.add')}
        </Button>
        {total > 0 && (
          <Text size="xs" c="dimmed">
            {t('admin.step.total', { days: total, promised: promisedLimitDays })}
          </Text>
        )}
      </Group>
      {errors.procedure && (
        <Text size="sm" c="red" role="alert">
          {errors.procedure}
        </Text>
      )}
    </Stack>
  );
}
