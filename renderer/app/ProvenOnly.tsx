import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../shared/model/reference.ts';
import { useProvenSession } from '../stores/session.ts';

/**
 * A decision reserved to leaders, supervisors or admins (PRIVILEGED_EVENT_TYPES, the desks' administration) is
 * offered only while its person holds a session the HQ server verified; otherwise the desk says plainly why, and
 * offers nothing that could be stored half-done. The operations refuse it too (SessionRequiredError).
 */
export function ProvenOnly({ staff, children }: { staff: Staff; children: ReactNode }) {
  const { t } = useTranslation();
  if (useProvenSession(staff)) return children;
  return (
    <Alert color="yellow" role="note" title={t('auth.privileged.title')} data-testid="needs-proven-session">
      {t('auth.privileged.needsSession')}
    </Alert>
  );
}
