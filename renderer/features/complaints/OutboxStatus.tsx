import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { useComplaintOutbox } from '../../data/complaints/outbox.ts';

/**
 * Where the complaints taken at this desk stand: the one just taken (待上报市局 until HQ acknowledges it, then 已上报),
 * any others still waiting, and those HQ refused with its reason — kept, never dropped, so nothing typed is lost.
 */
export function OutboxStatus({
  lastQueued,
  onReopen,
}: {
  lastQueued: string | null;
  /** The clerk opens a refused intake to correct it and send it again. */
  onReopen: (eventId: string) => void;
}) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const outbox = useComplaintOutbox(db);
  if (!outbox.loaded) return null;
  const lastWaits = lastQueued !== null && outbox.complaintIds.some((id) => id === lastQueued);
  const lastFailed = outbox.failed.some((f) => f.complaintId === lastQueued);
  // Waiting without a refusal, besides the one just taken (a refused one is listed with its reason above).
  const others = outbox.queued - outbox.failed.length - (lastWaits && !lastFailed ? 1 : 0);
  return (
    <>
      {outbox.failed.map((f) => (
        <Alert key={f.complaintId} color="red" role="alert" data-testid="complaint-outbox-failed">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('complaint.outbox.failed', { id: f.complaintId.slice(-8), error: f.lastError })}</Text>
            <Button size="xs" variant="white" color="red" onClick={() => onReopen(f.eventId)}>
              {t('complaint.refused.reopen')}
            </Button>
          </Group>
        </Alert>
      ))}
      {lastQueued !== null && !lastFailed && (
        <Alert color={lastWaits ? 'yellow' : 'teal'} role="status" data-testid="complaint-outbox-last">
          {t(lastWaits ? 'complaint.outbox.queuedLast' : 'complaint.outbox.sentLast', { id: lastQueued.slice(-8) })}
        </Alert>
      )}
      {others > 0 && (
        <Alert color="yellow" role="status" data-testid="complaint-outbox">
          {t('complaint.outbox.queued', { count: others })}
        </Alert>
      )}
    </>
  );
}
