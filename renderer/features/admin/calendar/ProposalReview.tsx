import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import { calendarChanges } from '../../../../shared/rules/calendarAdmin.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useDesk } from '../../../app/context.tsx';
import { useAuthor } from '../../../stores/session.ts';
import { confirmCalendarYear } from '../../../data/adminOperations.ts';
import type { CalendarYearView } from '../../../data/adminQueries.ts';
import { useAllStaff } from '../../../data/hooks.ts';
import { ProvenOnly } from '../../../app/ProvenOnly.tsx';
import { useDeskForm } from '../../../forms/useDeskForm.ts';
import { adminFieldErrors } from '../adminErrors.ts';
import { ChangesTable } from './ChangesTable.tsx';
import { YearGrid } from './YearGrid.tsx';

/**
 * A proposed year as the second admin checks it: who entered it, the notice number, what it changes against
 * the schedule in force, and the confirmation — which the admin who entered it cannot give (two-person rule).
 */
export function ProposalReview({ staff, view }: { staff: Staff; view: CalendarYearView }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const people = useAllStaff(db) ?? [];
  const { busy, formError, submit } = useDeskForm({ initialValues: {}, wording: adminFieldErrors, decision: true });
  const proposal = view.pending;
  if (!proposal) return null;
  const { year, noticeNumber, days } = proposal.payload;
  const changes = calendarChanges(view.inForce?.days, days);
  const enteredBy = people.find((p) => p.id === proposal.staffId)?.name ?? proposal.staffId;
  const ownProposal = proposal.staffId === staff.id;

  return (
    <Paper withBorder p="md" aria-label={t('admin.review.title', { year })}>
      <Stack gap="sm">
        <Title order={4}>{t('admin.review.title', { year })}</Title>
        <Text size="sm">
          {t('admin.review.enteredBy', { name: enteredBy, time: formatDateTime(proposal.occurredAt) })}
        </Text>
        <Text size="sm">{t('admin.review.notice', { notice: noticeNumber ?? t('admin.calendar.noticeUnknown') })}</Text>
        <Text fw={500}>{view.inForce ? t('admin.review.changes') : t('admin.review.againstWeekdays')}</Text>
        {changes.length === 0 ? (
          <Text c="dimmed">{t('admin.review.noChanges')}</Text>
        ) : (
          <ChangesTable changes={changes} label={t('admin.review.changes')} />
        )}
        <YearGrid year={year} days={days} />
        {ownProposal && (
          <Alert color="yellow" role="note">
            {t('admin.review.selfConfirm')}
          </Alert>
        )}
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <ProvenOnly staff={staff}>
          <Group>
            <Button
              color="teal"
              disabled={ownProposal}
              loading={busy}
              onClick={() =>
                void submit(() => confirmCalendarYear(db, author, { year, proposalEventId: proposal.eventId }), {
                  success: t('admin.review.confirmed', { year }),
                })
              }
            >
              {t('admin.review.confirm')}
            </Button>
          </Group>
        </ProvenOnly>
      </Stack>
    </Paper>
  );
}
