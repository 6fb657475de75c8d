import { Paper, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormSubmit } from '../../forms/FormSubmit.tsx';
import { DraftGuard } from './draftGuard.ts';

/** One act's form: a titled box, Ctrl+Enter or the button saves, the refusal above the button. */
export function ActFormShell(props: {
  title: string;
  hint?: string;
  submitLabel: string;
  busy: boolean;
  formError: string | undefined;
  onSave: () => void;
  color?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const guard = useContext(DraftGuard);
  useEffect(() => () => guard?.(false), [guard]);
  return (
    <Paper withBorder p="sm">
      <form
        onInput={() => guard?.(true)}
        aria-label={props.title}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave();
        }}
        onKeyDown={getHotkeyHandler([['mod+Enter', props.onSave]])}
      >
        <Stack gap="sm">
          {props.hint && (
            <Text size="xs" c="dimmed">
              {props.hint}
            </Text>
          )}
          {props.children}
          <FormSubmit
            type="submit"
            formError={props.formError}
            busy={props.busy}
            {...(props.color ? { color: props.color } : {})}
          >
            {props.submitLabel}
          </FormSubmit>
          <Text size="xs" c="dimmed">
            {t('complaint.screen.ctrlEnter')}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
