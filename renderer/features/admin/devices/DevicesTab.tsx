import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import { formatDateTime } from '../../../app/format.ts';
import { DevicesTable } from './DevicesTable.tsx';
import { useDeviceAdmin, type DeviceAdminFailure } from './useDeviceAdmin.ts';

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

/** Desks (窗口设备): enrolled desks, one-time enrolment codes, revocation. Server records, not events. */
export function DevicesTab({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const admin = useDeviceAdmin(staff.id);
  const [pin, setPin] = useState('');
  const [label, setLabel] = useState('');

  if (!admin.unlocked) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      void admin.unlock(pin).then(() => setPin(''));
    };
    return (
      <form onSubmit={submit}>
        <Stack gap="sm" maw={420}>
          <Text size="sm" c="dimmed">
            {t('enrol.admin.hint')}
          </Text>
          <PasswordInput
            label={t('enrol.admin.confirmPin')}
            placeholder={t('enrol.admin.pin')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
            inputMode="numeric"
            autoComplete="off"
          />
          {admin.failure && <FailureAlert failure={admin.failure} />}
          <Group>
            <Button type="submit" loading={admin.busy} disabled={pin.length < 4}>
              {t('enrol.admin.unlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
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
          maxLength={40}
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
