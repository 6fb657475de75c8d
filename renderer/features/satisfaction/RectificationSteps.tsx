import { Radio, Group, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/model/limits.ts';
import { RECTIFICATION_MODES, type RectificationMode } from '../../../shared/model/rectification.ts';
import {
  FOLLOW_UP_MEANS,
  RATING_LEVELS,
  type FollowUpMeans,
  type RatingLevel,
} from '../../../shared/model/satisfaction.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import type { RectificationTarget } from '../../data/rating/rectificationItems.ts';
import {
  giveRectificationFeedback,
  recordRectification,
  verifyRectification,
} from '../../data/rating/rectificationOperations.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { useAuthor } from '../../stores/session.ts';
import { satisfactionErrors } from './satisfactionErrors.ts';
import { StepForm } from './StepForm.tsx';

// The three steps of 差评整改 as forms (useDeskForm): each opens with the focus on its first field, saves with
// Ctrl+Enter, and a refusal lands under its field with the values kept.

interface StepProps {
  readonly staff: Staff;
  readonly target: RectificationTarget;
}

function MeansChoice({ label, ...input }: { label: string } & Record<string, unknown>) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={label} {...input}>
      <Group gap="md" mt={4}>
        {FOLLOW_UP_MEANS.map((m) => (
          <Radio key={m} value={m} label={t(`followUp.means.${m}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** 核实回访: the day, how the applicant was reached, what the call-back found. */
export function VerifyStep({ staff, target }: StepProps) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm<{ on: string; means: FollowUpMeans; note: string }>({
    initialValues: { on: today(), means: 'phone', note: '' },
    wording: satisfactionErrors,
  });
  const save = () =>
    void submit((v) => verifyRectification(db, author, target, v), { success: t('satisfaction.form.verified') });
  return (
    <StepForm
      label={t('satisfaction.steps.verify')}
      submitLabel={t('satisfaction.form.saveVerify')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <TextInput
        type="date"
        label={t('satisfaction.form.verifyOn')}
        data-autofocus
        autoFocus
        {...form.getInputProps('on')}
      />
      <MeansChoice label={t('satisfaction.form.means')} {...form.getInputProps('means')} />
      <Textarea
        label={t('satisfaction.form.verifyNote')}
        maxLength={LIMITS.note}
        autosize
        minRows={2}
        {...form.getInputProps('note')}
      />
    </StepForm>
  );
}

/** 立行立改 / 限期整改 (with the day the fix is done by) / 解释说明. */
export function RectifyStep({ staff, target }: StepProps) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm<{ mode: RectificationMode; dueOn: string; note: string }>({
    initialValues: { mode: 'immediate', dueOn: '', note: '' },
    wording: satisfactionErrors,
  });
  const save = () =>
    void submit(
      ({ mode, dueOn, note }) =>
        recordRectification(db, author, target, { mode, note, ...(mode === 'byDate' && dueOn ? { dueOn } : {}) }),
      { success: t('satisfaction.form.rectified') },
    );
  const byDate = form.getValues().mode === 'byDate';
  return (
    <StepForm
      label={t('satisfaction.steps.rectify')}
      submitLabel={t('satisfaction.form.saveRectify')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <Radio.Group label={t('satisfaction.form.mode')} {...form.getInputProps('mode')}>
        <Group gap="md" mt={4}>
          {RECTIFICATION_MODES.map((m, i) => (
            <Radio
              key={m}
              value={m}
              label={t(`followUp.rectificationMode.${m}`)}
              {...(i === 0 ? { 'data-autofocus': true, autoFocus: true } : {})}
            />
          ))}
        </Group>
      </Radio.Group>
      {byDate && (
        <TextInput type="date" label={t('satisfaction.form.dueOn')} min={today()} {...form.getInputProps('dueOn')} />
      )}
      <Textarea
        label={t('satisfaction.form.rectifyNote')}
        maxLength={LIMITS.explanation}
        autosize
        minRows={2}
        {...form.getInputProps('note')}
      />
    </StepForm>
  );
}

const NO_NEW_LEVEL = 'none';

/** 反馈: the day and how the applicant was told, and their new rating where they give one. */
export function FeedbackStep({ staff, target, mayRate }: StepProps & { mayRate: boolean }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm<{
    on: string;
    how: FollowUpMeans;
    newLevel: RatingLevel | typeof NO_NEW_LEVEL;
    note: string;
  }>({ initialValues: { on: today(), how: 'phone', newLevel: NO_NEW_LEVEL, note: '' }, wording: satisfactionErrors });
  const save = () =>
    void submit(
      ({ newLevel, note, ...rest }) =>
        giveRectificationFeedback(db, author, target, {
          ...rest,
          ...(newLevel !== NO_NEW_LEVEL ? { newLevel } : {}),
          ...(note.trim() ? { note } : {}),
        }),
      { success: t('satisfaction.form.fedBack') },
    );
  return (
    <StepForm
      label={t('satisfaction.steps.feedback')}
      submitLabel={t('satisfaction.form.saveFeedback')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <TextInput
        type="date"
        label={t('satisfaction.form.feedbackOn')}
        data-autofocus
        autoFocus
        {...form.getInputProps('on')}
      />
      <MeansChoice label={t('satisfaction.form.how')} {...form.getInputProps('how')} />
      {mayRate && (
        <Select
          label={t('satisfaction.form.newLevel')}
          allowDeselect={false}
          data={[
            { value: NO_NEW_LEVEL, label: t('satisfaction.form.noNewLevel') },
            ...RATING_LEVELS.map((l) => ({ value: l, label: t(`followUp.level.${l}`) })),
          ]}
          {...form.getInputProps('newLevel')}
        />
      )}
      <Textarea
        label={t('satisfaction.form.feedbackNote')}
        maxLength={LIMITS.note}
        autosize
        minRows={2}
        {...form.getInputProps('note')}
      />
    </StepForm>
  );
}
