import { MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_GRAVITIES,
  COMPLAINT_MEASURES,
  type ComplaintGravity,
  type ComplaintMeasure,
} from '../../../shared/model/complaintEvents.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { useDesk } from '../../app/context.tsx';
import { useActiveStaff } from '../../data/hooks.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { actWording, type ActFormProps } from './actFormProps.ts';
import { ActFormShell } from './ActFormShell.tsx';
import { eligibleInvestigators, runningStage } from './availableActs.ts';
import { useNames } from './useNames.ts';

/** The investigators a leader may name: only those the recusal rule allows are offered at all. */
function useInvestigatorOptions(props: ActFormProps) {
  const { db } = useDesk();
  const active = useActiveStaff(db) ?? [];
  return eligibleInvestigators(active, props.state).map((s) => ({
    value: s.id as string,
    label: `${s.name}（${s.title}）`,
  }));
}

/** art. 31 局领导研究确定: 立案调查 with investigators, or (changing) a new team with the reason. */
export function OrderForm(props: ActFormProps & { change?: boolean }) {
  const { t } = useTranslation();
  const options = useInvestigatorOptions(props);
  const { busy, formError, field, form, submit } = useDeskForm({
    initialValues: { investigatorIds: props.change ? [...props.state.investigatorIds] : ([] as string[]), text: '' },
    wording: actWording,
  });
  const save = () =>
    void submit((v) =>
      props.change
        ? props.send('complaint.investigatorsChanged', { investigatorIds: v.investigatorIds, reason: v.text })
        : props.send('complaint.investigationOrdered', { investigatorIds: v.investigatorIds, note: v.text }),
    );
  const text = form.getInputProps('text');
  const textError = props.change ? form.errors.reason : form.errors.note;
  return (
    <ActFormShell
      title={t(props.change ? 'complaint.act.changeInvestigators' : 'complaint.act.order')}
      hint={t('complaint.screen.recusalHint')}
      submitLabel={t(props.change ? 'complaint.act.changeInvestigators' : 'complaint.act.order')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <MultiSelect
        label={t('complaint.field.investigators')}
        data={options}
        searchable
        withAsterisk
        {...field('investigatorIds')}
      />
      <Textarea
        label={t(props.change ? 'complaint.field.reason' : 'complaint.field.note')}
        withAsterisk={props.change}
        autosize
        minRows={2}
        maxLength={props.change ? LIMITS.reason : LIMITS.note}
        {...text}
        error={textError ?? text.error}
      />
    </ActFormShell>
  );
}

/** 不予立案 with the reason, in writing. */
export function DismissForm(props: ActFormProps) {
  const { t } = useTranslation();
  const { busy, formError, form, submit } = useDeskForm({ initialValues: { reason: '' }, wording: actWording });
  const save = () => void submit((v) => props.send('complaint.dismissed', { reason: v.reason }));
  return (
    <ActFormShell
      title={t('complaint.act.dismiss')}
      submitLabel={t('complaint.act.dismiss')}
      color="gray"
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <Textarea
        label={t('complaint.field.reason')}
        withAsterisk
        autosize
        minRows={2}
        maxLength={LIMITS.reason}
        {...form.getInputProps('reason')}
      />
    </ActFormShell>
  );
}

/** 延长期限: the running stage only, by a leader, with the reason; approved or refused on the record. */
export function ExtendForm(props: ActFormProps) {
  const { t } = useTranslation();
  const stage = runningStage(props.state);
  const { busy, formError, form, field, submit } = useDeskForm({
    initialValues: { days: 5 as number | string, reason: '', approved: 'yes' },
    wording: actWording,
  });
  const save = () =>
    void submit((v) =>
      props.send('complaint.extensionDecided', {
        stage,
        days: Number(v.days),
        reason: v.reason,
        approved: v.approved === 'yes',
      }),
    );
  if (!stage) return null;
  return (
    <ActFormShell
      title={t('complaint.act.extend')}
      submitLabel={t('complaint.act.extend')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <Text size="sm">{t('complaint.screen.extendStage', { stage: t(`complaint.stage.${stage}`) })}</Text>
      <NumberInput
        label={t('complaint.field.extensionDays')}
        min={1}
        max={90}
        allowDecimal={false}
        {...form.getInputProps('days')}
      />
      <SegmentedControl
        {...field('approved')}
        data={[
          { value: 'yes', label: t('complaint.screen.approved') },
          { value: 'no', label: t('complaint.screen.refused') },
        ]}
      />
      <Textarea
        label={t('complaint.field.reason')}
        withAsterisk
        autosize
        minRows={2}
        maxLength={LIMITS.reason}
        {...form.getInputProps('reason')}
      />
    </ActFormShell>
  );
}

/** 更正处理措施 (issue 14 point 4): a new entry with its reason; the decision itself is never edited. */
export function CorrectForm(props: ActFormProps) {
  const { t } = useTranslation();
  const names = useNames();
  const decision = props.state.decision;
  const people = decision?.outcome === 'founded' ? decision.measures.map((m) => m.staffId) : [];
  const { busy, formError, form, field, submit } = useDeskForm({
    initialValues: {
      staffId: people[0] ?? '',
      measures: [] as ComplaintMeasure[],
      gravity: 'ordinary' as ComplaintGravity,
      reason: '',
    },
    wording: actWording,
  });
  const save = () => void submit((v) => props.send('complaint.measureCorrected', v));
  const staffId = field('staffId');
  const gravity = field('gravity');
  return (
    <ActFormShell
      title={t('complaint.act.correct')}
      submitLabel={t('complaint.act.correct')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <Stack gap="xs">
        <Select
          label={t('complaint.field.accusedStaff')}
          data={people.map((id) => ({ value: id, label: names.staff(id) }))}
          allowDeselect={false}
          {...staffId}
          onChange={(v) => v && staffId.onChange(v)}
        />
        <MultiSelect
          label={t('complaint.field.measures')}
          data={COMPLAINT_MEASURES.map((m) => ({ value: m, label: t(`complaint.measure.${m}`) }))}
          {...field('measures')}
          onChange={(v) => form.setFieldValue('measures', v as ComplaintMeasure[])}
        />
        <Select
          label={t('complaint.field.gravity')}
          data={COMPLAINT_GRAVITIES.map((g) => ({ value: g, label: t(`complaint.gravity.${g}`) }))}
          allowDeselect={false}
          {...gravity}
          onChange={(v) => v && gravity.onChange(v as ComplaintGravity)}
        />
        <Textarea
          label={t('complaint.field.reason')}
          withAsterisk
          autosize
          minRows={2}
          maxLength={LIMITS.reason}
          {...form.getInputProps('reason')}
        />
      </Stack>
    </ActFormShell>
  );
}
