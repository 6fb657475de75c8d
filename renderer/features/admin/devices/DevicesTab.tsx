import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import type { StaffSession } from '../../../../shared/sync/staffAuth.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ProvenOnly } from '../../../app/ProvenOnly.tsx';
import { useAuthor } from '../../../stores/session.ts';
import { DevicesTable } from './DevicesTable.tsx';
import { useDeviceAdmin, type DeviceAdminFailure } from './useDeviceAdmin.ts';
import { LIMITS } from '../../../../shared/model/limits.ts';

function FailureAlert({ failure }: { failure: DeviceAdminFailure }) {
  const { t, i18n } = useTranslation();
  const key = `enrol.admin.failure.${failure.code}`;
  return (
    <Alert color="red" role="alert">
      {i18n.exists(key)
        ? t(key, { minutes: failure.minutes })
        : t('enrol.admin.failure.other', { message: failure.message })}
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
  const [label, setLabel] = useState('');

  if (!admin.ready) {
    return admin.failure ? <FailureAlert failure={admin.failure} /> : <Loader size="sm" />;
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('enrol.admin.hint')}
      </Text>
      {admin.failure && <FailureAlert failure={admin.failure} />}
      <Group align="flex-end">
        <TextInput
          label={t('enrol.admin.codeLabel')}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          maxLength={LIMITS.deviceLabel}
        />
        <Button loading={admin.busy} onClick={() => void admin.createCode(label).then((ok) => ok && setLabel(''))}>
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
