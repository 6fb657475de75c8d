import { Alert, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretStorage } from '../../../shared/ipc/contract.ts';
import { useDesk } from '../../app/context.tsx';

/**
 * Where this desk's credentials are kept, said plainly (issue 11): a yellow note when they lie on disk as plain
 * text (Linux without a keyring) or cannot be kept at all; never "encrypted" unless the OS really encrypts them.
 */
export function CredentialStorageNote() {
  const { t } = useTranslation();
  const { platform } = useDesk();
  const [storage, setStorage] = useState<SecretStorage | null>(null);
  useEffect(() => {
    let cancelled = false;
    platform
      .appInfo()
      .then((info) => {
        if (!cancelled) setStorage(info.secretStorage);
      })
      // Not knowing is not "encrypted": say nothing rather than something untrue.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [platform]);
  if (storage === null) return null;
  if (storage === 'plain-text' || storage === 'unavailable') {
    return (
      <Alert color="yellow" title={t('sync.panel.credentials.plain-text-title')} data-testid="credential-storage">
        {t(`sync.panel.credentials.${storage}`)}
      </Alert>
    );
  }
  return (
    <Text size="xs" c="dimmed" data-testid="credential-storage">
      {t(`sync.panel.credentials.${storage}`)}
    </Text>
  );
}
