import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUGGESTION_OUTCOMES } from '../../../shared/model/followUpEvents.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { mayRecordFollowUp } from '../../../shared/rules/followUpPermissions.ts';
import { useDesk } from '../../app/context.tsx';
import { considerSuggestion, informLeader } from '../../data/followUpOperations.ts';
import type { FollowUpTaskView } from '../../data/followUps.ts';
import type { Directory } from '../../data/hooks.ts';
import { useAuthor } from '../../stores/session.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { followUpErrors } from './followUpErrors.ts';

type Outcome = (typeof SUGGESTION_OUTCOMES)[number];

/**
 * art. 30 及时向领导报告: a strong follow-up not yet reported — its owner names a leader, a leader takes it as
 * acknowledged by themselves.
 */
export function LeaderReport({
  staff,
  view,
  directory,
}: {
  staff: Staff;
  view: FollowUpTaskView;
  directory?: Directory;
}) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const isLeader = staff.roles.includes('leader');
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: { leaderId: (isLeader ? staff.id : null) as string | null, note: '' },
    wording: followUpErrors,
  });
  const leader = field('leaderId');
  if (!view.state?.leaderReportDue || (!isLeader && !mayRecordFollowUp(staff, view.task))) return null;
  const report = () =>
    leader.value &&
    void submit(
      (v) => informLeader(db, author, view.task.subject.id, { leaderId: v.leaderId as StaffId, note: v.note }),
      { success: t('followUpDesk.leader.informed'), keep: true },
    );
  return (
    <Stack gap="xs">
      <Alert color="red">{t('followUp.strongRule')}</Alert>
      <Group align="end">
        {!isLeader && (
          <Select
            label={t('followUpDesk.leader.choose')}
            data={(directory?.leaders ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.title}）` }))}
            {...leader}
          />
        )}
        <TextInput label={t('followUpDesk.leader.note')} {...form.getInputProps('note')} />
        <Button color="red" loading={busy} disabled={!leader.value} onClick={report}>
          {isLeader ? t('followUpDesk.leader.acknowledge') : t('followUpDesk.leader.inform')}
        </Button>
      </Group>
      {formError && <Text c="red">{formError}</Text>}
    </Stack>
  );
}

/** art. 30 完善相关制度: a leader or supervisor records what became of the applicant's suggestions. */
export function SuggestionOutcome({ staff, view }: { staff: Staff; view: FollowUpTaskView }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: { outcome: 'underStudy' as Outcome, note: '' },
    wording: followUpErrors,
  });
  const outcome = field('outcome');
  const bureau = staff.roles.includes('leader') || staff.roles.includes('supervisor');
  if (!bureau || !view.state?.records.some((r) => r.suggestions)) return null;
  return (
    <Stack gap="xs">
      <Title order={6}>{t('followUpDesk.suggestion.title')}</Title>
      <Group align="end">
        <Select
          label={t('followUpDesk.suggestion.outcome')}
          data={SUGGESTION_OUTCOMES.map((o) => ({ value: o, label: t(`followUp.suggestionOutcome.${o}`) }))}
          {...outcome}
          allowDeselect={false}
          onChange={(v) => v && outcome.onChange(v as Outcome)}
        />
        <TextInput label={t('followUpDesk.suggestion.note')} {...form.getInputProps('note')} />
        <Button
          loading={busy}
          onClick={() =>
            // The outcome chosen stays for the next suggestion; the note was about this one.
            void submit((v) => considerSuggestion(db, author, view.task.subject.id, v), {
              success: t('followUpDesk.suggestion.saved'),
              keep: ['outcome'],
            })
          }
        >
          {t('followUpDesk.suggestion.save')}
        </Button>
      </Group>
      {formError && <Text c="red">{formError}</Text>}
    </Stack>
  );
}
