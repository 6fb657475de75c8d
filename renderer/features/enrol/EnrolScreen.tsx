import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceLabelSchema, enrolmentCodeSchema, formatEnrolmentCode } from '../../../shared/sync/enrolment.ts';
import { useDesk } from '../../app/context.tsx';
import { AppHeading } from '../../app/AppHeading.tsx';
import { enrolThisDesk, EnrolmentError } from '../../data/enrolment.ts';
import { ServerUrlField } from './ServerUrlField.tsx';
import { LIMITS } from '../../../shared/model/limits.ts';

type Field = 'code' | 'label' | 'form';

/**
 * Before anyone signs in, a desk that holds no device credentials enrols: the HQ server's address, the one-time
 * code the admin gave, and a name for this desk. Nothing is written locally unless the server accepted the code.
 */
export function EnrolScreen({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation();
  const { db, platform } = useDesk();
  const [savedUrl, setSavedUrl] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void platform.serverUrl().then((current) => {
      setSavedUrl(current);
      setUrl(current);
    });
  }, [platform]);

  function failureMessage(error: unknown): string {
    if (!(error instanceof EnrolmentError)) {
      return t('enrol.failure.save', { message: error instanceof Error ? error.message : String(error) });
    }
    const f = error.failure;
    return t(`enrol.failure.${f.kind}`, {
      pending: f.kind === 'outbox-not-empty' ? f.pending : 0,
      status: f.kind === 'server-error' ? f.status : '',
      minutes: f.kind === 'too-many-attempts' ? f.minutes : 0,
      message: 'message' in f ? f.message : '',
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || savedUrl === null) return;
    const codeOk = enrolmentCodeSchema.safeParse(code);
    const labelOk = deviceLabelSchema.safeParse(label);
    const found: Partial<Record<Field, string>> = {};
    if (!codeOk.success) found.code = t(`enrol.errors.${codeOk.error.issues[0]?.message ?? 'enrolmentCodeFormat'}`);
    if (!labelOk.success) found.label = t(`enrol.errors.${labelOk.error.issues[0]?.message ?? 'deviceLabelRequired'}`);
    if (url !== savedUrl) found.form = t('enrol.serverUrlUnsaved');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await enrolThisDesk(
        db,
        { serverUrl: savedUrl, code, label },
        { save: (credentials) => platform.saveDeviceCredentials(credentials) },
      );
      onEnrolled();
    } catch (error) {
      setErrors({ form: failureMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={500}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <AppHeading />
            <Title order={4}>{t('enrol.title')}</Title>
            <Text size="sm">{t('enrol.intro')}</Text>
            <ServerUrlField
              editable={platform.kind === 'electron'}
              value={url}
              saved={savedUrl ?? ''}
              onChange={setUrl}
              onSave={async () => {
                await platform.setServerUrl(url);
                // The page's content security policy names the server: reload to let the new one in.
                window.location.reload();
              }}
            />
            <TextInput
              label={t('enrol.code')}
              description={t('enrol.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
              onBlur={() => setCode((c) => formatEnrolmentCode(c))}
              error={errors.code}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              maxLength={LIMITS.enrolmentCodeTyped}
            />
            <TextInput
              label={t('enrol.label')}
              description={t('enrol.labelHint')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={errors.label}
              maxLength={LIMITS.deviceLabel}
            />
            {errors.form && (
              <Alert color="red" role="alert">
                {errors.form}
              </Alert>
            )}
            <Button type="submit" loading={busy} disabled={savedUrl === null}>
              {t('enrol.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
