import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureStep } from '../../../shared/model/catalog.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { deskCalendar, today } from '../../data/calendar.ts';
import { advanceStep } from '../../data/caseOperations.ts';
import { stepOf } from '../../data/caseTimeliness.ts';
import type { CaseRow } from '../../data/db.ts';
import { useAuthor } from '../../stores/session.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { caseFieldErrors } from './caseErrors.ts';

/** art. 16 环节时限: the step the running case is at, when it is due (red when over), and moving to the next one. */
export function StepStatus({ row, steps, staff }: { row: CaseRow; steps: readonly ProcedureStep[]; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { busy, formError, submit } = useDeskForm({ initialValues: {}, wording: caseFieldErrors });
  const day = today();
  const step = stepOf(row, steps, day);
  if (!step) return null;
  const next = steps[step.index + 1];
  const over = step.dueDate && step.overdue ? deskCalendar().countWorkingDays(step.dueDate, day).days : 0;
  return (
    <Stack gap={4} data-testid="case-step">
      <Group gap="xs">
        <Text size="sm">
          {t('cases.step.current', {
            name: step.name ?? '',
            n: step.index + 1,
            total: steps.length,
            from: step.from,
          })}
        </Text>
        <Text size="sm" c={step.overdue ? 'red' : 'dimmed'} fw={step.overdue ? 600 : undefined}>
          {step.dueDate === undefined
            ? t('cases.step.noLimit')
            : step.overdue
              ? t('cases.step.overdue', { count: over, date: step.dueDate })
              : t('cases.step.due', { date: step.dueDate })}
        </Text>
      </Group>
      {next && (
        <Group>
          <Button
            size="compact-sm"
            variant="light"
            loading={busy}
            onClick={() => void submit(() => advanceStep(db, author, row.caseId))}
          >
            {t('cases.step.advance', { name: next.name })}
          </Button>
          {formError && (
            <Text size="xs" c="red">
              {formError}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
