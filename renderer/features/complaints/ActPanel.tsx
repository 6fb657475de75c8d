import { Button, Divider, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintClient } from '../../data/complaints/client.ts';
import type { ActFormProps } from './actFormProps.ts';
import { availableActs, capacityOf, type ComplaintActKind } from './availableActs.ts';
import { DecideForm } from './DecideForm.tsx';
import { CloseFindingsForm, CloseForm, FindingForm, StatementActForm, TellForm } from './InvestigationForms.tsx';
import { CorrectForm, DismissForm, ExtendForm, OrderForm } from './LeaderActForms.tsx';
import { useActSender } from './useActSender.ts';

const LABEL: Record<ComplaintActKind, string> = {
  dismiss: 'complaint.act.dismiss',
  order: 'complaint.act.order',
  changeInvestigators: 'complaint.act.changeInvestigators',
  recordFinding: 'complaint.act.recordFinding',
  closeFindings: 'complaint.act.closeFindings',
  inviteStatement: 'complaint.act.inviteStatement',
  decide: 'complaint.act.decide',
  tell: 'complaint.act.tell',
  extend: 'complaint.act.extend',
  close: 'complaint.act.close',
  correct: 'complaint.act.correct',
};

function ActForm({ kind, ...props }: ActFormProps & { kind: ComplaintActKind }) {
  switch (kind) {
    case 'dismiss':
      return <DismissForm {...props} />;
    case 'order':
      return <OrderForm {...props} />;
    case 'changeInvestigators':
      return <OrderForm {...props} change />;
    case 'recordFinding':
      return <FindingForm {...props} />;
    case 'closeFindings':
      return <CloseFindingsForm {...props} />;
    case 'inviteStatement':
      return <StatementActForm {...props} />;
    case 'decide':
      return <DecideForm {...props} />;
    case 'tell':
      return <TellForm {...props} />;
    case 'extend':
      return <ExtendForm {...props} />;
    case 'close':
      return <CloseForm {...props} />;
    case 'correct':
      return <CorrectForm {...props} />;
  }
}

/**
 * The acts this person may take now, each a button that opens its form (the first is open already: the stage's
 * own act). Asked of the same predicates HQ judges by, so nothing is offered that HQ would refuse for who they are.
 */
export function ActPanel(props: Omit<ActFormProps, 'send'> & { client: ComplaintClient; onDone: () => void }) {
  const { t } = useTranslation();
  const { client, onDone, ...rest } = props;
  const acts = availableActs(props.state, props.context.staff(props.staff.id));
  const [chosen, setChosen] = useState<ComplaintActKind | null>(null);
  const send = useActSender(client, props.state.complaintId, onDone);
  const kind = chosen && acts.includes(chosen) ? chosen : acts[0];
  if (!kind) {
    const recused = capacityOf(props.context.staff(props.staff.id), props.state).recused;
    return (
      <Text size="sm" c="dimmed" data-testid="complaint-no-acts">
        {t(recused ? 'complaint.screen.recused' : 'complaint.screen.nothingToDo')}
      </Text>
    );
  }
  return (
    <>
      <Divider label={t('complaint.screen.acts')} labelPosition="left" />
      <Group gap="xs">
        {acts.map((a) => (
          <Button key={a} size="xs" variant={a === kind ? 'filled' : 'default'} onClick={() => setChosen(a)}>
            {t(LABEL[a])}
          </Button>
        ))}
      </Group>
      <ActForm key={`${kind}-${props.state.eventCount}`} kind={kind} {...rest} send={send} />
    </>
  );
}
