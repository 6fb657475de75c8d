import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useAuthor, useProvenSession } from '../../stores/session.ts';
import { ReportsOnline } from './ReportsOnline.tsx';

/** art. 4: the bureau's supervisors (机关党委/人事科) and leaders read the supervision reports; HQ checks it again. */
export function seesReports(staff: Staff): boolean {
  return staff.roles.includes('supervisor') || staff.roles.includes('leader');
}

/**
 * 督查报表 (issue 15): the figures of a period per bureau, department or person, each with its numerator and
 * denominator and the records behind it, and the warning list — read online from HQ with the person's own proven
 * session, nothing kept on the desk. Signed in offline, the screen says how to get a session instead.
 */
export function ReportsScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const proven = useProvenSession(staff);
  const { session } = useAuthor(staff);
  return (
    <Stack gap="md">
      <div>
        <Title order={3}>{t('reports.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('reports.intro')}
        </Text>
      </div>
      {proven && session ? (
        // Keyed by the session: the next person (or the same one after a lock) never sees an earlier answer.
        <ReportsOnline key={session.sessionId} staff={staff} session={session} />
      ) : (
        <Alert color="yellow" role="note" data-testid="reports-need-session">
          {t('reports.needsSession')}
        </Alert>
      )}
    </Stack>
  );
}
