import { AppShell, Badge, Button, Group, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../shared/model/reference.ts';
import { useDeviceLabel, useInboxCount } from '../data/hooks.ts';
import { AdminScreen } from '../features/admin/AdminScreen.tsx';
import { CalendarBanner } from '../features/calendar/CalendarBanner.tsx';
import { CasesScreen } from '../features/cases/CasesScreen.tsx';
import { ComplaintsScreen } from '../features/complaints/ComplaintsScreen.tsx';
import { EndOfDayScreen } from '../features/endOfDay/EndOfDayScreen.tsx';
import { FollowUpBoard, seesFollowUpBoard } from '../features/followUp/FollowUpBoard.tsx';
import { InboxScreen } from '../features/inbox/InboxScreen.tsx';
import { useFollowUpCount } from '../features/inbox/useFollowUpCount.ts';
import { useRectificationInbox } from '../features/inbox/useRectificationInbox.ts';
import { usePendingCaseRejections } from '../data/caseHooks.ts';
import { ReportsScreen, seesReports } from '../features/reports/ReportsScreen.tsx';
import { PublicCommitmentScreen } from '../features/publicCommitment/PublicCommitmentScreen.tsx';
import { TodayStrip } from '../features/today/TodayStrip.tsx';
import { RegisterScreen } from '../features/register/RegisterScreen.tsx';
import { SatisfactionScreen } from '../features/satisfaction/SatisfactionScreen.tsx';
import { SyncIndicator } from '../features/sync/SyncIndicator.tsx';
import { useNav, type Screen } from '../stores/nav.ts';
import { useProvenSession, useSession } from '../stores/session.ts';
import { useDesk } from './context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Shell({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const deskLabel = useDeviceLabel(db);
  // The tab counts what the inbox lists: contacts waiting for this person, a leader's 不予受理 to review, their
  // follow-ups (art. 27–30) and the 差评整改 due today or overdue that they owe.
  const inboxCount =
    (useInboxCount(db, staff.id) ?? 0) +
    (usePendingCaseRejections(db, staff.id)?.length ?? 0) +
    (useFollowUpCount(staff) ?? 0) +
    (useRectificationInbox(staff)?.length ?? 0);
  const { lock, signOut } = useSession();
  // Signed in offline: what this person does now is the desk's word, and their decisions wait for the network.
  const proven = useProvenSession(staff);
  const { screen, go } = useNav();
  // The screen keys work from any field (a clerk types, then jumps), but never while a drawer or dialog is open:
  // changing screens would close it and lose what was typed there.
  const jump = (to: Screen) => () => {
    if (!document.querySelector('[role="dialog"][aria-modal="true"]')) go(to);
  };
  useHotkeys(
    [
      ['alt+R', jump('register')],
      ['alt+I', jump('inbox')],
      ['alt+C', jump('cases')],
      ['alt+E', jump('endOfDay')],
    ],
    [],
  );
  return (
    <AppShell header={{ height: 112 }} padding="md">
      <AppShell.Header px="md">
        <Group h={64} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={3}>{t('app.name')}</Title>
            <Text c="dimmed" size="sm">
              {t('app.desk')} {deskLabel}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <TodayStrip staff={staff} />
            <SyncIndicator compact />
            <LanguageSwitch />
            <Text fw={500} data-testid="signed-in-staff">
              {t('shell.signedInAs', { name: staff.name, title: staff.title })}
            </Text>
            {!proven && (
              <Tooltip label={t('auth.authorship.attested')} withArrow>
                <Badge color="gray" variant="light" data-testid="signed-in-offline">
                  {t('auth.signedInOfflineBadge')}
                </Badge>
              </Tooltip>
            )}
            <Button variant="default" size="sm" onClick={lock}>
              {t('shell.lock')}
            </Button>
            <Button
              variant="subtle"
              size="sm"
              onClick={() => {
                go('register'); // the next person starts at the register, not in someone else's inbox
                signOut();
              }}
            >
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
        <Tabs value={screen} onChange={(v) => v && go(v as Screen)}>
          <Tabs.List>
            <Tabs.Tab value="register">{t('shell.register')}</Tabs.Tab>
            <Tabs.Tab
              value="inbox"
              rightSection={
                inboxCount > 0 ? (
                  <Badge size="sm" color="orange" circle data-testid="inbox-count">
                    {inboxCount}
                  </Badge>
                ) : undefined
              }
            >
              {t('shell.inbox')}
            </Tabs.Tab>
            <Tabs.Tab value="cases">{t('cases.title')}</Tabs.Tab>
            {seesFollowUpBoard(staff) && <Tabs.Tab value="followUps">{t('shell.followUps')}</Tabs.Tab>}
            <Tabs.Tab value="satisfaction">{t('shell.satisfaction')}</Tabs.Tab>
            <Tabs.Tab value="complaints">{t('complaint.title')}</Tabs.Tab>
            {seesReports(staff) && <Tabs.Tab value="reports">{t('shell.reports')}</Tabs.Tab>}
            <Tabs.Tab value="publicCommitment">{t('publicCommitment.title')}</Tabs.Tab>
            <Tabs.Tab value="endOfDay">{t('shell.endOfDay')}</Tabs.Tab>
            {staff.roles.includes('admin') && <Tabs.Tab value="admin">{t('admin.title')}</Tabs.Tab>}
          </Tabs.List>
        </Tabs>
      </AppShell.Header>
      <AppShell.Main>
        <CalendarBanner />
        {screen === 'register' && <RegisterScreen staff={staff} />}
        {screen === 'cases' && <CasesScreen staff={staff} />}
        {screen === 'admin' && staff.roles.includes('admin') && <AdminScreen staff={staff} />}
        {screen === 'inbox' && <InboxScreen staff={staff} />}
        {screen === 'followUps' && seesFollowUpBoard(staff) && <FollowUpBoard staff={staff} />}
        {screen === 'satisfaction' && <SatisfactionScreen staff={staff} />}
        {screen === 'complaints' && <ComplaintsScreen staff={staff} />}
        {screen === 'reports' && seesReports(staff) && <ReportsScreen staff={staff} />}
        {screen === 'publicCommitment' && <PublicCommitmentScreen />}
        {screen === 'endOfDay' && <EndOfDayScreen staff={staff} />}
      </AppShell.Main>
    </AppShell>
  );
}
