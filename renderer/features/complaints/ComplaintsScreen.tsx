import { Alert, Button, Drawer, Group, Kbd, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { readRefusedIntake } from '../../data/complaints/outbox.ts';
import type { ComplaintOutboxRow } from '../../data/db.ts';
import { useAuthor, useProvenSession } from '../../stores/session.ts';
import { ComplaintsOnline } from './ComplaintsOnline.tsx';
import { useDiscardConfirm } from './DiscardConfirm.tsx';
import { IntakeForm } from './IntakeForm.tsx';
import { OutboxStatus } from './OutboxStatus.tsx';

/**
 * 投诉处理 (issue 14): everyone takes a complaint in, offline too; the complaints themselves are read and worked only
 * online at HQ with the person's own proven session, and HQ decides who sees which (leaders, supervisors, the
 * assigned investigators; the accused only their own 陈述申辩).
 */
export function ComplaintsScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const [intake, setIntake] = useState(false);
  const [lastQueued, setLastQueued] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  // A refused intake opened to be corrected (the form starts from it), or undefined for a new complaint.
  const [refused, setRefused] = useState<ComplaintOutboxRow | undefined>(undefined);
  const { db } = useDesk();
  const proven = useProvenSession(staff);
  const { session } = useAuthor(staff);
  const close = () => {
    setDirty(false);
    setIntake(false);
    setRefused(undefined);
  };
  const { requestClose, confirm } = useDiscardConfirm(dirty, close);
  const reopen = async (eventId: string) => {
    // Not over a complaint being typed: it would be replaced without a word.
    if (intake) return;
    const row = await readRefusedIntake(db, eventId);
    if (!row) return;
    setRefused(row);
    setIntake(true);
  };
  // Not over an open drawer (a complaint being worked): the intake would cover it.
  useHotkeys([['alt+N', () => !document.querySelector('[role="dialog"][aria-modal="true"]') && setIntake(true)]]);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('complaint.title')}</Title>
        <Button onClick={() => setIntake(true)} rightSection={<Kbd size="xs">Alt+N</Kbd>}>
          {t('complaint.intake.open')}
        </Button>
      </Group>
      <OutboxStatus lastQueued={lastQueued} onReopen={(eventId) => void reopen(eventId)} />
      {proven && session ? (
        <ComplaintsOnline key={session.sessionId} staff={staff} session={session} />
      ) : (
        <Alert color="yellow" role="note" data-testid="complaints-need-session">
          {t('complaint.screen.needsSession')}
        </Alert>
      )}
      <Drawer
        opened={intake}
        onClose={requestClose}
        position="right"
        size="xl"
        // A stray Escape or click beside the drawer never throws away a complaint being typed; × asks first.
        closeOnEscape={!dirty}
        closeOnClickOutside={!dirty}
        title={t('complaint.intake.title')}
      >
        <IntakeForm
          key={refused?.eventId ?? 'new'}
          staff={staff}
          onDirty={setDirty}
          {...(refused ? { refused } : {})}
          onQueued={(id) => {
            setLastQueued(id);
            close();
          }}
        />
      </Drawer>
      {confirm}
    </Stack>
  );
}
