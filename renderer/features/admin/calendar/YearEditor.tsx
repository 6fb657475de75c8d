import { Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../shared/model/calendar.ts';
import type { Staff } from '../../../../shared/model/reference.ts';
import { toggleCalendarDay } from '../../../../shared/rules/calendarAdmin.ts';
import { useDesk } from '../../../app/context.tsx';
import { useAuthor } from '../../../stores/session.ts';
import { proposeCalendarYear } from '../../../data/adminOperations.ts';
import { ProvenOnly } from '../../../app/ProvenOnly.tsx';
import { useDeskForm } from '../../../forms/useDeskForm.ts';
import { adminFieldErrors } from '../adminErrors.ts';
import { PastePanel } from './PastePanel.tsx';
import { YearGrid } from './YearGrid.tsx';
import { LIMITS } from '../../../../shared/model/limits.ts';

interface Props {
  staff: Staff;
  year: number;
  /** What to start from: an amendment starts from the schedule in force. */
  initialDays?: readonly CalendarDay[];
  initialNotice?: string | null;
  onDone: () => void;
}

/**
 * Enter a year as the State Council published it: click dates, or paste the schedule as text. Submitting it
 * proposes the year; it takes effect only once another admin has checked and confirmed it.
 */
export function YearEditor({ staff, year: initialYear, initialDays = [], initialNotice = null, onDone }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  // The holiday name is only an aid to clicking dates (it names the rest days clicked next): typed, never proposed.
  const { form, busy, errors, submit } = useDeskForm({
    initialValues: { year: initialYear, days: [...initialDays], noticeNumber: initialNotice ?? '', holiday: '' },
    wording: adminFieldErrors,
    decision: true,
  });
  const { year, days, holiday } = form.getValues();
  const rest = days.filter((d) => d.kind === 'rest').length;

  async function propose() {
    const done = await submit(
      (v) => proposeCalendarYear(db, author, { year: v.year, noticeNumber: v.noticeNumber, days: v.days }),
      { success: t('admin.yearEditor.proposed', { year }), keep: true },
    );
    if (done) onDone();
  }

  return (
    <Paper withBorder p="md" aria-label={t('admin.yearEditor.title', { year })}>
      <Stack gap="md">
        <Title order={4}>{t('admin.yearEditor.title', { year })}</Title>
        <Group align="flex-start">
          <NumberInput
            label={t('admin.yearEditor.year')}
            value={year}
            onChange={(v) => {
              if (typeof v !== 'number') return;
              form.setFieldValue('year', v);
              form.setFieldValue('days', []);
            }}
            min={1990}
            max={2200}
            w={120}
          />
          <TextInput
            label={t('admin.yearEditor.notice')}
            maxLength={LIMITS.noticeNumber}
            description={t('admin.yearEditor.noticeHint')}
            {...form.getInputProps('noticeNumber')}
            w={320}
          />
          <TextInput
            label={t('admin.yearEditor.holidayName')}
            maxLength={LIMITS.holidayName}
            description={t('admin.yearEditor.holidayNameHint')}
            {...form.getInputProps('holiday')}
            w={220}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('admin.yearEditor.gridHint')}
        </Text>
        <YearGrid
          year={year}
          days={days}
          onToggle={(date) => form.setFieldValue('days', (d) => toggleCalendarDay(d, date, holiday))}
        />
        <Text fw={500} data-testid="year-summary">
          {t('admin.yearEditor.summary', { rest, work: days.length - rest })}
        </Text>
        <PastePanel
          year={year}
          onImport={(imported, importedNotice) => {
            form.setFieldValue('days', imported);
            if (importedNotice) form.setFieldValue('noticeNumber', importedNotice);
          }}
        />
        {(errors.days || errors.form || errors.year) && (
          <Alert color="red" role="alert">
            {errors.days || errors.form || errors.year}
          </Alert>
        )}
        <ProvenOnly staff={staff}>
          <Group>
            <Button onClick={() => void propose()} loading={busy}>
              {t('admin.yearEditor.propose')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('admin.yearEditor.cancel')}
            </Button>
          </Group>
        </ProvenOnly>
      </Stack>
    </Paper>
  );
}
