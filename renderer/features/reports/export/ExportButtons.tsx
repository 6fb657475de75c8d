import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, downloadXlsx, type ExportPeriod } from './download.ts';
import type { ExportTable } from './table.ts';

interface Props {
  /** Built when a button is pressed, from what the screen shows then. */
  readonly table: () => ExportTable;
  readonly period: ExportPeriod;
  /** What is exported, for the buttons' accessible names ("导出指标表"). */
  readonly what: string;
  readonly testId: string;
}

/** CSV and Excel of one table of the screen. */
export function ExportButtons({ table, period, what, testId }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const xlsx = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await downloadXlsx(table(), period);
    } catch (error) {
      setFailure(t('reports.export.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" data-testid={testId}>
      <Button
        size="xs"
        variant="default"
        aria-label={t('reports.export.csvOf', { what })}
        onClick={() => downloadCsv(table(), period)}
      >
        {t('reports.export.csv')}
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={t('reports.export.xlsxOf', { what })}
        loading={busy}
        onClick={() => void xlsx()}
      >
        {t('reports.export.xlsx')}
      </Button>
      {failure && (
        <Text size="sm" c="red" role="alert">
          {failure}
        </Text>
      )}
    </Group>
  );
}
