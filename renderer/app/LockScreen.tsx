import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../shared/model/reference.ts';
import { useSettings } from '../data/hooks.ts';
import { verifyPin } from '../data/pin.ts';
import { useSession } from '../stores/session.ts';
import { useDesk } from './context.tsx';

/** Covers the desk after idle time; the signed-in person unlocks with the PIN, anyone else switches user. */
export function LockScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const minutes = useSettings(db)?.idleLockMinutes ?? 5;
  const { unlock, signOut } = useSession();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await verifyPin(pin, staff.pinHash);
    setPin('');
    if (!ok) return setError(t('signIn.badPin'));
    unlock();
  }

  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      fullScreen
      title={t('signIn.locked')}
    >
      <form onSubmit={submit}>
        <Stack maw={420} mx="auto" mt="xl">
          <Text>{t('signIn.lockedHint', { name: staff.name, minutes })}</Text>
          <PasswordInput
            label={t('signIn.pin')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
            inputMode="numeric"
            autoFocus
            error={error}
          />
          <Group grow>
            <Button type="submit">{t('signIn.unlock')}</Button>
            <Button variant="default" onClick={signOut}>
              {t('signIn.switchUser')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
