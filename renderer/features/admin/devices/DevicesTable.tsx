import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSummary } from '../../../../shared/sync/enrolment.ts';
import { formatDateTime } from '../../../app/format.ts';

/** The enrolled desks, newest first; each but this one can be revoked after a confirmation. */
export function DevicesTable(props: {
  devices: readonly DeviceSummary[];
  ownDeviceId: string | null;
  busy: boolean;
  onRevoke(deviceId: string): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<DeviceSummary | null>(null);
  if (props.devices.length === 0) return <Text c="dimmed">{t('enrol.admin.empty')}</Text>;
  const name = (d: DeviceSummary) => d.label ?? d.deviceId.slice(-6);
  return (
    <>
      <Table striped aria-label={t('enrol.admin.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('enrol.admin.name')}</Table.Th>
            <Table.Th>{t('enrol.admin.deviceId')}</Table.Th>
            <Table.Th>{t('enrol.admin.enrolledAt')}</Table.Th>
            <Table.Th>{t('enrol.admin.lastSeen')}</Table.Th>
            <Table.Th>{t('enrol.admin.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.devices.map((d) => (
            <Table.Tr key={d.deviceId}>
              <Table.Td>
                <Group gap={6}>
                  {name(d)}
                  {d.deviceId === props.ownDeviceId && <Badge variant="light">{t('enrol.admin.thisDesk')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td ff="monospace">{d.deviceId}</Table.Td>
              <Table.Td>{d.enrolledAt ? formatDateTime(d.enrolledAt) : '—'}</Table.Td>
              <Table.Td>{formatDateTime(d.lastSeenAt)}</Table.Td>
              <Table.Td>
                {d.revokedAt ? (
                  <Badge color="red" variant="light">
                    {t('enrol.admin.revoked', { by: d.revokedBy ?? '' })}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t('enrol.admin.active')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {!d.revokedAt && d.deviceId !== props.ownDeviceId && (
                  <Button size="xs" color="red" variant="light" onClick={() => setConfirming(d)}>
                    {t('enrol.admin.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('enrol.admin.revoke')}>
        {confirming && (
          <>
            <Text mb="md">{t('enrol.admin.revokeConfirm', { label: name(confirming) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('enrol.admin.cancel')}
              </Button>
              <Button
                color="red"
                loading={props.busy}
                onClick={() => void props.onRevoke(confirming.deviceId).then(() => setConfirming(null))}
              >
                {t('enrol.admin.revoke')}
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </>
  );
}
