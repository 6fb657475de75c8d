import { Drawer, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { mayDispose } from '../../../shared/rules/contactDispositions.ts';
import { useDesk } from '../../app/context.tsx';
import { useContact, useContactEvents, useDirectory } from '../../data/hooks.ts';
import { CasePanel } from '../cases/CasePanel.tsx';
import { RequestRating } from '../rating/RequestRating.tsx';
import { SlipActions } from '../slips/SlipActions.tsx';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { ContactSummary } from './ContactSummary.tsx';
import { CorrectionForm } from './CorrectionForm.tsx';
import { DisposeTabs } from './DisposeTabs.tsx';
import { AssignForm, RefusalReview } from './LeaderActions.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { Timeline } from './Timeline.tsx';
import { TransferDecision } from './TransferDecision.tsx';

interface Props {
  contactId: string | undefined;
  staff: Staff;
  onClose: () => void;
}

/** One contact: what was asked, who is responsible, what happened, and what the signed-in person may do now. */
export function ContactDrawer({ contactId, staff, onClose }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const contact = useContact(db, contactId);
  const events = useContactEvents(db, contactId) ?? [];
  const directory = useDirectory(db);
  const isLeader = staff.roles.includes('leader');
  const name = (id: string) => directory?.staffById.get(id)?.name ?? id;

  let actions = null;
  if (contact && directory) {
    if (contact.status === 'open' && mayDispose(contact, staff.id)) {
      actions = <DisposeTabs key={contact.contactId} contact={contact} staff={staff} directory={directory} />;
    } else if (contact.status === 'transferPending' && contact.transfer?.toStaffId === staff.id) {
      actions = <TransferDecision contact={contact} staff={staff} />;
    } else if (contact.status === 'escalated' && (contact.escalation?.toLeaderId === staff.id || isLeader)) {
      actions = <AssignForm contact={contact} staff={staff} directory={directory} />;
    } else if (contact.status === 'refusalPending' && (contact.refusal?.toLeaderId === staff.id || isLeader)) {
      actions = <RefusalReview contact={contact} staff={staff} directory={directory} />;
    } else if (contact.status === 'refused' && !contact.outcomeNotified && mayDispose(contact, staff.id)) {
      actions = <OutcomeForm contact={contact} staff={staff} />;
    } else if (contact.awaitingStaffId && contact.awaitingStaffId !== staff.id) {
      actions = <Text c="dimmed">{t('contact.notYours', { name: name(contact.awaitingStaffId) })}</Text>;
    }
  }

  return (
    <Drawer opened={Boolean(contactId)} onClose={onClose} position="right" size="xl" title={t('contact.detail')}>
      {contact && directory && (
        <Stack gap="md">
          <ContactSummary contact={contact} directory={directory} />
          {actions}
          <ChecklistPanel contact={contact} staff={staff} />
          <SlipActions subject={{ kind: 'contact', row: contact }} staff={staff} />
          <RequestRating contact={contact} staff={staff} />
          <CasePanel contact={contact} staff={staff} />
          <CorrectionForm contact={contact} staff={staff} />
          <Timeline events={events} directory={directory} />
        </Stack>
      )}
    </Drawer>
  );
}
