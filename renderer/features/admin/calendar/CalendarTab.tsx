import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../shared/model/calendar.ts';
import type { Staff } from '../../../../shared/model/reference.ts';
import { useDesk } from '../../../app/context.tsx';
import { useCalendarYears } from '../../../data/adminHooks.ts';
import { today } from '../../../data/calendar.ts';
import { useAdminNav } from '../../../stores/admin.ts';
import { CalendarYearsTable } from './CalendarYearsTable.tsx';
import { YearDetail } from './YearDetail.tsx';
import { YearEditor } from './YearEditor.tsx';

type Mode =
  | { kind: 'list' }
  | { kind: 'view'; year: number }
  | { kind: 'enter'; year: number; days?: readonly CalendarDay[]; notice?: string | null };

/** The working-day calendar: the years, entering one (or amending it), and checking a colleague's entry. */
export function CalendarTab({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const years = useCalendarYears(db);
  // The banner may ask for a year to be entered or reviewed.
  const requested = useAdminNav((s) => s.year);
  const [mode, setMode] = useState<Mode>(() => (requested ? { kind: 'view', year: requested } : { kind: 'list' }));
  if (!years) return null;
  const back = () => setMode({ kind: 'list' });

  if (mode.kind === 'enter') {
    return (
      <YearEditor staff={staff} year={mode.year} initialDays={mode.days} initialNotice={mode.notice} onDone={back} />
    );
  }
  if (mode.kind === 'view') {
    const view = years.find((y) => y.year === mode.year);
    if (!view || (!view.inForce && !view.pending)) {
      return <YearEditor staff={staff} year={mode.year} onDone={back} />;
    }
    return <YearDetail staff={staff} year={mode.year} onClose={back} />;
  }
  // The first year after today's without a schedule is the one usually to be entered.
  const thisYear = Number(today().slice(0, 4));
  const missing = [thisYear, thisYear + 1, thisYear + 2].find(
    (y) => !years.some((v) => v.year === y && (v.inForce || v.pending)),
  );
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={760}>
          {t('admin.calendar.hint')}
        </Text>
        <Button onClick={() => setMode({ kind: 'enter', year: missing ?? thisYear + 1 })}>
          + {t('admin.calendar.newYear')}
        </Button>
      </Group>
      <CalendarYearsTable
        years={years}
        onOpen={(year) => setMode({ kind: 'view', year })}
        onAmend={(view) =>
          setMode({ kind: 'enter', year: view.year, days: view.inForce?.days, notice: view.inForce?.noticeNumber })
        }
      />
    </Stack>
  );
}
