import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { deskCalendar, today } from '../../data/calendar.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import { SUPPLEMENT_NOTICE_DAYS } from '../../../shared/rules/case.ts';
import { clockOf, useCaseEvents, useServiceItems } from '../../data/caseHooks.ts';
import type { CaseRow } from '../../data/db.ts';
import { useDirectory } from '../../data/hooks.ts';
import { Timeline } from '../contact/Timeline.tsx';
import { SlipActions } from '../slips/SlipActions.tsx';
import { CaseClock } from './CaseClock.tsx';
import { MaterialsCheck } from './MaterialsCheck.tsx';
import { NotifyForm, RunningActions } from './RunningActions.tsx';

/** One case: its item and catalog version, its clock, what happened, and what can be done now. */
export function CaseCard({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const items = useServiceItems(db);
  const directory = useDirectory(db);
  const item = items?.find((i) => i.item.id === row.serviceItemId)?.item;
  const name = (id: string) => directory?.staffById.get(id)?.name ?? id;
  const clock = clockOf(row, today());
  const events = useCaseEvents(db, row.caseId) ?? [];
  const approved = row.extensions.filter((e) => e.decision === 'approved');
  const toldExtension = row.notifications.filter((n) => n.about === 'extension').length >= approved.length;
  const toldResult = row.notifications.some((n) => n.about === 'result');
  return (
    <Paper withBorder p="sm" data-testid="case-card">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>{row.serviceItemName}</Text>
            <Text size="xs" c="dimmed">
              {t('cases.catalogVersion', { rev: row.catalogRev })}
            </Text>
          </Group>
          <Badge variant="light" data-testid="case-status">
            {t(`cases.status.${row.status}`)}
          </Badge>
        </Group>
        <CaseClock row={row} clock={clock} />
        {row.status === 'checking' && <SupplementDue row={row} />}
        {row.acceptance && (
          <Text size="xs" c="dimmed">
            {t('cases.acceptedOn')} {row.acceptance.acceptedOn} ·{' '}
            {t('cases.clock.limit', {
              promised: row.acceptance.promisedLimitDays,
              statutory: row.acceptance.statutoryLimitDays,
            })}{' '}
            · {t('cases.handler')} {name(row.handlerStaffId)}
          </Text>
        )}
        {approved.map((e) => (
          <Text size="xs" key={e.eventId}>
            {t('cases.extensionDecided', {
              name: name(e.decidedBy ?? ''),
              decision: t('cases.decision.approved'),
              days: e.days,
            })}
          </Text>
        ))}
        {row.flags.length > 0 && <Alert color="red">{t('contact.conflict')}</Alert>}
        {row.rejection && (
          <Alert color="red" title={t('cases.status.rejected')}>
            {row.rejection.reason}（{t('cases.legalBasis')}：{row.rejection.legalBasis}）
          </Alert>
        )}
        {row.completion && (
          <Alert
            color="teal"
            title={`${t(`cases.outcomes.${row.completion.outcome}`)} · ${row.completion.completedOn}`}
          >
            {row.completion.result}
          </Alert>
        )}
        {row.notifications.map((n) => (
          <Text size="xs" c="dimmed" key={n.eventId}>
            {t('cases.notified', {
              about: t(`cases.notifyAbout.${n.about}`),
              how: t(`notify.${n.how}`),
              time: formatDateTime(n.at),
            })}
          </Text>
        ))}
        {item && (row.status === 'checking' || row.status === 'supplementRequested') && (
          <MaterialsCheck row={row} item={item} staff={staff} />
        )}
        {row.status === 'running' && <RunningActions row={row} staff={staff} />}
        {row.status === 'running' && !toldExtension && <NotifyForm row={row} staff={staff} about="extension" />}
        {row.status === 'completed' && !toldResult && <NotifyForm row={row} staff={staff} about="result" />}
        <SlipActions subject={{ kind: 'case', row }} staff={staff} />
        {directory && <Timeline events={events} directory={directory} />}
      </Stack>
    </Paper>
  );
}

/** A supplement must be requested within a few working days of receipt, all at once (一次性告知). */
function SupplementDue({ row }: { row: CaseRow }) {
  const { t } = useTranslation();
  const due = deskCalendar().addWorkingDays(row.openedAt.slice(0, 10) as IsoDate, SUPPLEMENT_NOTICE_DAYS).date;
  const late = today() > due;
  return (
    <Text size="xs" c={late ? 'red' : 'dimmed'}>
      {late
        ? t('cases.supplementLate', { date: due })
        : t('cases.supplementDue', { date: due, days: SUPPLEMENT_NOTICE_DAYS })}
    </Text>
  );
}
