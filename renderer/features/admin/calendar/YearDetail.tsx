import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/model/reference.ts';
import { useDesk } from '../../../app/context.tsx';
import { useCalendarYear } from '../../../data/adminHooks.ts';
import { ProposalReview } from './ProposalReview.tsx';
import { YearGrid } from './YearGrid.tsx';

/** One year: a proposal waiting for its second person first, then the schedule in force. */
export function YearDetail({ staff, year, onClose }: { staff: Staff; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const view = useCalendarYear(db, year);
  if (!view) return null;
  return (
    <Stack gap="md">
      <Button variant="default" onClick={onClose} w="fit-content">
        ← {t('admin.review.close')}
      </Button>
      <ProposalReview staff={staff} view={view} />
      {view.inForce && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={5}>{t('admin.review.inForce', { year })}</Title>
            <Text size="sm">
              {t('admin.review.notice', { notice: view.inForce.noticeNumber ?? t('admin.calendar.noticeUnknown') })}
            </Text>
            <YearGrid year={year} days={view.inForce.days} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
