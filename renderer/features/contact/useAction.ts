import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from './fieldErrors.ts';

/**
 * Run a data operation from a form: on success clear errors (and notify), on failure show the
 * translated message next to the field it concerns. A rejected action has changed nothing.
 */
export function useAction(toErrors: typeof fieldErrors = fieldErrors) {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>, success?: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    try {
      await action();
      setErrors({});
      if (success) notifications.show({ color: 'teal', message: success });
      return true;
    } catch (error) {
      setErrors(toErrors(error, t, (k) => i18n.exists(k)));
      return false;
    } finally {
      setBusy(false);
    }
  }
  /** Forget a field's message (and the form's) once the clerk edits it. */
  const clear = (field: string) => setErrors((e) => (e[field] || e.form ? { ...e, [field]: '', form: '' } : e));
  return { errors, busy, run, clear };
}
