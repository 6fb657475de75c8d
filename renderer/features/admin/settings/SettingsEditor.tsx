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
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/model/limits.ts';
import {
  DEFAULT_ESCALATION_ANSWER_DAYS,
  STRONG_RULES,
  type ReferenceDoc,
  type Staff,
  type StrongRule,
} from '../../../../shared/model/reference.ts';
import { DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS } from '../../../../shared/sync/enrolment.ts';
import { MAX_PUBLIC_RATING_BASE } from '../../../../shared/rules/slips/ratingLink.ts';
import { ProvenOnly } from '../../../app/ProvenOnly.tsx';
import { useDesk } from '../../../app/context.tsx';
import { saveBureauSettings } from '../../../data/adminOperations.ts';
import { useAuthor } from '../../../stores/session.ts';
import { useDeskForm } from '../../../forms/useDeskForm.ts';
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
  const [saved, setSaved] = useState(false);
  const { form, busy, formError, submit } = useDeskForm({
    initialValues: { ...toForm(doc.body), note: '' },
    wording: settingsFieldErrors,
    decision: true,
  });
  const values = form.getValues();

  // Every setting back to the version in force; the note is the admin's own and stays.
  const reopen = () => {
    setOpened(doc);
    form.setValues(toForm(doc.body));
    setSaved(false);
  };
  const { note: _note, ...edited } = values;
  const untouched = JSON.stringify(edited) === JSON.stringify(toForm(opened.body));
  const newer = doc.rev !== opened.rev;
  // A newer version replaces the form on its own only when nothing typed would be lost (or it is this save's).
  if (newer && (saved || untouched)) reopen();

  const field = (key: keyof SettingsForm) => ({ ...form.getInputProps(key), name: key });
  // A blank number stays '' (the schema then says "required" or takes its default), not 0.
  const numberField = (key: keyof SettingsForm) => ({
    ...field(key),
    onChange: (v: string | number) => form.setFieldValue(key, days(v)),
  });

  async function save(event?: FormEvent) {
    event?.preventDefault();
    // Kept as typed: the saved version comes back through the store and replaces the form (saved above).
    const done = await submit(
      (v) => saveBureauSettings(db, author, { settings: fromForm(v, opened.body), baseRev: opened.rev, note: v.note }),
      { success: t('admin.settings.saved'), keep: true },
    );
    if (done) {
      form.setFieldValue('note', '');
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
            withAsterisk
            data-autofocus
            {...field('bureauName')}
          />
          <TextInput
            label={t('admin.settings.bureauCode')}
            description={t('admin.settings.bureauCodeHint')}
            readOnly
            {...field('bureauCode')}
          />
          <TextInput
            label={t('admin.settings.consultPhone')}
            maxLength={LIMITS.phone}
            withAsterisk
            {...field('consultPhone')}
          />
          <TextInput
            label={t('admin.settings.complaintPhone')}
            description={t('admin.settings.complaintPhoneHint')}
            maxLength={LIMITS.phone}
            withAsterisk
            {...field('complaintPhone')}
          />
          <NumberInput
            label={t('admin.settings.idleLockMinutes')}
            description={t('admin.settings.idleLockHint')}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...numberField('idleLockMinutes')}
          />
          <NumberInput
            label={t('admin.settings.escalationAnswerDays')}
            description={t('admin.settings.escalationAnswerHint', { days: DEFAULT_ESCALATION_ANSWER_DAYS })}
            allowDecimal={false}
            allowNegative={false}
            {...numberField('escalationAnswerDays')}
          />
          <TextInput
            label={t('admin.settings.nightlySyncAt')}
            description={t('admin.settings.nightlySyncHint')}
            maxLength={LIMITS.clockTime}
            placeholder="02:30"
            withAsterisk
            {...field('nightlySyncAt')}
          />
          <NumberInput
            label={t('admin.settings.deviceTokenMaxSilenceDays')}
            description={t('admin.settings.deviceTokenHint', { days: DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS })}
            placeholder={String(DEFAULT_DEVICE_TOKEN_MAX_SILENCE_DAYS)}
            allowDecimal={false}
            allowNegative={false}
            {...numberField('deviceTokenMaxSilenceDays')}
          />
          <TextInput
            label={t('admin.settings.publicRatingBase')}
            description={t('admin.settings.publicRatingBaseHint')}
            maxLength={MAX_PUBLIC_RATING_BASE}
            placeholder="https://"
            {...field('publicRatingBase')}
          />
        </SimpleGrid>
        <Textarea
          label={t('admin.settings.publicDuties')}
          description={t('admin.settings.publicDutiesHint')}
          maxLength={LIMITS.legalBasis * 2}
          autosize
          minRows={3}
          maxRows={12}
          {...field('publicDuties')}
        />
        <Title order={5}>{t('admin.settings.followUp')}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('admin.settings.followUpDueDays')}
            description={t('admin.settings.followUpDueHint')}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...numberField('followUpDueDays')}
          />
          <Select
            label={t('admin.settings.followUpOwner')}
            description={t('admin.settings.followUpOwnerHint')}
            data={(['supervisors', 'department'] as const).map((o) => ({
              value: o,
              label: t(`admin.settings.followUpOwners.${o}`),
            }))}
            allowDeselect={false}
            {...field('followUpOwner')}
            onChange={(v) => v && form.setFieldValue('followUpOwner', v as SettingsForm['followUpOwner'])}
          />
          <NumberInput
            label={t('admin.settings.followUpSamplePercent')}
            description={t('admin.settings.followUpSampleHint')}
            decimalScale={2}
            allowNegative={false}
            suffix="%"
            withAsterisk
            {...numberField('followUpSamplePercent')}
          />
          <NumberInput
            label={t('admin.settings.followUpRectifyDays')}
            description={t('admin.settings.followUpRectifyHint')}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...numberField('followUpRectifyDays')}
          />
          <Select
            label={t('admin.settings.followUpStrongWhen')}
            description={t('admin.settings.followUpStrongHint')}
            data={STRONG_RULES.map((r) => ({ value: r, label: t(`admin.settings.followUpStrongRules.${r}`) }))}
            allowDeselect={false}
            {...field('followUpStrongWhen')}
            onChange={(v) => v && form.setFieldValue('followUpStrongWhen', v as StrongRule)}
          />
        </SimpleGrid>
        <Title order={5}>{t('admin.settings.complaints')}</Title>
        <Text size="sm" c="dimmed">
          {t('admin.settings.complaintsHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('admin.settings.complaintDecideDays')}
            description={t('admin.settings.complaintDecideHint')}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...numberField('complaintDecideDays')}
          />
          <NumberInput
            label={t('admin.settings.complaintInvestigateDays')}
            description={t('admin.settings.complaintInvestigateHint')}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...numberField('complaintInvestigateDays')}
          />
          <NumberInput
            label={t('admin.settings.complaintStatementDays')}
            description={t('admin.settings.complaintStatementHint')}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...numberField('complaintStatementDays')}
          />
          <NumberInput
            label={t('admin.settings.complaintTellDays')}
            description={t('admin.settings.complaintTellHint')}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...numberField('complaintTellDays')}
          />
        </SimpleGrid>
        <Switch
          label={t('admin.settings.complaintRecuseSameDepartment')}
          description={t('admin.settings.complaintRecuseHint')}
          {...form.getInputProps('complaintRecuseSameDepartment', { type: 'checkbox' })}
          name="complaintRecuseSameDepartment"
        />
        <TextInput label={t('admin.settings.note')} maxLength={LIMITS.note} {...form.getInputProps('note')} />
        {newer && (
          <Alert color="yellow" role="status">
            {t('admin.settings.newerArrived', { rev: doc.rev })}
          </Alert>
        )}
        {formError && (
          <Alert color="red" role="alert">
            {formError}
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
