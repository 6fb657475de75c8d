import { SimpleGrid } from '@mantine/core';
import type { CalendarDay } from '../../../../shared/model/calendar.ts';
import { MonthGrid } from './MonthGrid.tsx';

/** The twelve months of a year, with its exceptions marked; clickable when `onToggle` is given. */
export function YearGrid({
  year,
  days,
  onToggle,
}: {
  year: number;
  days: readonly CalendarDay[];
  onToggle?: (date: string) => void;
}) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} spacing="md">
      {Array.from({ length: 12 }, (_, i) => (
        <MonthGrid key={i} year={year} month={i + 1} days={byDate} onToggle={onToggle} />
      ))}
    </SimpleGrid>
  );
}
