import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../shared/model/calendar.ts';
import type { CalendarChange } from '../../../../shared/rules/calendarAdmin.ts';

/** Each date a proposal changes: what it was, what it becomes (the confirming admin checks these). */
export function ChangesTable({ changes, label }: { changes: readonly CalendarChange[]; label: string }) {
  const { t } = useTranslation();
  const describe = (day: CalendarDay | undefined) =>
    day ? [t(`admin.yearEditor.${day.kind}`), day.name].filter(Boolean).join(' ') : t('admin.review.ordinary');
  return (
    <Table striped verticalSpacing={4} aria-label={label} maw={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.review.date')}</Table.Th>
          <Table.Th>{t('admin.review.before')}</Table.Th>
          <Table.Th>{t('admin.review.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.date}>
            <Table.Td>{c.date}</Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {describe(c.before)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600} c={c.after?.kind === 'rest' ? 'red.8' : c.after ? 'blue.8' : undefined}>
                {describe(c.after)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
