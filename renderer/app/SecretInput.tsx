import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECRET_MAX_LENGTH } from '../../shared/sync/staffAuth.ts';

/**
 * The person's secret: a PIN of digits for everyday staff, a password for leaders, supervisors and admins — so
 * any character is taken (up to the policy's maximum), and nothing is remembered by the browser.
 */
export function SecretInput(props: {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  autoFocus?: boolean;
  withHint?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('signIn.pin')}
      description={props.withHint ? t('signIn.pinHint') : undefined}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value.slice(0, SECRET_MAX_LENGTH))}
      maxLength={SECRET_MAX_LENGTH}
      autoComplete="off"
      autoFocus={props.autoFocus}
      error={props.error}
    />
  );
}
