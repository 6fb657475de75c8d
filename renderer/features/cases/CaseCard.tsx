import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { CASE_ENDED } from '../../../shared/rules/case.ts';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { today } from '../../data/calendar.ts';
import { useCaseEvents, useCaseItem } from '../../data/caseHooks.ts';
import { breachesOf } from '../../data/caseTimeliness.ts';
import { clockOf, deemedAcceptedOn } from '../../data/caseTimes.ts';
import type { CaseRow } from '../../data/db.ts';
import { useDirectory } from '../../data/hooks.ts';
import { Timeline } from '../contact/Timeline.tsx';
import { SlipActions } from '../slips/SlipActions.tsx';
import { Breaches } from './Breaches.tsx';
import { CaseClock } from './CaseClock.tsx';
import { CaseEnding } from './CaseEnding.tsx';
import { caseFlagKeys } from './caseFlagWords.ts';
import { EndActions } from './EndActions.tsx';
import { MaterialsCheck } from './MaterialsCheck.tsx';
import { PendingRejection } from './RejectionReview.tsx';
import { ResultNotice } from './ResultNotice.tsx';
import { NotifyForm, RunningActions } from './RunningActions.tsx';
import { StepStatus } from './StepStatus.tsx';
import { SupplementNotice } from './SupplementNotice.tsx';

/** One case: its item and catalog version, its clock and breaches, what happened, and what can be done now. */
export function CaseCard({ row, staff }: { row: CaseRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const item = useCaseItem(db, row);
  const directory = useDirectory(db);
  const name = (id: string) => directory?.staffById.get(id)?.name ?? id;
  const day = today();
  const clock = clockOf(row, day);
  const events = useCaseEvents(db, row.caseId) ?? [];
  const approved = row.extensions.filter((e) => e.decision === 'approved');
  const toldExtension = row.notifications.filter((n) => n.about === 'extension').length >= approved.length;
  const toldResult = row.notifications.some((n) => n.about === 'result');
  const beforeAcceptance = row.status === 'checking' || row.status === 'supplementRequested';
  const ended = CASE_ENDED.includes(row.status);
  const acceptance = row.acceptance;
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
        <Breaches row={row} breaches={breachesOf(row, day, item?.procedure)} />
        <SupplementNotice row={row} staff={staff} licence={item?.administrativeLicence === true} />
        {acceptance && (
          <Text size="xs" c="dimmed">
            {t('cases.acceptedOn')} {acceptance.acceptedOn}
            {acceptance.deemed ? `（${t('cases.deemedAccepted')}）` : ''} ·{' '}
            {acceptance.statutoryLimitDays === undefined
              ? t('cases.clock.limitNoStatutory', { promised: acceptance.promisedLimitDays })
              : t('cases.clock.limit', {
                  promised: acceptance.promisedLimitDays,
                  statutory: acceptance.statutoryLimitDays,
                })}{' '}
            · {t('cases.handler')} {name(row.handlerStaffId)}
          </Text>
        )}
        {row.status === 'running' && item && <StepStatus row={row} steps={item.procedure} staff={staff} />}
        {approved.map((e) => (
          <Text size="xs" key={e.eventId}>
            {t('cases.extensionDecided', {
              name: name(e.decidedBy ?? ''),
              decision: t('cases.decision.approved'),
              days: e.days,
            })}
          </Text>
        ))}
        {row.flags.length > 0 && (
          <Alert color="red" data-testid="case-flags">
            <Stack gap={4}>
              {caseFlagKeys(row.flags, (id) => events.find((e) => e.eventId === id)?.event.type).map((key) => (
                <Text size="sm" key={key}>
                  {t(key)}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <CaseEnding row={row} name={name} />
        {row.notifications.map((n) => (
          <Text size="xs" c="dimmed" key={n.eventId}>
            {t('cases.notified', {
              about: t(`cases.notifyAbout.${n.about}`),
              how: t(`notify.${n.how}`),
              time: formatDateTime(n.at),
            })}
          </Text>
        ))}
        {row.status === 'completed' && <ResultNotice row={row} />}
        <PendingRejection row={row} staff={staff} name={name} />
        {item && beforeAcceptance && (
          <MaterialsCheck row={row} item={item} staff={staff} deemed={Boolean(deemedAcceptedOn(row, day))} />
        )}
        {row.status === 'running' && <RunningActions row={row} staff={staff} />}
        {row.status === 'running' && !toldExtension && <NotifyForm row={row} staff={staff} about="extension" />}
        {row.status === 'completed' && !toldResult && <NotifyForm row={row} staff={staff} about="result" />}
        {!ended && <EndActions row={row} staff={staff} />}
        <SlipActions subject={{ kind: 'case', row }} staff={staff} />
        {directory && <Timeline events={events} directory={directory} />}
      </Stack>
    </Paper>
  );
}
