import { Alert, Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState } from 'react';
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
import { useDesk } from '../../app/context.tsx';
import { recordAttempt, recordFollowUp } from '../../data/followUpOperations.ts';
import { useAuthor } from '../../stores/session.ts';
import { useAction } from '../contact/useAction.ts';
import { followUpErrors } from './followUpErrors.ts';

const NOT_SAID = '';
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
  const { errors, busy, run, clear } = useAction(followUpErrors);
  const [means, setMeans] = useState<FollowUpMeans>('phone');
  const [reached, setReached] = useState(true);
  const [result, setResult] = useState<Result>('yes');
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [opinions, setOpinions] = useState('');
  const [suggestions, setSuggestions] = useState('');
  const [note, setNote] = useState('');
  const [strong, setStrong] = useState(false);

  const reset = () => {
    setRatings({});
    setOpinions('');
    setSuggestions('');
    setNote('');
    setStrong(false);
  };
  const save = async () => {
    const ok = reached
      ? await run(
          () =>
            recordFollowUp(db, author, subjectId, {
              means,
              resultAsRecorded: result,
              ratings: Object.fromEntries(Object.entries(ratings).filter(([, v]) => v !== NOT_SAID)) as FollowUpRatings,
              opinions,
              suggestions,
              strong,
            }),
          t('followUpDesk.form.recordSaved'),
        )
      : await run(() => recordAttempt(db, author, subjectId, { means, note }), t('followUpDesk.form.attemptSaved'));
    if (ok) reset();
  };
  const levelOptions = [
    ...RATING_LEVELS.map((l: RatingLevel) => ({ value: l, label: t(`followUp.level.${l}`) })),
    { value: NOT_SAID, label: t('followUpDesk.form.notSaid') },
  ];

  return (
    <form
      aria-label={t('followUpDesk.drawerTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
    >
      <Stack gap="sm">
        <Choice label={t('followUpDesk.form.means')}>
          <SegmentedControl
            value={means}
            onChange={(v) => setMeans(v as FollowUpMeans)}
            data={FOLLOW_UP_MEANS.map((m) => ({ value: m, label: t(`followUp.means.${m}`) }))}
          />
        </Choice>
        <Choice label={t('followUpDesk.form.reached')}>
          <SegmentedControl
            value={reached ? 'yes' : 'no'}
            onChange={(v) => setReached(v === 'yes')}
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
                value={result}
                onChange={(v) => setResult(v as Result)}
                data={RESULT_AS_RECORDED.map((r) => ({ value: r, label: t(`followUp.resultAsRecorded.${r}`) }))}
              />
            </Choice>
            <Text fw={500} size="sm">
              {t('followUpDesk.form.ratings')}
            </Text>
            {RATED_ASPECTS.map((aspect) => (
              <Choice key={aspect} label={t(`followUp.aspect.${aspect}`)}>
                <SegmentedControl
                  value={ratings[aspect] ?? NOT_SAID}
                  onChange={(v) => setRatings((r) => ({ ...r, [aspect]: v }))}
                  data={levelOptions}
                />
              </Choice>
            ))}
            <Textarea
              label={t('followUpDesk.form.opinions')}
              value={opinions}
              error={errors.opinions}
              autosize
              minRows={2}
              onChange={(e) => {
                setOpinions(e.currentTarget.value);
                clear('opinions');
              }}
            />
            <Textarea
              label={t('followUpDesk.form.suggestions')}
              value={suggestions}
              error={errors.suggestions}
              autosize
              minRows={2}
              onChange={(e) => {
                setSuggestions(e.currentTarget.value);
                clear('suggestions');
              }}
            />
            <Checkbox
              label={t('followUpDesk.form.strong')}
              checked={strong}
              onChange={(e) => setStrong(e.currentTarget.checked)}
            />
          </>
        ) : (
          <Textarea
            label={t('followUpDesk.form.note')}
            value={note}
            error={errors.note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              clear('note');
            }}
          />
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
