import { Alert, Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { RESULT_AS_RECORDED, type FollowUpRatings } from '../../../shared/model/followUpEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import {
  FOLLOW_UP_MEANS,
  RATED_ASPECTS,
  RATING_LEVELS,
  type FollowUpMeans,
  type RatingLevel,
} from '../../../shared/model/satisfaction.ts';
import { strongByBureauRule } from '../../../shared/rules/strongDissatisfaction.ts';
import { useDesk } from '../../app/context.tsx';
import { recordAttempt, recordFollowUp } from '../../data/followUpOperations.ts';
import { useSettings } from '../../data/hooks.ts';
import { useAuthor } from '../../stores/session.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { followUpErrors } from './followUpErrors.ts';

const NOT_SAID = '';

/** The aspects the applicant rated; 未表态 ones are left out. */
const saidRatings = (chosen: Record<string, string>) =>
  Object.fromEntries(Object.entries(chosen).filter(([, level]) => level !== NOT_SAID)) as FollowUpRatings;
type Result = (typeof RESULT_AS_RECORDED)[number];

/**
 * art. 28–29: one follow-up — the means, reached or not (a try not reached is counted), and when reached whether
 * the result was as recorded, the five aspects on the five levels, opinions, suggestions and 反映强烈. Keyboard
 * first: each choice is a radio group (arrow keys), Ctrl+Enter saves from anywhere in the form.
 */
export function FollowUpForm({ staff, subjectId }: { staff: Staff; subjectId: string }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, errors, field, submit } = useDeskForm({
    initialValues: {
      means: 'phone' as FollowUpMeans,
      reached: true,
      result: 'yes' as Result,
      ratings: {} as Record<string, string>,
      opinions: '',
      suggestions: '',
      note: '',
      strong: false,
    },
    wording: followUpErrors,
  });
  const { reached } = form.getValues();
  const ratings = field('ratings');
  // art. 30: the bureau's rule may make this follow-up 反映强烈 whatever is ticked; the desk says so before saving.
  const strongWhen = useSettings(db)?.followUp?.strongWhen ?? 'overall';
  const strongByRule = strongByBureauRule(saidRatings(ratings.value), strongWhen);
  // The means, reached and the result usually hold for the next call too; what the applicant said does not.
  const keep = ['means', 'reached', 'result'] as const;
  const save = () =>
    void (form.getValues().reached
      ? submit(
          (v) =>
            recordFollowUp(db, author, subjectId, {
              means: v.means,
              resultAsRecorded: v.result,
              ratings: saidRatings(v.ratings),
              opinions: v.opinions,
              suggestions: v.suggestions,
              strong: v.strong,
            }),
          { success: t('followUpDesk.form.recordSaved'), keep: [...keep] },
        )
      : submit((v) => recordAttempt(db, author, subjectId, { means: v.means, note: v.note }), {
          success: t('followUpDesk.form.attemptSaved'),
          keep: [...keep],
        }));
  const levelOptions = [
    ...RATING_LEVELS.map((l: RatingLevel) => ({ value: l, label: t(`followUp.level.${l}`) })),
    { value: NOT_SAID, label: t('followUpDesk.form.notSaid') },
  ];

  return (
    <form
      aria-label={t('followUpDesk.drawerTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={getHotkeyHandler([['mod+Enter', save]])}
    >
      <Stack gap="sm">
        <Choice label={t('followUpDesk.form.means')}>
          <SegmentedControl
            {...form.getInputProps('means')}
            data={FOLLOW_UP_MEANS.map((m) => ({ value: m, label: t(`followUp.means.${m}`) }))}
          />
        </Choice>
        <Choice label={t('followUpDesk.form.reached')}>
          <SegmentedControl
            value={reached ? 'yes' : 'no'}
            onChange={(v) => form.setFieldValue('reached', v === 'yes')}
            data={[
              { value: 'yes', label: t('followUpDesk.form.reachedYes') },
              { value: 'no', label: t('followUpDesk.form.reachedNo') },
            ]}
          />
        </Choice>
        {reached ? (
          <>
            <Choice label={t('followUpDesk.form.result')}>
              <SegmentedControl
                {...form.getInputProps('result')}
                data={RESULT_AS_RECORDED.map((r) => ({ value: r, label: t(`followUp.resultAsRecorded.${r}`) }))}
              />
            </Choice>
            <Text fw={500} size="sm">
              {t('followUpDesk.form.ratings')}
            </Text>
            {RATED_ASPECTS.map((aspect) => (
              <Choice key={aspect} label={t(`followUp.aspect.${aspect}`)}>
                <SegmentedControl
                  value={ratings.value[aspect] ?? NOT_SAID}
                  onChange={(v) => ratings.onChange({ ...ratings.value, [aspect]: v })}
                  data={levelOptions}
                />
              </Choice>
            ))}
            <Textarea
              label={t('followUpDesk.form.opinions')}
              {...form.getInputProps('opinions')}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('followUpDesk.form.suggestions')}
              {...form.getInputProps('suggestions')}
              autosize
              minRows={2}
            />
            <Checkbox
              label={t('followUpDesk.form.strong')}
              {...form.getInputProps('strong', { type: 'checkbox' })}
              {...(strongByRule ? { checked: true, disabled: true } : {})}
              description={
                strongByRule
                  ? t('followUpDesk.form.strongByRule', { rule: t(`admin.settings.followUpStrongRules.${strongWhen}`) })
                  : undefined
              }
            />
          </>
        ) : (
          <Textarea label={t('followUpDesk.form.note')} {...form.getInputProps('note')} />
        )}
        {(errors.form || errors.means || errors.ratings) && (
          <Alert color="red" role="alert">
            {errors.form || errors.means || errors.ratings}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('followUpDesk.form.shortcut')}
          </Text>
          <Button type="submit" loading={busy}>
            {reached ? t('followUpDesk.form.saveRecord') : t('followUpDesk.form.saveAttempt')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A labelled radio group: the label names the group for screen readers and for the keyboard path. */
function Choice({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      {children}
    </div>
  );
}
