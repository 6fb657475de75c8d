import { Radio, Group, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/model/limits.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { appealRating, decideAppeal } from '../../data/rating/appealOperations.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { useAuthor } from '../../stores/session.ts';
import { satisfactionErrors } from './satisfactionErrors.ts';
import { StepForm } from './StepForm.tsx';

/** 申诉: the rated person's grounds, once. */
export function AppealForm({ staff, ratingKey }: { staff: Staff; ratingKey: string }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm({ initialValues: { reason: '' }, wording: satisfactionErrors });
  const save = () =>
    void submit((v) => appealRating(db, author, ratingKey, v), { success: t('satisfaction.appeal.submitted') });
  return (
    <StepForm
      label={t('satisfaction.appeal.submit')}
      submitLabel={t('satisfaction.appeal.submit')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <Textarea
        label={t('satisfaction.appeal.reason')}
        maxLength={LIMITS.reason}
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </StepForm>
  );
}

/** 复核: upheld (差评无效) or not (维持差评), with the reasons; privileged, so shown only inside ProvenOnly. */
export function AppealDecisionForm({ staff, ratingKey }: { staff: Staff; ratingKey: string }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = useDeskForm<{ decision: '' | 'upheld' | 'rejected'; reason: string }>({
    initialValues: { decision: '', reason: '' },
    wording: satisfactionErrors,
    check: (v) => ({ decision: v.decision ? undefined : 'decisionRequired' }),
    // Privileged: synced at once, while the decider's session is surely live.
    decision: true,
  });
  const save = () =>
    void submit(
      ({ decision, reason }) => decideAppeal(db, author, ratingKey, { upheld: decision === 'upheld', reason }),
      { success: t('satisfaction.appeal.decided') },
    );
  return (
    <StepForm
      label={t('satisfaction.appeal.decision')}
      submitLabel={t('satisfaction.appeal.decide')}
      busy={busy}
      formError={formError}
      onSave={save}
    >
      <Radio.Group label={t('satisfaction.appeal.decision')} {...form.getInputProps('decision')}>
        <Group gap="md" mt={4}>
          <Radio value="upheld" label={t('satisfaction.appeal.upheld')} data-autofocus />
          <Radio value="rejected" label={t('satisfaction.appeal.notUpheld')} />
        </Group>
      </Radio.Group>
      <Textarea
        label={t('satisfaction.appeal.decisionReason')}
        maxLength={LIMITS.reason}
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </StepForm>
  );
}
