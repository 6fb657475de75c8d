import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The HQ server's address on the enrolment screen. In the browser it is the page's own origin and cannot
 * change; in Electron it is saved in the desk config (and the window reloads, its CSP names the server).
 */
export function ServerUrlField(props: {
  editable: boolean;
  value: string;
  saved: string;
  onChange(url: string): void;
  onSave(): Promise<void>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  if (!props.editable) {
    return (
      <TextInput label={t('enrol.serverUrl')} description={t('enrol.serverUrlFixed')} value={props.value} readOnly />
    );
  }
  const changed = props.value !== props.saved;
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        label={t('enrol.serverUrl')}
        description={t('enrol.serverUrlHint')}
        value={props.value}
        onChange={(e) => {
          setError(null);
          props.onChange(e.currentTarget.value.trim());
        }}
        error={error}
        inputMode="url"
        spellCheck={false}
      />
      <Button
        variant="default"
        disabled={!changed}
        onClick={() => props.onSave().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}
      >
        {t('enrol.saveServerUrl')}
      </Button>
    </Group>
  );
}
