import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ZodError } from 'zod';
import { LIMITS } from '../../../shared/model/limits.ts';
import { padPairRequestSchema, type PadPaired } from '../../../shared/sync/padRelay.ts';
import { PadRelayError } from '../../data/padRelayCall.ts';
import type { PadRelayTablet } from '../../data/padRelayTablet.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';

const KNOWN = [
  'pad-code-unknown',
  'pad-code-used',
  'pad-code-expired',
  'pad-too-many-tablets',
  'too-many-attempts',
  'pad-pairing-paused',
  'offline',
];

/**
 * A refused pairing, worded: the wire schema's own refusals (8 digits, a clean name) under their fields, a code HQ
 * refused under the code, the rest (network, throttling) on the form.
 */
function pairingErrors(error: unknown, t: TFunction): Record<string, string> {
  if (error instanceof ZodError) {
    const out: Record<string, string> = {};
    for (const issue of error.issues) out[String(issue.path[0] ?? 'form')] ??= t(`tablet.errors.${issue.message}`);
    return out;
  }
  const code = error instanceof PadRelayError && KNOWN.includes(error.code) ? error.code : 'other';
  const message = t(`tablet.errors.${code}`, { minutes: error instanceof PadRelayError ? error.minutes : undefined });
  return code.startsWith('pad-code-') ? { code: message } : { form: message };
}

/**
 * The tablet's first screen: the 8-digit code from the desk (typed with or without its space), and a name for the
 * desk's list of tablets.
 */
export function TabletPairForm({ client, onPaired }: { client: PadRelayTablet; onPaired(paired: PadPaired): void }) {
  const { t } = useTranslation();
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: { code: '', label: t('tablet.pair.labelDefault') },
    wording: pairingErrors,
  });
  // Checked here with the wire schema before anything is sent; HQ checks the same again.
  const pair = async (values: { code: string; label: string }) => {
    const request = padPairRequestSchema.parse(values);
    onPaired(await client.pair(request.code, request.label));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit(pair, { keep: true });
      }}
    >
      <Stack maw={420} mx="auto" gap="lg">
        <Title order={1} ta="center">
          {t('tablet.pair.title')}
        </Title>
        <Text size="lg">{t('tablet.pair.hint')}</Text>
        {formError && <Alert color="red">{formError}</Alert>}
        <TextInput
          size="xl"
          label={t('tablet.pair.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={24}
          placeholder="1234 5678"
          styles={{ input: { fontSize: 40, letterSpacing: 8, textAlign: 'center' } }}
          {...form.getInputProps('code')}
        />
        <TextInput
          size="lg"
          label={t('tablet.pair.label')}
          maxLength={LIMITS.deviceLabel}
          {...form.getInputProps('label')}
        />
        <Button type="submit" size="xl" h={72} loading={busy}>
          {t('tablet.pair.submit')}
        </Button>
      </Stack>
    </form>
  );
}
