import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { FollowUpRatesView } from './FollowUpRatesView.tsx';
import { FollowUpTaskBoard } from './FollowUpTaskBoard.tsx';

/**
 * Who sees the 回访 tab: the follow-up team (supervisors), leaders and department heads. With the bureau's owner
 * set to 'department', the department's other staff keep finding the tasks they own in their inbox.
 */
export function seesFollowUpBoard(staff: Staff): boolean {
  return staff.roles.some((r) => r === 'supervisor' || r === 'leader' || r === 'deptHead');
}

/** 服务回访 (chapter 7): every follow-up task and where it stands, and the published rates (统计). */
export function FollowUpBoard({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'tasks' | 'rates'>('tasks');
  return (
    <Stack gap="sm">
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(v) => setView(v === 'rates' ? 'rates' : 'tasks')}
        data={[
          { value: 'tasks', label: t('followUpBoard.tasksTab') },
          { value: 'rates', label: t('followUpBoard.ratesTab') },
        ]}
      />
      {view === 'tasks' ? <FollowUpTaskBoard staff={staff} /> : <FollowUpRatesView staff={staff} />}
    </Stack>
  );
}
