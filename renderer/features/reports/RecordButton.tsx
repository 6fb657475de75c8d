import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Opens the record behind a fact or card; 'notHere' when this desk does not hold it yet. */
export type OpenRecord = (kind: string, recordId: string, code?: string) => Promise<'opened' | 'notHere'>;

/** 打开: the record behind a fact, where the desk can show it; else says why and shows the record's id. */
export function RecordButton({
  kind,
  code,
  recordId,
  onOpen,
}: {
  kind: string;
  code?: string | undefined;
  recordId: string;
  onOpen: OpenRecord;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'opening' | 'notHere'>('idle');
  const open = async () => {
    setState('opening');
    setState((await onOpen(kind, recordId, code)) === 'notHere' ? 'notHere' : 'idle');
  };
  return (
    <Stack gap={2}>
      <Button size="compact-xs" variant="light" loading={state === 'opening'} onClick={() => void open()}>
        {t('reports.drill.open')}
      </Button>
      {state === 'notHere' && (
        <Text size="xs" c="dimmed" role="status">
          {t('reports.drill.notHere', { id: recordId })}
        </Text>
      )}
    </Stack>
  );
}
