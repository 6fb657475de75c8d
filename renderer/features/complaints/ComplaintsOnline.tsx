import { Alert, Badge, Loader, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import type { StaffSession } from '../../../shared/sync/staffAuth.ts';
import { useDesk } from '../../app/context.tsx';
import { useComplaintClient, useHqRead } from '../../data/complaints/hooks.ts';
import { AccountabilityView } from './AccountabilityView.tsx';
import { ComplaintDrawer } from './ComplaintDrawer.tsx';
import { ComplaintTable } from './ComplaintTable.tsx';
import { failureWords } from './complaintErrors.ts';
import { owedNow } from './complaintListView.ts';
import { StatementInvitations } from './StatementInvitations.tsx';
import { useComplaintFocus, type ComplaintFocusTarget } from '../../stores/complaintFocus.ts';

/** Who keeps the accountability record (art. 33, issue 14 point 4): leaders and the supervisors (机关党委/人事科). */
export const seesAccountability = (staff: Staff) =>
  staff.roles.includes('leader') || staff.roles.includes('supervisor');

/** The complaints HQ lets this person read, their own invitations to state their side, and the record. */
export function ComplaintsOnline({ staff, session }: { staff: Staff; session: StaffSession }) {
  const { t, i18n } = useTranslation();
  const { platform } = useDesk();
  const { client, failure: noClient } = useComplaintClient(platform, session);
  const list = useHqRead(client, (c) => c.list(), 'list');
  // What the inbox asked for: taken once, so coming back to the tab later opens nothing by itself.
  const focus = useComplaintFocus((s) => s.target);
  const taken = useComplaintFocus((s) => s.taken);
  const [open, setOpen] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>(null);
  const [followed, setFollowed] = useState<ComplaintFocusTarget>();
  if (focus && focus !== followed) {
    setFollowed(focus);
    if (focus.kind === 'complaint') setOpen(focus.complaintId);
    else setTab('statements');
  }
  useEffect(() => {
    if (focus) taken();
  }, [focus, taken]);
  const exists = (key: string) => i18n.exists(key);
  const failure = noClient ?? list.failure;
  if (!list.data) {
    return failure ? (
      <Alert color="red" role="alert">
        {failureWords(failure, t, exists)}
      </Alert>
    ) : (
      <Loader size="sm" aria-label={t('complaint.screen.loading')} />
    );
  }
  const { complaints, statements } = list.data;
  // Someone with nothing to work, read or state (a clerk): no empty list and filters, one plain sentence.
  if (complaints.length === 0 && statements.length === 0 && !seesAccountability(staff)) {
    return (
      <Text c="dimmed" data-testid="complaints-empty">
        {t('complaint.screen.notAReader')}
      </Text>
    );
  }
  const owed = owedNow(complaints);
  const pendingStatements = statements.filter((s) => !s.given && !s.waived && !s.decided).length;
  return (
    <>
      {failure && (
        <Alert color="red" role="alert">
          {failureWords(failure, t, exists)}
        </Alert>
      )}
      <Tabs
        value={tab ?? (statements.length > 0 && complaints.length === 0 ? 'statements' : 'complaints')}
        onChange={setTab}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab
            value="complaints"
            rightSection={
              owed > 0 ? (
                <Badge size="sm" color="red" circle>
                  {owed}
                </Badge>
              ) : undefined
            }
          >
            {t('complaint.screen.listTab')}
          </Tabs.Tab>
          {statements.length > 0 && (
            <Tabs.Tab
              value="statements"
              rightSection={
                pendingStatements > 0 ? (
                  <Badge size="sm" color="orange" circle>
                    {pendingStatements}
                  </Badge>
                ) : undefined
              }
            >
              {t('complaint.screen.statementsTab')}
            </Tabs.Tab>
          )}
          {seesAccountability(staff) && <Tabs.Tab value="record">{t('complaint.record.title')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="complaints" pt="sm">
          <ComplaintTable rows={complaints} onOpen={setOpen} onReload={list.reload} loading={list.loading} />
        </Tabs.Panel>
        {statements.length > 0 && client && (
          <Tabs.Panel value="statements" pt="sm">
            <StatementInvitations staff={staff} client={client} invitations={statements} onChanged={list.reload} />
          </Tabs.Panel>
        )}
        {seesAccountability(staff) && client && (
          <Tabs.Panel value="record" pt="sm">
            <AccountabilityView client={client} />
          </Tabs.Panel>
        )}
      </Tabs>
      {client && (
        <ComplaintDrawer
          staff={staff}
          client={client}
          complaintId={open}
          onClose={() => setOpen(null)}
          onChanged={list.reload}
        />
      )}
    </>
  );
}
