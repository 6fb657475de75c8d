import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceLabelSchema, enrolmentCodeSchema, formatEnrolmentCode } from '../../../shared/sync/enrolment.ts';
import { useDesk } from '../../app/context.tsx';
import { AppHeading } from '../../app/AppHeading.tsx';
import { enrolThisDesk } from '../../data/enrolment.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { enrolErrors } from './enrolErrors.ts';
import { ServerUrlField } from './ServerUrlField.tsx';
import { LIMITS } from '../../../shared/model/limits.ts';

/**
 * Before anyone signs in, a desk that holds no device credentials enrols: the HQ server's address, the one-time
 * code the admin gave, and a name for this desk. Nothing is written locally unless the server accepted the code.
 */
export function EnrolScreen({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation();
  const { db, platform } = useDesk();
  const [savedUrl, setSavedUrl] = useState<string | null>(null);
  const {
    form,
    busy,
    formError,
    field,
    submit: run,
  } = useDeskForm({
    initialValues: { url: '', code: '', label: '' },
    wording: enrolErrors,
    // Checked before the server is asked: the code's and the label's shape (shared schemas), and an address typed
    // but not saved (the desk would enrol with one server and sync with another).
    check: (v) => ({
      code: enrolmentCodeSchema.safeParse(v.code).error?.issues[0]?.message,
      label: deviceLabelSchema.safeParse(v.label).error?.issues[0]?.message,
      form: v.url !== savedUrl ? 'serverUrlUnsaved' : undefined,
    }),
  });
  const { url, code } = form.getValues();

  useEffect(() => {
    void platform.serverUrl().then((current) => {
      setSavedUrl(current);
      form.setFieldValue('url', current);
    });
    // The form store is stable; read the saved address once per platform.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [platform]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (savedUrl === null) return;
    const enrolled = await run(
      (v) =>
        enrolThisDesk(
          db,
          { serverUrl: savedUrl, code: v.code, label: v.label },
          { save: (credentials) => platform.saveDeviceCredentials(credentials) },
        ),
      { keep: true },
    );
    if (enrolled) onEnrolled();
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
              {...field('url')}
              saved={savedUrl ?? ''}
              onSave={async () => {
                await platform.setServerUrl(url);
                // The page's content security policy names the server: reload to let the new one in.
                window.location.reload();
              }}
            />
            <TextInput
              label={t('enrol.code')}
              description={t('enrol.codeHint')}
              {...form.getInputProps('code')}
              onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())}
              onBlur={() => form.setFieldValue('code', formatEnrolmentCode(code))}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              maxLength={LIMITS.enrolmentCodeTyped}
            />
            <TextInput
              label={t('enrol.label')}
              description={t('enrol.labelHint')}
              {...form.getInputProps('label')}
              maxLength={LIMITS.deviceLabel}
            />
            {formError && (
              <Alert color="red" role="alert">
                {formError}
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
