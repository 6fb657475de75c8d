import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../shared/model/reference.ts';
import { useSettings } from '../data/hooks.ts';
import { useSession } from '../stores/session.ts';
import { useDesk } from './context.tsx';
import { SecretInput } from './SecretInput.tsx';
import { useSignInAttempt } from './useSignInAttempt.ts';

/**
 * Covers the desk after idle time (or when the staff session expired); the signed-in person unlocks by signing in
 * again the same way — online when the server is reachable (a new session), else offline — anyone else switches.
 */
export function LockScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const minutes = useSettings(db)?.idleLockMinutes ?? 5;
  const { unlock, signOut } = useSession();
  const [secret, setSecret] = useState('');
  const { attempt, error, checking } = useSignInAttempt();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await attempt(staff, secret);
    setSecret('');
    if (outcome?.kind === 'online') unlock(outcome.session);
    else if (outcome?.kind === 'offline') unlock(null);
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
          <SecretInput value={secret} onChange={setSecret} error={error} autoFocus />
          <Group grow>
            <Button type="submit" loading={checking}>
              {t('signIn.unlock')}
            </Button>
            <Button variant="default" onClick={signOut}>
              {t('signIn.switchUser')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
