import { Alert, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { mayRecordFollowUp } from '../../../shared/rules/followUpPermissions.ts';
import { useDesk } from '../../app/context.tsx';
import { today } from '../../data/calendar.ts';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useFollowUpTask } from '../../data/followUpHooks.ts';
import { useDirectory } from '../../data/hooks.ts';
import { RectificationPanel } from '../satisfaction/RectificationPanel.tsx';
import { LeaderReport, SuggestionOutcome } from './FollowUpDecisions.tsx';
import { FollowUpForm } from './FollowUpForm.tsx';
import { FollowUpHistory } from './FollowUpHistory.tsx';
import { DueBadge } from './DueBadge.tsx';

interface Props {
  readonly subjectId: string | undefined;
  readonly staff: Staff;
  readonly onClose: () => void;
}

/** One follow-up task: what it is about, its history, and the form when this person may make it. */
export function FollowUpDrawer({ subjectId, staff, onClose }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const calendar = useDeskCalendar(db);
  const view = useFollowUpTask(db, subjectId, calendar, today());
  const directory = useDirectory(db);
  const mine = view ? mayRecordFollowUp(staff, view.task) : false;
  const owner = view?.task.owner;
  const ownerName =
    owner?.kind === 'department'
      ? (directory?.departments.find((d) => d.id === owner.departmentId)?.name ?? t('followUp.owner.department'))
      : t('followUp.owner.supervisors');
  return (
    <Drawer
      opened={Boolean(subjectId)}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('followUpDesk.drawerTitle')}
    >
      {view && (
        <Stack gap="md">
          <div>
            <Title order={5}>
              {t(`followUpDesk.subjectKind.${view.task.subject.kind}`)} · {view.matter}
            </Title>
            <Text size="sm">{view.applicant}</Text>
            <Group gap="md" mt={4}>
              <Text size="sm" c="dimmed">
                {t('followUpDesk.endedOn')} {view.task.endedOn}
              </Text>
              <Text size="sm" c="dimmed">
                {t('followUpDesk.owner')} {ownerName}
              </Text>
              <DueBadge view={view} />
            </Group>
          </div>
          <Divider label={t('followUpDesk.history')} labelPosition="left" />
          <FollowUpHistory state={view.state} directory={directory} />
          {view.status.status === 'dissatisfied' && <Alert color="orange">{t('followUpDesk.dissatisfiedHint')}</Alert>}
          {/* A dissatisfied record opened 差评整改: its steps are taken here as in the 好差评 tab. */}
          {(view.state?.rectifications.length ?? 0) > 0 && (
            <>
              <Divider />
              <RectificationPanel staff={staff} target={{ origin: 'followUp', subjectId: view.task.subject.id }} />
            </>
          )}
          {view.status.status === 'done' && <Alert color="teal">{t('followUpDesk.doneHint')}</Alert>}
          <LeaderReport staff={staff} view={view} directory={directory} />
          <SuggestionOutcome staff={staff} view={view} />
          {view.status.status !== 'done' &&
            (mine ? (
              <>
                <Divider />
                <FollowUpForm staff={staff} subjectId={view.task.subject.id} />
              </>
            ) : (
              <Text c="dimmed" size="sm">
                {t('followUpDesk.notYours')}
              </Text>
            ))}
        </Stack>
      )}
    </Drawer>
  );
}
