import {
  Alert,
  Button,
  Group,
  Kbd,
  NumberInput,
  Select,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/model/limits.ts';
import { DEFAULT_ESCALATION_ANSWER_DAYS, type ReferenceDoc, type Staff } from '../../../../shared/model/reference.ts';
import { DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS } from '../../../../shared/sync/enrolment.ts';
import { MAX_PUBLIC_RATING_BASE } from '../../../../shared/rules/slips/ratingLink.ts';
import { ProvenOnly } from '../../../app/ProvenOnly.tsx';
import { useDesk } from '../../../app/context.tsx';
import { saveBureauSettings } from '../../../data/adminOperations.ts';
import { useAuthor } from '../../../stores/session.ts';
import { useDecision } from '../../contact/useDecision.ts';
import { fromForm, toForm, type SettingsForm } from './settingsForm.ts';
import { settingsFieldErrors } from './settingsErrors.ts';

interface Props {
  staff: Staff;
  /** The version in force: the base of the edit. */
  doc: Extract<ReferenceDoc, { kind: 'settings' }>;
  /** This desk's last save still waits for the server: no second edit on an unconfirmed version. */
  pending: boolean;
}

const days = (v: string | number) => (v === '' ? '' : Number(v));

/**
 * Every setting of the bureau in one form, keyboard-first (Tab through, Ctrl+Enter or Enter saves). The shared
 * settings schema judges it on save; a refused save keeps what was typed, with the message on its field.
 */
export function SettingsEditor({ staff, doc, pending }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  // The version the admin opened is the base of the edit, whatever arrives meanwhile: saving on a newer one with
  // the old values would silently undo another admin's change.
  const [opened, setOpened] = useState(doc);
  const [form, setForm] = useState<SettingsForm>(() => toForm(doc.body));
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const { errors, busy, run, clear } = useDecision(settingsFieldErrors);

  const reopen = () => {
    setOpened(doc);
    setForm(toForm(doc.body));
    setSaved(false);
  };
  const untouched = JSON.stringify(form) === JSON.stringify(toForm(opened.body));
  const newer = doc.rev !== opened.rev;
  // A newer version replaces the form on its own only when nothing typed would be lost (or it is this save's).
  if (newer && (saved || untouched)) reopen();

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    clear(key);
  };
  const field = (key: keyof SettingsForm) => ({ error: errors[key], name: key });

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const done = await run(
      () => saveBureauSettings(db, author, { settings: fromForm(form, opened.body), baseRev: opened.rev, note }),
      t('admin.settings.saved'),
    );
    if (done) {
      setNote('');
      setSaved(true);
    }
  }

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={save}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
      aria-label={t('admin.settings.title')}
    >
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{t('admin.settings.editTitle', { rev: opened.rev })}</Title>
          <Text size="xs" c="dimmed">
            <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> {t('admin.settings.shortcut')}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label={t('admin.settings.bureauName')}
            maxLength={LIMITS.organisation}
            value={form.bureauName}
            onChange={(e) => set('bureauName', e.currentTarget.value)}
            withAsterisk
            data-autofocus
            {...field('bureauName')}
          />
          <TextInput
            label={t('admin.settings.bureauCode')}
            description={t('admin.settings.bureauCodeHint')}
            value={form.bureauCode}
            readOnly
            {...field('bureauCode')}
          />
          <TextInput
            label={t('admin.settings.consultPhone')}
            maxLength={LIMITS.phone}
            value={form.consultPhone}
            onChange={(e) => set('consultPhone', e.currentTarget.value)}
            withAsterisk
            {...field('consultPhone')}
          />
          <TextInput
            label={t('admin.settings.complaintPhone')}
            description={t('admin.settings.complaintPhoneHint')}
            maxLength={LIMITS.phone}
            value={form.complaintPhone}
            onChange={(e) => set('complaintPhone', e.currentTarget.value)}
            withAsterisk
            {...field('complaintPhone')}
          />
          <NumberInput
            label={t('admin.settings.idleLockMinutes')}
            description={t('admin.settings.idleLockHint')}
            value={form.idleLockMinutes}
            onChange={(v) => set('idleLockMinutes', days(v))}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...field('idleLockMinutes')}
          />
          <NumberInput
            label={t('admin.settings.escalationAnswerDays')}
            description={t('admin.settings.escalationAnswerHint', { days: DEFAULT_ESCALATION_ANSWER_DAYS })}
            value={form.escalationAnswerDays}
            onChange={(v) => set('escalationAnswerDays', days(v))}
            allowDecimal={false}
            allowNegative={false}
            {...field('escalationAnswerDays')}
          />
          <TextInput
            label={t('admin.settings.nightlySyncAt')}
            description={t('admin.settings.nightlySyncHint')}
            maxLength={LIMITS.clockTime}
            placeholder="02:30"
            value={form.nightlySyncAt}
            onChange={(e) => set('nightlySyncAt', e.currentTarget.value)}
            withAsterisk
            {...field('nightlySyncAt')}
          />
          <NumberInput
            label={t('admin.settings.deviceTokenMaxSilenceDays')}
            description={t('admin.settings.deviceTokenHint', { days: DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS })}
            placeholder={String(DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS)}
            value={form.deviceTokenMaxSilenceDays}
            onChange={(v) => set('deviceTokenMaxSilenceDays', days(v))}
            allowDecimal={false}
            allowNegative={false}
            {...field('deviceTokenMaxSilenceDays')}
          />
          <TextInput
            label={t('admin.settings.publicRatingBase')}
            description={t('admin.settings.publicRatingBaseHint')}
            maxLength={MAX_PUBLIC_RATING_BASE}
            placeholder="https://"
            value={form.publicRatingBase}
            onChange={(e) => set('publicRatingBase', e.currentTarget.value)}
            {...field('publicRatingBase')}
          />
        </SimpleGrid>
        <Title order={5}>{t('admin.settings.followUp')}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('admin.settings.followUpDueDays')}
            description={t('admin.settings.followUpDueHint')}
            value={form.followUpDueDays}
            onChange={(v) => set('followUpDueDays', days(v))}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...field('followUpDueDays')}
          />
          <Select
            label={t('admin.settings.followUpOwner')}
            description={t('admin.settings.followUpOwnerHint')}
            data={(['supervisors', 'department'] as const).map((o) => ({
              value: o,
              label: t(`admin.settings.followUpOwners.${o}`),
            }))}
            value={form.followUpOwner}
            allowDeselect={false}
            onChange={(v) => v && set('followUpOwner', v as SettingsForm['followUpOwner'])}
            {...field('followUpOwner')}
          />
          <NumberInput
            label={t('admin.settings.followUpSamplePercent')}
            description={t('admin.settings.followUpSampleHint')}
            value={form.followUpSamplePercent}
            onChange={(v) => set('followUpSamplePercent', days(v))}
            decimalScale={2}
            allowNegative={false}
            suffix="%"
            withAsterisk
            {...field('followUpSamplePercent')}
          />
          <NumberInput
            label={t('admin.settings.followUpRectifyDays')}
            description={t('admin.settings.followUpRectifyHint')}
            value={form.followUpRectifyDays}
            onChange={(v) => set('followUpRectifyDays', days(v))}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...field('followUpRectifyDays')}
          />
        </SimpleGrid>
        <TextInput
          label={t('admin.settings.note')}
          maxLength={LIMITS.note}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {newer && (
          <Alert color="yellow" role="status">
            {t('admin.settings.newerArrived', { rev: doc.rev })}
          </Alert>
        )}
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <ProvenOnly staff={staff}>
          <Group>
            <Button
              type="submit"
              loading={busy}
              disabled={pending}
              title={pending ? t('admin.settings.pending') : undefined}
            >
              {t('admin.settings.save')}
            </Button>
            <Button variant="default" onClick={reopen}>
              {t('admin.settings.reset')}
            </Button>
          </Group>
        </ProvenOnly>
      </Stack>
    </Paper>
  );
}
