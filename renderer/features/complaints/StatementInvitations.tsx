import { Alert, Badge, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/model/limits.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import type { StatementInvitation } from '../../../shared/sync/complaintApi.ts';
import type { ComplaintClient } from '../../data/complaints/client.ts';
import { useHqRead } from '../../data/complaints/hooks.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { actWording } from './actFormProps.ts';
import { ActFormShell } from './ActFormShell.tsx';
import { failureWords } from './complaintErrors.ts';
import { useActSender } from './useActSender.ts';

/** 我的陈述申辩: the complaints this person is accused in and invited to state their side of. */
export function StatementInvitations(props: {
  staff: Staff;
  client: ComplaintClient;
  invitations: readonly StatementInvitation[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('complaint.statement.hint')}
      </Text>
      {props.invitations.map((inv) => (
        <Paper key={inv.complaintId} withBorder p="sm" data-testid="statement-invitation">
          <Group justify="space-between">
            <Group gap="sm">
              <Text size="sm">{t('complaint.statement.received', { date: inv.receivedOn })}</Text>
              {inv.invitedDueOn && !inv.given && !inv.waived && (
                <Badge color="orange" variant="light">
                  {t('complaint.statement.dueOn', { date: inv.invitedDueOn })}
                </Badge>
              )}
              <Badge variant="light" color={inv.given || inv.waived ? 'teal' : 'gray'}>
                {t(
                  inv.given
                    ? 'complaint.statement.given'
                    : inv.waived
                      ? 'complaint.statement.waived'
                      : 'complaint.statement.pending',
                )}
              </Badge>
            </Group>
            <Button
              size="xs"
              variant={open === inv.complaintId ? 'filled' : 'default'}
              onClick={() => setOpen(open === inv.complaintId ? null : inv.complaintId)}
            >
              {t('complaint.statement.open')}
            </Button>
          </Group>
          {open === inv.complaintId && (
            <StatementView
              staff={props.staff}
              client={props.client}
              complaintId={inv.complaintId}
              onChanged={props.onChanged}
            />
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function StatementView(props: { staff: Staff; client: ComplaintClient; complaintId: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const view = useHqRead(props.client, (c) => c.statement(props.complaintId), props.complaintId);
  const send = useActSender(props.client, props.complaintId, () => {
    view.reload();
    props.onChanged();
  });
  const [way, setWay] = useState<'give' | 'waive'>('give');
  const { busy, formError, form, submit } = useDeskForm({ initialValues: { text: '', note: '' }, wording: actWording });
  if (!view.data) {
    return view.failure ? (
      <Alert color="red" role="alert" mt="sm">
        {failureWords(view.failure, t, (k) => i18n.exists(k))}
      </Alert>
    ) : (
      <Loader size="sm" />
    );
  }
  const s = view.data;
  const open = s.statement === undefined && !s.waived && s.outcome === undefined;
  const save = () =>
    void submit((v) =>
      way === 'give'
        ? send('complaint.statementGiven', { text: v.text })
        : send('complaint.statementWaived', { staffId: props.staff.id, note: v.note }),
    );
  return (
    <Stack gap="sm" mt="sm">
      <Paper bg="gray.0" p="sm">
        <Text size="xs" c="dimmed">
          {t('complaint.field.account')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {s.account}
        </Text>
        {s.findingsSummary && (
          <>
            <Text size="xs" c="dimmed" mt="xs">
              {t('complaint.field.summary')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {s.findingsSummary}
            </Text>
          </>
        )}
      </Paper>
      {s.statement && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('complaint.statement.yours')}
          {s.statement}
        </Text>
      )}
      {s.waived && <Text size="sm">{t('complaint.statement.waived')}</Text>}
      {s.outcome && (
        <Alert color={s.outcome === 'founded' ? 'orange' : 'teal'}>
          {t(`complaint.outcome.${s.outcome}`)}
          {s.ownMeasures?.length ? `：${s.ownMeasures.map((m) => t(`complaint.measure.${m}`)).join('、')}` : ''}
        </Alert>
      )}
      {open && (
        <ActFormShell
          title={t('complaint.act.giveStatement')}
          submitLabel={t(way === 'give' ? 'complaint.statement.submit' : 'complaint.act.waiveStatement')}
          busy={busy}
          formError={formError}
          onSave={save}
        >
          <SegmentedControl
            value={way}
            onChange={(w) => setWay(w as 'give' | 'waive')}
            data={[
              { value: 'give', label: t('complaint.act.giveStatement') },
              { value: 'waive', label: t('complaint.act.waiveStatement') },
            ]}
          />
          {way === 'give' ? (
            <Textarea
              label={t('complaint.field.statement')}
              withAsterisk
              autosize
              minRows={4}
              maxLength={LIMITS.matter}
              {...form.getInputProps('text')}
            />
          ) : (
            <Textarea
              label={t('complaint.field.waiverNote')}
              withAsterisk
              autosize
              minRows={2}
              maxLength={LIMITS.note}
              {...form.getInputProps('note')}
            />
          )}
        </ActFormShell>
      )}
    </Stack>
  );
}
