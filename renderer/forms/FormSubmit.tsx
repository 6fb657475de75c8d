import { Alert, Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The foot of every desk form: the message for the form as a whole (a refusal with no field to stand under) above
 * the button that saves, which shows a save in progress.
 */
export function FormSubmit({
  formError,
  busy,
  onClick,
  type,
  children,
  ...button
}: ButtonProps & {
  formError: string | undefined;
  busy: boolean;
  onClick?: () => void;
  type?: 'submit' | 'button';
  children: ReactNode;
}) {
  return (
    <>
      {formError && <Alert color="red">{formError}</Alert>}
      <Button {...button} type={type} loading={busy} onClick={onClick}>
        {children}
      </Button>
    </>
  );
}
