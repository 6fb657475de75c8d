import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import type { StaffSession } from '../../../../shared/sync/staffAuth.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ProvenOnly } from '../../../app/ProvenOnly.tsx';
import { useAuthor } from '../../../stores/session.ts';
import { DevicesTable } from './DevicesTable.tsx';
import { useDeskForm } from '../../../forms/useDeskForm.ts';
import { deviceAdminErrors, failureText, type DeviceAdminFailure } from './deviceAdminErrors.ts';
import { useDeviceAdmin } from './useDeviceAdmin.ts';
import { LIMITS } from '../../../../shared/model/limits.ts';

function FailureAlert({ failure }: { failure: DeviceAdminFailure }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" role="alert">
      {failureText(failure, t, (key) => i18n.exists(key))}
    </Alert>
  );
}

/**
 * Desks (窗口设备): enrolled desks, one-time enrolment codes, revocation. Server records, not events, asked for with
 * the admin's own staff session: without one (signed in offline) the tab says the network and sign-in are needed.
 */
export function DevicesTab({ staff }: { staff: Staff }) {
  const { session } = useAuthor(staff);
  return <ProvenOnly staff={staff}>{session && <DevicesAdmin key={session.sessionId} session={session} />}</ProvenOnly>;
}

function DevicesAdmin({ session }: { session: StaffSession }) {
  const { t } = useTranslation();
  const admin = useDeviceAdmin(session);
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: { label: '' },
    wording: deviceAdminErrors,
  });

  if (!admin.ready) {
    return admin.failure ? <FailureAlert failure={admin.failure} /> : <Loader size="sm" />;
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('enrol.admin.hint')}
      </Text>
      {admin.failure && <FailureAlert failure={admin.failure} />}
      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput label={t('enrol.admin.codeLabel')} {...form.getInputProps('label')} maxLength={LIMITS.deviceLabel} />
        <Button loading={busy || admin.busy} onClick={() => void submit((v) => admin.createCode(v.label))}>
          {t('enrol.admin.newCode')}
        </Button>
      </Group>
      {admin.issued && (
        <Paper withBorder p="md" bg="teal.0" data-testid="enrolment-code">
          <Text size="sm">
            {t('enrol.admin.codeIssued')}
            {admin.issued.label ? ` · ${admin.issued.label}` : ''}
          </Text>
          <Title order={2} ff="monospace" aria-label={t('enrol.admin.codeIssued')}>
            {admin.issued.code}
          </Title>
          <Text size="sm" c="dimmed">
            {t('enrol.admin.codeExpires', { time: formatDateTime(admin.issued.expiresAt) })}
          </Text>
        </Paper>
      )}
      <DevicesTable
        devices={admin.devices ?? []}
        ownDeviceId={admin.ownDeviceId}
        busy={admin.busy}
        onRevoke={admin.revoke}
      />
    </Stack>
  );
}
