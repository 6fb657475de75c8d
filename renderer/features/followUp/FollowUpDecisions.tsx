import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
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
import { useAction } from '../contact/useAction.ts';
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
  const { errors, busy, run } = useAction(followUpErrors);
  const isLeader = staff.roles.includes('leader');
  const [leaderId, setLeaderId] = useState<string | null>(isLeader ? staff.id : null);
  const [note, setNote] = useState('');
  if (!view.state?.leaderReportDue || (!isLeader && !mayRecordFollowUp(staff, view.task))) return null;
  const submit = () =>
    leaderId &&
    void run(
      () => informLeader(db, author, view.task.subject.id, { leaderId: leaderId as StaffId, note }),
      t('followUpDesk.leader.informed'),
    );
  return (
    <Stack gap="xs">
      <Alert color="red">{t('followUp.strongRule')}</Alert>
      <Group align="end">
        {!isLeader && (
          <Select
            label={t('followUpDesk.leader.choose')}
            data={(directory?.leaders ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.title}）` }))}
            value={leaderId}
            onChange={setLeaderId}
            error={errors.leaderId}
          />
        )}
        <TextInput
          label={t('followUpDesk.leader.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button color="red" loading={busy} disabled={!leaderId} onClick={submit}>
          {isLeader ? t('followUpDesk.leader.acknowledge') : t('followUpDesk.leader.inform')}
        </Button>
      </Group>
      {errors.form && <Text c="red">{errors.form}</Text>}
    </Stack>
  );
}

/** art. 30 完善相关制度: a leader or supervisor records what became of the applicant's suggestions. */
export function SuggestionOutcome({ staff, view }: { staff: Staff; view: FollowUpTaskView }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run, clear } = useAction(followUpErrors);
  const [outcome, setOutcome] = useState<Outcome>('underStudy');
  const [note, setNote] = useState('');
  const bureau = staff.roles.includes('leader') || staff.roles.includes('supervisor');
  if (!bureau || !view.state?.records.some((r) => r.suggestions)) return null;
  return (
    <Stack gap="xs">
      <Title order={6}>{t('followUpDesk.suggestion.title')}</Title>
      <Group align="end">
        <Select
          label={t('followUpDesk.suggestion.outcome')}
          data={SUGGESTION_OUTCOMES.map((o) => ({ value: o, label: t(`followUp.suggestionOutcome.${o}`) }))}
          value={outcome}
          allowDeselect={false}
          onChange={(v) => v && setOutcome(v as Outcome)}
        />
        <TextInput
          label={t('followUpDesk.suggestion.note')}
          value={note}
          error={errors.note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            clear('note');
          }}
        />
        <Button
          loading={busy}
          onClick={() =>
            void run(
              () => considerSuggestion(db, author, view.task.subject.id, { outcome, note }),
              t('followUpDesk.suggestion.saved'),
            ).then((ok) => ok && setNote(''))
          }
        >
          {t('followUpDesk.suggestion.save')}
        </Button>
      </Group>
      {errors.form && <Text c="red">{errors.form}</Text>}
    </Stack>
  );
}
