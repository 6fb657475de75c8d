import { ActionIcon, Button, Checkbox, Group, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/model/limits.ts';
import { faqForm, specialStepForm, type FaqForm, type SpecialStepForm } from './itemForm.ts';
import { useRowFocus } from './useRowFocus.ts';

interface ListProps<T> {
  value: T[];
  onChange: (rows: T[]) => void;
  /** The form's messages; a row's are keyed <list>.<row>.<field>, the whole list's by the list's name. */
  errors: Record<string, string | undefined>;
}

/** Rows of one list: update one, add one after another (focused), remove one. */
function rowOps<T extends { key: string }>(
  { value, onChange }: ListProps<T>,
  blank: () => T,
  focus: (key: string) => void,
) {
  return {
    update: (i: number, patch: Partial<T>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r))),
    insertAfter: (i: number) => {
      const row = blank();
      onChange([...value.slice(0, i + 1), row, ...value.slice(i + 1)]);
      focus(row.key);
    },
    remove: (i: number) => onChange(value.filter((_, j) => j !== i)),
  };
}

/** The list's heading; an empty list reads 无 (the guide states there are none). */
function ListHead({ title, hint, empty }: { title: string; hint: string; empty: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      {empty && (
        <Text size="sm" c="dimmed">
          {t('admin.guide.none')}
        </Text>
      )}
    </>
  );
}

/**
 * 特别程序 (expert review, hearing, public notice, 行政许可法 §45): each with its days and whether they count in the
 * item's limit — the guide must say so, since a step that does not count lengthens the wait beyond the promise.
 */
export function SpecialStepsEditor(props: ListProps<SpecialStepForm>) {
  const { t } = useTranslation();
  const { focus, refFor, enterAdds } = useRowFocus();
  const { value, errors } = props;
  const { update, insertAfter, remove } = rowOps(props, specialStepForm, focus);
  return (
    <Stack gap={6} role="group" aria-label={t('admin.guide.specialSteps')}>
      <ListHead
        title={t('admin.guide.specialSteps')}
        hint={t('admin.guide.specialStepsHint')}
        empty={value.length === 0}
      />
      {value.map((step, i) => (
        <Group key={step.key} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={t('admin.guide.specialStepName', { n: i + 1 })}
            placeholder={t('admin.guide.specialStepPlaceholder')}
            maxLength={LIMITS.specialStep}
            value={step.name}
            onChange={(e) => update(i, { name: e.currentTarget.value })}
            onKeyDown={enterAdds(() => insertAfter(i))}
            error={errors[`specialSteps.${i}.name`]}
            ref={refFor(step.key)}
            style={{ flex: 1 }}
            size="sm"
          />
          <NumberInput
            aria-label={t('admin.guide.specialStepDays', { n: i + 1 })}
            placeholder={t('admin.step.limitDays')}
            value={step.limitDays}
            onChange={(v) => update(i, { limitDays: v === '' ? '' : Number(v) })}
            error={errors[`specialSteps.${i}.limitDays`]}
            min={1}
            max={365}
            w={170}
            size="sm"
          />
          <Checkbox
            mt={8}
            label={t('admin.guide.countsInLimit')}
            aria-label={t('admin.guide.countsInLimitOf', { n: i + 1 })}
            checked={step.countsInLimit}
            onChange={(e) => update(i, { countsInLimit: e.currentTarget.checked })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={4}
            aria-label={t('admin.guide.removeSpecialStep', { n: i + 1 })}
            onClick={() => remove(i)}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => insertAfter(value.length - 1)}>
          + {t('admin.guide.addSpecialStep')}
        </Button>
      </Group>
    </Stack>
  );
}

/** 常见问题: a question and its answer per row (Enter in a question moves to a new row below). */
export function FaqEditor(props: ListProps<FaqForm>) {
  const { t } = useTranslation();
  const { focus, refFor, enterAdds } = useRowFocus();
  const { value, errors } = props;
  const { update, insertAfter, remove } = rowOps(props, faqForm, focus);
  return (
    <Stack gap={6} role="group" aria-label={t('admin.guide.faq')}>
      <ListHead title={t('admin.guide.faq')} hint={t('admin.guide.faqHint')} empty={value.length === 0} />
      {value.map((entry, i) => (
        <Group key={entry.key} gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed" w={28} pt={6}>
            {i + 1}.
          </Text>
          <Stack gap={4} style={{ flex: 1 }}>
            <TextInput
              aria-label={t('admin.guide.question', { n: i + 1 })}
              placeholder={t('admin.guide.questionPlaceholder')}
              maxLength={LIMITS.faqQuestion}
              value={entry.question}
              onChange={(e) => update(i, { question: e.currentTarget.value })}
              onKeyDown={enterAdds(() => insertAfter(i))}
              error={errors[`faq.${i}.question`]}
              ref={refFor(entry.key)}
              size="sm"
            />
            <Textarea
              aria-label={t('admin.guide.answer', { n: i + 1 })}
              placeholder={t('admin.guide.answerPlaceholder')}
              maxLength={LIMITS.faqAnswer}
              value={entry.answer}
              onChange={(e) => update(i, { answer: e.currentTarget.value })}
              error={errors[`faq.${i}.answer`]}
              autosize
              minRows={1}
              size="sm"
            />
          </Stack>
          <ActionIcon
            variant="subtle"
            color="red"
            mt={4}
            aria-label={t('admin.guide.removeQuestion', { n: i + 1 })}
            onClick={() => remove(i)}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => insertAfter(value.length - 1)}>
          + {t('admin.guide.addQuestion')}
        </Button>
      </Group>
    </Stack>
  );
}
