import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One step's form, keyboard first: Ctrl+Enter saves from any field, Enter in a one-line field submits, the refusal
 * that concerns the whole form is shown above the button. The fields come from the step (useDeskForm).
 */
export function StepForm(props: {
  label: string;
  submitLabel: string;
  busy: boolean;
  formError: string | undefined;
  onSave: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
      onKeyDown={getHotkeyHandler([['mod+Enter', props.onSave]])}
    >
      <Stack gap="xs">
        {props.children}
        {props.formError && (
          <Alert color="red" role="alert">
            {props.formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={props.busy}>
            {props.submitLabel}
          </Button>
          <Text size="xs" c="dimmed">
            {t('satisfaction.form.shortcut')}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
