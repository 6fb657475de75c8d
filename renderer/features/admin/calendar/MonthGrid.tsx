import { Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../shared/model/calendar.ts';
import { dayNumber, fromDayNumber, weekdayOfDay } from '../../../../shared/rules/isoDate.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface Props {
  year: number;
  /** 1–12 */
  month: number;
  /** The exceptions of the year by date. */
  days: ReadonlyMap<string, CalendarDay>;
  /** Absent: the grid only shows the schedule. */
  onToggle?: (date: string) => void;
}

/** The weeks of one month, Monday first, holidays marked 休 and make-up working days 班. */
export function MonthGrid({ year, month, days, onToggle }: Props) {
  const { t } = useTranslation();
  const first = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  const next = dayNumber(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`);
  const lead = (weekdayOfDay(first) + 6) % 7; // Monday = 0
  const cells: (number | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = first; d < next; d++) cells.push(d);
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {t('admin.yearEditor.month', { month })}
      </Text>
      <Table withRowBorders={false} verticalSpacing={1} horizontalSpacing={1} layout="fixed" fz="xs">
        <Table.Thead>
          <Table.Tr>
            {WEEKDAYS.map((w) => (
              <Table.Th key={w} ta="center" c={w === 'sat' || w === 'sun' ? 'dimmed' : undefined}>
                {t(`admin.yearEditor.weekdays.${w}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week, w) => (
            <Table.Tr key={w}>
              {week.map((day, i) => (
                <Table.Td key={i} p={1}>
                  {day !== null && (
                    <DayCell day={day} weekend={i >= 5} entry={days.get(fromDayNumber(day))} onToggle={onToggle} />
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function DayCell({
  day,
  weekend,
  entry,
  onToggle,
}: {
  day: number;
  weekend: boolean;
  entry: CalendarDay | undefined;
  onToggle: Props['onToggle'];
}) {
  const { t } = useTranslation();
  const date = fromDayNumber(day);
  const mark = entry ? t(`admin.yearEditor.${entry.kind}`) : '';
  const colors =
    entry?.kind === 'rest'
      ? { bg: 'red.1', c: 'red.9' }
      : entry?.kind === 'work'
        ? { bg: 'blue.1', c: 'blue.9' }
        : { c: weekend ? 'dimmed' : undefined };
  const content = (
    <Text
      component="span"
      size="xs"
      fw={entry ? 700 : 400}
      {...colors}
      style={{ display: 'block', textAlign: 'center', borderRadius: 4, lineHeight: '22px' }}
    >
      {Number(date.slice(8))}
      {mark && <sup>{mark}</sup>}
    </Text>
  );
  if (!onToggle) return <span title={entry?.name}>{content}</span>;
  return (
    <UnstyledButton
      onClick={() => onToggle(date)}
      aria-label={[date, mark, entry?.name].filter(Boolean).join(' ')}
      aria-pressed={Boolean(entry)}
      title={entry?.name}
      style={{ display: 'block', width: '100%' }}
    >
      {content}
    </UnstyledButton>
  );
}
