import { Alert, Button, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_DRILL_PAGE } from '../../../shared/sync/reportApi.ts';
import type { ReportClient, ReportQuery } from '../../data/reports/client.ts';
import { useDesk } from '../../app/context.tsx';
import { useReportRead } from '../../data/reports/hooks.ts';
import { drillTable } from './export/reportTables.ts';
import { ExportButtons } from './export/ExportButtons.tsx';
import { factWords } from './factWords.ts';
import type { DrillTarget } from './FiguresView.tsx';
import type { ReportNames } from './reportNames.ts';
import { reportFailureWords } from './reportFailure.ts';
import { RecordButton, type OpenRecord } from './RecordButton.tsx';
import { deskDetails, idTail, recordKind, type DeskDetail } from './recordTarget.ts';

interface Props {
  readonly client: ReportClient;
  readonly query: ReportQuery;
  readonly target: DrillTarget | null;
  readonly names: ReportNames;
  readonly onOpenRecord: OpenRecord;
  readonly onClose: () => void;
}

/** The records behind one figure's numerator in one group, a page at a time, each with a button to open it. */
export function DrillDrawer({ target, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={target ? t('reports.drill.title', { figure: target.figure, group: target.groupName }) : ''}
      closeButtonProps={{ 'aria-label': t('reports.drill.close') }}
    >
      {/* Keyed by what it lists: a new figure starts at its first page. */}
      {target && <DrillPages key={`${target.key}|${target.group}`} target={target} {...rest} />}
    </Drawer>
  );
}

function DrillPages({ client, query, target, names, onOpenRecord }: Omit<Props, 'onClose'> & { target: DrillTarget }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const readKey = [query.from, query.to, query.groupBy, target.group, target.key, offset].join('|');
  const drill = useReportRead(
    client,
    (c, signal) => c.drill({ ...query, group: target.group, key: target.key, offset }, signal),
    readKey,
  );
  const exists = (key: string) => i18n.exists(key);
  const words = { t, exists, language: i18n.language, names };
  const details = useDeskDetails(drill.data?.facts);
  const time = new Intl.DateTimeFormat(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  });
  // What tells two rows apart that HQ words the same (two visits by one clerk on one day): the desk's own time and
  // first words of the matter where it holds the record, else the record id's tail.
  const distinction = (f: { kind: string; code?: unknown; recordId: string }) => {
    const detail =
      recordKind(f.kind, typeof f.code === 'string' ? f.code : undefined) === 'desk' && details.get(f.recordId);
    if (!detail) return idTail(f.recordId);
    const at = new Date(detail.openedAt);
    return Number.isNaN(at.getTime()) ? detail.matter : `${time.format(at)} ${detail.matter}`;
  };
  if (!drill.data) {
    return drill.failure ? (
      <Alert color="red" role="alert">
        {reportFailureWords(drill.failure, t, exists)}
      </Alert>
    ) : (
      <Loader size="sm" aria-label={t('reports.loading')} />
    );
  }
  const { facts, total } = drill.data;
  const pager = (
    <Group justify="space-between">
      <Text size="sm" data-testid="drill-summary">
        {total === 0
          ? t('reports.drill.none')
          : t('reports.drill.summary', { total, first: offset + 1, last: offset + facts.length })}
      </Text>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          disabled={offset === 0 || drill.loading}
          onClick={() => setOffset(Math.max(0, offset - REPORT_DRILL_PAGE))}
        >
          {t('reports.drill.previous')}
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={offset + REPORT_DRILL_PAGE >= total || drill.loading}
          onClick={() => setOffset(offset + REPORT_DRILL_PAGE)}
        >
          {t('reports.drill.next')}
        </Button>
      </Group>
    </Group>
  );
  return (
    <Stack gap="sm" data-testid="drill">
      {pager}
      <ExportButtons
        testId="export-drill"
        what={t('reports.export.drill')}
        period={query}
        table={() => drillTable(drill.data!, target.figure, words)}
      />
      <Table
        striped
        verticalSpacing={4}
        aria-label={t('reports.drill.title', { figure: target.figure, group: target.groupName })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.column.day')}</Table.Th>
            <Table.Th>{t('reports.column.staff')}</Table.Th>
            <Table.Th>{t('reports.column.department')}</Table.Th>
            <Table.Th>{t('reports.column.says')}</Table.Th>
            <Table.Th>{t('reports.column.open')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {facts.map((f) => (
            <Table.Tr key={f.id} data-fact={f.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.day}</Table.Td>
              <Table.Td>{names.staff(f.staffId)}</Table.Td>
              <Table.Td>{names.department(f.departmentId)}</Table.Td>
              <Table.Td>
                {factWords(f, t, exists, names)}
                <Text size="xs" c="dimmed" data-testid="drill-distinction">
                  {distinction(f)}
                </Text>
              </Table.Td>
              <Table.Td>
                <RecordButton
                  kind={f.kind}
                  code={typeof f.code === 'string' ? f.code : undefined}
                  recordId={f.recordId}
                  onOpen={onOpenRecord}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > REPORT_DRILL_PAGE && pager}
    </Stack>
  );
}

/** The desk's own details of a page's records (empty until read, and where the desk has not synced them). */
function useDeskDetails(facts: readonly { recordId: string }[] | undefined): ReadonlyMap<string, DeskDetail> {
  const { db } = useDesk();
  const [details, setDetails] = useState<ReadonlyMap<string, DeskDetail>>(new Map());
  useEffect(() => {
    if (!facts) return;
    let current = true;
    void deskDetails(
      db,
      facts.map((f) => f.recordId),
    ).then((found) => current && setDetails(found));
    return () => {
      current = false;
    };
  }, [db, facts]);
  return details;
}
