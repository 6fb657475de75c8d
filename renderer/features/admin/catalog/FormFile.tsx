import { Button, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideFile } from '../../../../shared/model/catalog.ts';
import type { StaffSession } from '../../../../shared/sync/staffAuth.ts';
import { useDesk } from '../../../app/context.tsx';
import { catalogFileReader, CatalogFileError, saveFile, type CatalogFileReader } from '../../../data/catalogFiles.ts';
import { useOnlineClient } from '../../../data/onlineClient.ts';
import { useSession } from '../../../stores/session.ts';
import { useSyncActivity } from '../../../stores/sync.ts';
import { fileFactsText } from './itemText.ts';

/** A desk without credentials cannot call HQ (module-level: useOnlineClient needs its identity kept). */
export const noCredentials = () => new CatalogFileError('unauthenticated', 'this desk holds no credentials');

/** What HQ's refusal (or the lack of an answer) means for the admin, under `prefix` (uploadRefused, openRefused). */
export function catalogFileProblem(
  e: unknown,
  prefix: string,
  t: TFunction,
  i18n: { exists: (key: string) => boolean },
): string {
  const key = `${prefix}.${e instanceof CatalogFileError ? e.code : 'other'}`;
  return t(i18n.exists(key) ? key : `${prefix}.other`, { message: e instanceof Error ? e.message : String(e) });
}

/**
 * An attached form's file as the admin checks it (公开承诺, art. 20–23: approval publishes it): its name, size and the
 * start of its SHA-256 — so a file swapped under the same name reads as a change — and 打开/下载, which reads the
 * bytes back from HQ with the admin's own session. Offline or without a session it says so instead.
 */
export function FormFile({ file, staffId }: { file: GuideFile; staffId: string }) {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const live = session?.staffId === staffId ? session : null;
  return (
    <Stack gap={2} data-testid="form-file">
      <Text size="sm">{fileFactsText(file, t)}</Text>
      {live ? (
        <OpenFile file={file} session={live} />
      ) : (
        <Text size="xs" c="orange.8" role="note">
          {t('admin.guide.openNeedsSession')}
        </Text>
      )}
    </Stack>
  );
}

/** 打开/下载 one form HQ holds, as this admin (their live session). */
export function OpenFile({ file, session }: { file: GuideFile; session: StaffSession }) {
  const { t, i18n } = useTranslation();
  const { platform } = useDesk();
  const online = useSyncActivity((s) => s.online);
  const { client } = useOnlineClient<CatalogFileReader>(platform, session, catalogFileReader, noCredentials);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function open() {
    setProblem(null);
    if (!client || !online) {
      setProblem(t('admin.guide.openOffline'));
      return;
    }
    setBusy(true);
    try {
      saveFile(await client(file), file.fileName);
    } catch (e) {
      setProblem(catalogFileProblem(e, 'admin.guide.openRefused', t, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          w="fit-content"
          loading={busy}
          aria-label={t('admin.guide.openFileOf', { name: file.fileName })}
          onClick={() => void open()}
        >
          {t('admin.guide.openFile')}
        </Button>
      </Group>
      {problem && (
        <Text size="xs" c="red" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
