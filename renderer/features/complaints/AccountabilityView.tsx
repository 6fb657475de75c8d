import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplaintClient } from '../../data/complaints/client.ts';
import { useHqRead } from '../../data/complaints/hooks.ts';
import { failureWords } from './complaintErrors.ts';
import { useNames } from './useNames.ts';

/**
 * 过错追究记录 (art. 33; issue 14 point 4), for leaders and supervisors: each founded complaint's measures on the
 * person's record, the measures in force first and, below, what was decided and every correction with its reason.
 * Asked of HQ each time it is opened (HQ logs the read).
 */
export function AccountabilityView({ client }: { client: ComplaintClient }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const record = useHqRead(client, (c) => c.accountability(), 'accountability');
  if (!record.data) {
    return record.failure ? (
      <Alert color="red" role="alert">
        {failureWords(record.failure, t, (k) => i18n.exists(k))}
      </Alert>
    ) : (
      <Loader size="sm" />
    );
  }
  const measures = (ms: readonly string[]) => ms.map((m) => t(`complaint.measure.${m}`)).join('、');
  const rows = record.data.records.flatMap((r) => r.entries.map((e) => ({ staffId: r.staffId, e })));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('complaint.record.hint')}
        </Text>
        <Button size="xs" variant="default" loading={record.loading} onClick={record.reload}>
          {t('complaint.screen.reload')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('complaint.record.none')}</Text>
      ) : (
        <Table withTableBorder verticalSpacing="xs" aria-label={t('complaint.record.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('complaint.record.person')}</Table.Th>
              <Table.Th>{t('complaint.record.decidedOn')}</Table.Th>
              <Table.Th>{t('complaint.field.ground')}</Table.Th>
              <Table.Th>{t('complaint.field.measures')}</Table.Th>
              <Table.Th>{t('complaint.field.gravity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ staffId, e }) => (
              <Table.Tr key={`${staffId}-${e.complaintId}`}>
                <Table.Td>{names.staff(staffId)}</Table.Td>
                <Table.Td>{e.decidedOn}</Table.Td>
                <Table.Td>
                  <Text size="xs" maw={260}>
                    {t(`complaint.ground.${e.ground}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{measures(e.measures)}</Text>
                  {e.corrections.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('complaint.record.asDecided')}：{measures(e.decided.measures)}（
                      {t(`complaint.gravity.${e.decided.gravity}`)}）
                    </Text>
                  )}
                  {e.corrections.map((c, i) => (
                    <Text key={i} size="xs" c="dimmed">
                      {t('complaint.record.corrected', { date: c.on, reason: c.reason })} · {names.staff(c.by)}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{t(`complaint.gravity.${e.gravity}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
