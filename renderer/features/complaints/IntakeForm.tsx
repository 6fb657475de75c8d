import { Alert, Checkbox, Kbd, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_CHANNELS,
  complaintReceivedPayload,
  type ComplaintChannel,
  type ComplaintLink,
} from '../../../shared/model/complaintEvents.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { queueComplaint, resendRefusedComplaint } from '../../data/complaints/outbox.ts';
import type { ComplaintOutboxRow } from '../../data/db.ts';
import { useDirectory } from '../../data/hooks.ts';
import { FormSubmit } from '../../forms/FormSubmit.tsx';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { complaintErrors, fieldOf, refusalWords } from './complaintErrors.ts';
import {
  intakePayload,
  intakeValuesOf,
  RECEIVED_ON_MAX_AGE_DAYS,
  receivedOnCheck,
  receivedOnRange,
} from './intakePayload.ts';
import { RecordLinkPicker } from './RecordLinkPicker.tsx';

// A named complainant's fields are nested in the payload (complainant.name…); the form keeps them flat. A link's
// own fields (links.2.id) belong to the record picker.
const ALIAS = {
  name: 'complainantName',
  phone: 'complainantPhone',
  organisation: 'complainantOrg',
  id: 'links',
  kind: 'links',
};
const wording = complaintErrors(ALIAS);

/**
 * 投诉受理 (art. 5, 31): any signed-in person, online or not. The complaint goes to the desk's complaint outbox
 * (never the ordinary event log) and HQ takes it at the next sync; `onQueued` tells the screen which one it was.
 */
export function IntakeForm({
  staff,
  onQueued,
  onDirty,
  refused,
}: {
  staff: Staff;
  /** An intake HQ refused, opened to be corrected: the form starts from what was typed and sends it again. */
  refused?: ComplaintOutboxRow;
  onQueued: (complaintId: string) => void;
  /** Whether anything was typed: the drawer then closes only by its × button. */
  onDirty: (dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { db } = useDesk();
  const directory = useDirectory(db);
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: refused
      ? editable(intakeValuesOf(refused.payload))
      : {
          channel: 'hotline' as ComplaintChannel,
          receivedOn: today() as string,
          anonymous: false,
          complainantName: '',
          complainantPhone: '',
          complainantOrg: '',
          accusedStaffIds: [] as string[],
          accusedDepartmentIds: [] as string[],
          account: '',
          links: [] as readonly ComplaintLink[],
          referenceNo: '',
        },
    wording,
    // Every problem at once (not one after another): the payload schema's, then the office's words for an empty
    // name, which the schema would give in zod's generic words.
    check: (v) => {
      const out: Record<string, string | undefined> = {};
      const parsed = complaintReceivedPayload.safeParse(intakePayload(v));
      for (const issue of parsed.error?.issues ?? []) out[fieldOf(issue.path, ALIAS)] ??= issue.message;
      if (!v.anonymous && !v.complainantName.trim()) out.complainantName = 'complainantNameRequired';
      out.receivedOn ??= receivedOnCheck(v.receivedOn, today());
      return out;
    },
  });
  const v = form.getValues();
  const dirty = form.isDirty();
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const save = () =>
    void submit(
      async (values) => {
        const { complaintId } = refused
          ? await resendRefusedComplaint(db, refused.eventId, staff.id, intakePayload(values))
          : await queueComplaint(db, staff.id, intakePayload(values));
        onQueued(complaintId);
      },
      { success: t(refused ? 'complaint.refused.saved' : 'complaint.intake.saved') },
    );
  const staffOptions = [...(directory?.staffById.values() ?? [])]
    .filter((s) => s.active)
    .map((s) => ({ value: s.id as string, label: `${s.name}（${s.title}）` }));
  const departmentOptions = (directory?.departments ?? []).map((d) => ({ value: d.id as string, label: d.name }));
  const channel = field('channel');
  const days = receivedOnRange(today());
  return (
    <form
      aria-label={t('complaint.intake.title')}
      // The date's min/max guide the picker; a day outside them is refused by check() in the office's words, not by
      // the browser's bubble (which would also keep the other problems unsaid).
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={getHotkeyHandler([['mod+Enter', save]])}
    >
      <Stack gap="sm">
        {refused && (
          <Alert color="red" title={t('complaint.refused.title')} data-testid="complaint-refusal">
            {refusalWords(refused, t, (k) => i18n.exists(k))}
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('complaint.field.channel')}
            data={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`complaint.channel.${c}`) }))}
            allowDeselect={false}
            data-autofocus
            {...channel}
            onChange={(value) => value && channel.onChange(value as ComplaintChannel)}
          />
          <TextInput
            type="date"
            label={t('complaint.field.receivedOn')}
            // The picker offers only the days HQ takes; a day typed outside them is refused with words (check).
            min={days.min}
            max={days.max}
            description={t('complaint.intake.receivedOnRange', { days: RECEIVED_ON_MAX_AGE_DAYS })}
            {...form.getInputProps('receivedOn')}
          />
        </SimpleGrid>
        {v.channel === 'referral12345' && (
          <TextInput label={t('complaint.field.referenceNo')} maxLength={40} {...form.getInputProps('referenceNo')} />
        )}
        <Checkbox label={t('complaint.field.anonymous')} {...form.getInputProps('anonymous', { type: 'checkbox' })} />
        {!v.anonymous && (
          <SimpleGrid cols={3} spacing="sm">
            <TextInput
              label={t('complaint.field.complainantName')}
              maxLength={LIMITS.personName}
              withAsterisk
              {...form.getInputProps('complainantName')}
            />
            <TextInput label={t('complaint.field.complainantPhone')} {...form.getInputProps('complainantPhone')} />
            <TextInput
              label={t('complaint.field.complainantOrganisation')}
              maxLength={LIMITS.organisation}
              {...form.getInputProps('complainantOrg')}
            />
          </SimpleGrid>
        )}
        {!v.anonymous && (
          <Text size="xs" c="dimmed">
            {t('complaint.intake.identityProtected')}
          </Text>
        )}
        <MultiSelect
          label={t('complaint.field.accusedStaff')}
          data={staffOptions}
          searchable
          clearable
          {...field('accusedStaffIds')}
        />
        <MultiSelect
          label={t('complaint.field.accusedDepartments')}
          data={departmentOptions}
          searchable
          clearable
          {...field('accusedDepartmentIds')}
        />
        <Textarea
          label={t('complaint.field.account')}
          description={t('complaint.intake.accountHint')}
          withAsterisk
          autosize
          minRows={4}
          maxRows={10}
          maxLength={LIMITS.matter}
          {...form.getInputProps('account')}
        />
        <RecordLinkPicker label={t('complaint.field.links')} {...field('links')} />
        <FormSubmit type="submit" formError={formError} busy={busy}>
          {t(refused ? 'complaint.refused.submit' : 'complaint.intake.submit')}
        </FormSubmit>
        <Text size="xs" c="dimmed">
          <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> {t('complaint.intake.submit')}
        </Text>
      </Stack>
    </form>
  );
}

/** The stored values as the form holds them (mutable lists, as useDeskForm's values are). */
function editable(v: ReturnType<typeof intakeValuesOf>) {
  return {
    ...v,
    accusedStaffIds: [...v.accusedStaffIds],
    accusedDepartmentIds: [...v.accusedDepartmentIds],
  };
}
