import { Alert, Badge, Divider, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { foldComplaint } from '../../../shared/rules/complaint.ts';
import { complaintStages } from '../../../shared/rules/complaintDeadlines.ts';
import { today } from '../../data/calendar.ts';
import type { ComplaintClient } from '../../data/complaints/client.ts';
import { useHqRead } from '../../data/complaints/hooks.ts';
import { ActPanel } from './ActPanel.tsx';
import { failureWords } from './complaintErrors.ts';
import { ComplaintFacts } from './ComplaintFacts.tsx';
import { useDiscardConfirm } from './DiscardConfirm.tsx';
import { DraftGuard } from './draftGuard.ts';
import { ComplaintHistory } from './ComplaintHistory.tsx';
import { ReadLog } from './ReadLog.tsx';
import { StageClocks } from './StageClocks.tsx';
import { useFoldContext } from './useFoldContext.ts';

interface Props {
  readonly staff: Staff;
  readonly client: ComplaintClient;
  readonly complaintId: string | null;
  readonly onClose: () => void;
  /** An act was stored: the list asks HQ again. */
  readonly onChanged: () => void;
}

/**
 * One complaint as HQ holds it (each opening is a read HQ logs): its log folded on the desk with the shared rules,
 * the stage clocks, what was done, who read it (leaders and supervisors), and the acts this person may take now.
 */
export function ComplaintDrawer({ staff, client, complaintId, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const [typing, setTyping] = useState(false);
  // × with a reason being written asks first, as Escape and a click beside the drawer are refused (draftGuard.ts).
  const { requestClose, confirm } = useDiscardConfirm(typing, () => {
    setTyping(false);
    onClose();
  });
  return (
    <>
      <Drawer
        opened={complaintId !== null}
        onClose={requestClose}
        closeOnEscape={!typing}
        closeOnClickOutside={!typing}
        position="right"
        size="xl"
        title={t('complaint.screen.drawerTitle')}
      >
        {complaintId && (
          <DraftGuard.Provider value={setTyping}>
            <ComplaintBody
              key={complaintId}
              staff={staff}
              client={client}
              complaintId={complaintId}
              onChanged={onChanged}
            />
          </DraftGuard.Provider>
        )}
      </Drawer>
      {confirm}
    </>
  );
}

function ComplaintBody({
  staff,
  client,
  complaintId,
  onChanged,
}: Omit<Props, 'onClose' | 'complaintId'> & { complaintId: string }) {
  const { t, i18n } = useTranslation();
  const context = useFoldContext();
  const detail = useHqRead(client, (c) => c.detail(complaintId), complaintId);
  if (!detail.data || !context) {
    return detail.failure ? (
      <Alert color="red" role="alert">
        {failureWords(detail.failure, t, (k) => i18n.exists(k))}
      </Alert>
    ) : (
      <Loader size="sm" />
    );
  }
  const state = foldComplaint(detail.data.events, context);
  if (!state) return <Alert color="red">{t('complaint.screen.noIntake')}</Alert>;
  const day = today();
  const clocks = complaintStages(state, context.calendar, day, context.settings);
  const reload = () => {
    detail.reload();
    onChanged();
  };
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Badge size="lg" data-testid="complaint-drawer-status">
          {t(`complaint.status.${state.status}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('complaint.screen.number', { id: state.complaintId.slice(-8) })}
        </Text>
      </Group>
      {detail.failure !== null && (
        <Alert color="red" role="alert">
          {failureWords(detail.failure, t, (k) => i18n.exists(k))}
        </Alert>
      )}
      <ComplaintFacts state={state} />
      <Divider label={t('complaint.screen.clocks')} labelPosition="left" />
      <StageClocks clocks={clocks} />
      {/* What this person does now comes before the history, which grows with every act. */}
      <ActPanel staff={staff} client={client} state={state} today={day} context={context} onDone={reload} />
      <Divider label={t('complaint.screen.history')} labelPosition="left" />
      <ComplaintHistory state={state} />
      {state.flags.length > 0 && (
        <Alert color="orange" title={t('complaint.screen.flags')}>
          {state.flags.map((f) => (
            <Text key={`${f.code}-${f.eventIds.join()}`} size="sm">
              {t(`complaint.flag.${f.code}`)}
            </Text>
          ))}
        </Alert>
      )}
      {detail.data.chain && (
        // The register is tamper-evident: HQ recomputes the acts' hash chain on every read by a leader or supervisor.
        <Text
          size="xs"
          c={detail.data.chain.intact ? 'dimmed' : 'red'}
          fw={detail.data.chain.intact ? undefined : 700}
          data-testid="complaint-chain"
        >
          {t(detail.data.chain.intact ? 'complaint.screen.chainIntact' : 'complaint.screen.chainBroken', {
            count: detail.data.chain.events,
            head: detail.data.chain.head.slice(0, 12),
          })}
        </Text>
      )}
      {detail.data.reads.length > 0 && (
        <>
          <Divider label={t('complaint.screen.reads')} labelPosition="left" />
          <ReadLog reads={detail.data.reads} />
        </>
      )}
    </Stack>
  );
}
