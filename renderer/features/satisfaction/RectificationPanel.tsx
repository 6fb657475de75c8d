import { Alert, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import type { RectificationAct, RectificationState } from '../../../shared/rules/rectification.ts';
import { formatDateTime } from '../../app/format.ts';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useDirectory } from '../../data/hooks.ts';
import { useRectificationItem } from '../../data/rating/ratingViewHooks.ts';
import type { RectificationItem, RectificationTarget } from '../../data/rating/rectificationItems.ts';
import { maySpeakFor, mayWorkOnRectification } from '../../data/rating/rectificationPermissions.ts';
import { FeedbackStep, RectifyStep, VerifyStep } from './RectificationSteps.tsx';
import { RectificationDue, StageBadge } from './RectificationDue.tsx';

/**
 * 差评整改 of one bad rating or dissatisfied follow-up: the steps taken, and the next one as a form when it is this
 * person's to take. The same panel serves the 好差评 tab and the follow-up drawer.
 */
export function RectificationPanel({ staff, target }: { staff: Staff; target: RectificationTarget }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const calendar = useDeskCalendar(db);
  const item = useRectificationItem(db, target, calendar, today());
  if (!item) return null;
  return (
    <Stack gap="sm" data-testid="rectification-panel">
      <Group gap="sm">
        <Title order={5}>{t('satisfaction.drawer.title')}</Title>
        <StageBadge item={item} />
        <RectificationDue item={item} />
      </Group>
      <StepHistory rectification={item.rectification} />
      <NextStep staff={staff} item={item} />
    </Stack>
  );
}

function StepHistory({ rectification: r }: { rectification: RectificationState }) {
  const { t } = useTranslation();
  const active = r.feedback ? 3 : r.decision ? 2 : r.verification ? 1 : 0;
  return (
    <Timeline active={active - 1} bulletSize={16} lineWidth={2}>
      <Timeline.Item title={t('satisfaction.steps.verify')}>
        <StepDone act={r.verification} testId="step-verified">
          {r.verification &&
            t('satisfaction.record.verified', {
              date: r.verification.on,
              means: t(`followUp.means.${r.verification.means}`),
              note: r.verification.note,
            })}
        </StepDone>
      </Timeline.Item>
      <Timeline.Item title={t('satisfaction.steps.rectify')}>
        <StepDone act={r.decision} testId="step-rectified">
          {r.decision &&
            t(r.decision.dueOn ? 'satisfaction.record.rectifiedBy' : 'satisfaction.record.rectified', {
              mode: t(`followUp.rectificationMode.${r.decision.mode}`),
              date: r.decision.dueOn,
              note: r.decision.note,
            })}
        </StepDone>
      </Timeline.Item>
      <Timeline.Item title={t('satisfaction.steps.feedback')}>
        <StepDone act={r.feedback} testId="step-feedback" note={r.feedback?.note}>
          {r.feedback &&
            `${t('satisfaction.record.feedback', { date: r.feedback.on, how: t(`followUp.means.${r.feedback.how}`) })} · ${
              r.feedback.newLevel
                ? t('satisfaction.record.newLevel', { level: t(`followUp.level.${r.feedback.newLevel}`) })
                : t('satisfaction.record.noNewLevel')
            }`}
        </StepDone>
      </Timeline.Item>
    </Timeline>
  );
}

/** A step as recorded (what, an optional note, who and when), or that it is still to be taken. */
function StepDone(props: { act?: RectificationAct; testId: string; note?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const directory = useDirectory(db);
  const { act } = props;
  if (!act) {
    return (
      <Text size="sm" c="dimmed">
        {t('satisfaction.record.pending')}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" data-testid={props.testId}>
        {props.children}
      </Text>
      {props.note && <Text size="sm">{props.note}</Text>}
      <Text size="xs" c="dimmed">
        {t('satisfaction.record.by', {
          name: directory?.staffById.get(act.by)?.name ?? act.by,
          at: formatDateTime(act.at),
        })}
      </Text>
    </>
  );
}

/** The next step as a form, or why there is none for this person. */
function NextStep({ staff, item }: { staff: Staff; item: RectificationItem }) {
  const { t } = useTranslation();
  if (item.invalid) return <Alert color="gray">{t('satisfaction.invalidNoSteps')}</Alert>;
  if (!item.current || item.status.stage === 'done') return <Text c="teal">{t('satisfaction.closed')}</Text>;
  if (!mayWorkOnRectification(staff, item)) {
    return (
      <Text size="sm" c="dimmed">
        {t('satisfaction.notYours')}
      </Text>
    );
  }
  // The rated person takes none of the three steps (HQ refuses them too): say so instead of offering a form.
  if (!maySpeakFor(staff, item)) {
    return item.status.stage === 'verify' ? (
      <Alert color="yellow" data-testid="rated-may-not-verify">
        {t('satisfaction.ratedMayNotVerify')}
      </Alert>
    ) : (
      <Alert color="yellow" data-testid="rated-may-not-rectify">
        {t('satisfaction.ratedMayNotRate')}
      </Alert>
    );
  }
  // Keyed by the target and stage: the next step's form mounts fresh, its first field focused.
  const key = `${item.id}:${item.status.stage}`;
  switch (item.status.stage) {
    case 'verify':
      return <VerifyStep key={key} staff={staff} target={item.target} />;
    case 'rectify':
      return <RectifyStep key={key} staff={staff} target={item.target} />;
    case 'feedback':
      return <FeedbackStep key={key} staff={staff} target={item.target} mayRate />;
  }
}
