import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminFieldErrors } from './adminErrors.ts';

/**
 * Run an admin operation from a form: on success clear the messages and say what happens next; on failure
 * show each translated message next to its field. A refused action has changed nothing.
 */
export function useAdminAction() {
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
      setErrors(adminFieldErrors(error, t, (k) => i18n.exists(k)));
      return false;
    } finally {
      setBusy(false);
    }
  }
  const clear = (field: string) => setErrors((e) => (e[field] || e.form ? { ...e, [field]: '', form: '' } : e));
  return { errors, busy, run, clear };
}
