import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { findingGroundSchema, type ComplaintLink, type FindingGround } from '../../../shared/model/complaintEvents.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { FOLLOW_UP_MEANS, type FollowUpMeans } from '../../../shared/model/satisfaction.ts';
import { earliestStatementDueOn } from '../../../shared/rules/complaint.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { actWording, type ActFormProps } from './actFormProps.ts';
import { complaintErrors } from './complaintErrors.ts';
import { ActFormShell } from './ActFormShell.tsx';
import { RecordLinkPicker } from './RecordLinkPicker.tsx';
import { unheardAccused } from './availableActs.ts';
import { useNames } from './useNames.ts';

// A finding's evidence link refused by the schema (evidenceLinks.1.id) is shown at the record picker.
const findingWording = complaintErrors({ id: 'evidenceLinks', kind: 'evidenceLinks' });

/** 调查核实: one finding at a time, with the desk's records it rests on; the form empties after each. */
export function FindingForm(props: ActFormProps) {
  const { t } = useTranslation();
  const { busy, formError, form, field, submit } = useDeskForm({
    initialValues: { text: '', evidenceLinks: [] as readonly ComplaintLink[] },
    wording: findingWording,
  });
  const save = () =>
    void submit((v) => props.send('complaint.findingRecorded', { text: v.text, evidenceLinks: [...v.evidenceLinks] }), {
      success: t('complaint.screen.saved'),
    });
  return (
    <ActFormShell
      title={t('complaint.act.recordFinding')}
      submitLabel={t('complaint.act.recordFinding')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <Textarea
        label={t('complaint.field.finding')}
        withAsterisk
        autosize
        minRows={3}
        maxLength={LIMITS.matter}
        {...form.getInputProps('text')}
      />
      <RecordLinkPicker label={t('complaint.field.evidence')} {...field('evidenceLinks')} />
    </ActFormShell>
  );
}

/** 调查终结: the conclusion and the art. 32 ground the investigation found (or none). */
export function CloseFindingsForm(props: ActFormProps) {
  const { t } = useTranslation();
  const { busy, formError, form, field, submit } = useDeskForm({
    initialValues: { summary: '', ground: 'none' as FindingGround },
    wording: actWording,
  });
  const ground = field('ground');
  const save = () => void submit((v) => props.send('complaint.findingsClosed', v));
  return (
    <ActFormShell
      title={t('complaint.act.closeFindings')}
      hint={t('complaint.screen.closeFindingsHint')}
      submitLabel={t('complaint.act.closeFindings')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <Textarea
        label={t('complaint.field.summary')}
        withAsterisk
        autosize
        minRows={3}
        maxLength={LIMITS.explanation}
        {...form.getInputProps('summary')}
      />
      <Select
        label={t('complaint.field.ground')}
        data={findingGroundSchema.options.map((g) => ({ value: g, label: t(`complaint.ground.${g}`) }))}
        allowDeselect={false}
        {...ground}
        onChange={(v) => v && ground.onChange(v as FindingGround)}
      />
    </ActFormShell>
  );
}

/** 告知陈述申辩: invite an accused person not yet heard (declining is theirs alone, in 我的陈述申辩). */
export function StatementActForm(props: ActFormProps) {
  const { t } = useTranslation();
  const names = useNames();
  const people = unheardAccused(props.state);
  const earliest = earliestStatementDueOn(props.today, props.context.calendar, props.context.settings);
  const { busy, formError, form, field, submit } = useDeskForm({
    initialValues: { staffId: people[0] ?? '', dueOn: earliest as string },
    wording: actWording,
  });
  const staffId = field('staffId');
  const save = () =>
    void submit((v) => props.send('complaint.statementInvited', { staffId: v.staffId, dueOn: v.dueOn }));
  const title = t('complaint.act.inviteStatement');
  return (
    <ActFormShell
      title={title}
      hint={t('complaint.screen.inviteHint', { date: earliest })}
      submitLabel={title}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('complaint.field.accusedStaff')}
          data={people.map((id) => ({ value: id, label: names.staff(id) }))}
          allowDeselect={false}
          {...staffId}
          onChange={(v) => v && staffId.onChange(v)}
        />
        <TextInput
          type="date"
          label={t('complaint.field.statementDueOn')}
          min={earliest}
          {...form.getInputProps('dueOn')}
        />
      </SimpleGrid>
    </ActFormShell>
  );
}

/** 告知投诉人 the outcome: the day and the means, as for a follow-up. */
export function TellForm(props: ActFormProps) {
  const { t } = useTranslation();
  const { busy, formError, form, field, submit } = useDeskForm({
    initialValues: { on: props.today as string, how: 'phone' as FollowUpMeans, note: '' },
    wording: actWording,
  });
  const how = field('how');
  const save = () => void submit((v) => props.send('complaint.complainantTold', v));
  return (
    <ActFormShell
      title={t('complaint.act.tell')}
      submitLabel={t('complaint.act.tell')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <SimpleGrid cols={2} spacing="sm">
        <TextInput type="date" label={t('complaint.field.toldOn')} max={props.today} {...form.getInputProps('on')} />
        <Select
          label={t('complaint.field.toldHow')}
          data={FOLLOW_UP_MEANS.map((m) => ({ value: m, label: t(`followUp.means.${m}`) }))}
          allowDeselect={false}
          {...how}
          onChange={(v) => v && how.onChange(v as FollowUpMeans)}
        />
      </SimpleGrid>
      <Textarea
        label={t('complaint.field.note')}
        autosize
        minRows={2}
        maxLength={LIMITS.note}
        {...form.getInputProps('note')}
      />
    </ActFormShell>
  );
}

/** 办结. */
export function CloseForm(props: ActFormProps) {
  const { t } = useTranslation();
  const { busy, formError, form, submit } = useDeskForm({ initialValues: { note: '' }, wording: actWording });
  const save = () => void submit((v) => props.send('complaint.closed', v));
  return (
    <ActFormShell
      title={t('complaint.act.close')}
      submitLabel={t('complaint.act.close')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <Textarea
        label={t('complaint.field.note')}
        autosize
        minRows={2}
        maxLength={LIMITS.note}
        {...form.getInputProps('note')}
      />
    </ActFormShell>
  );
}
