import { Alert, Button, List, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../../shared/model/calendar.ts';
import { parseCalendarText, type ImportProblem } from '../../../../shared/rules/calendarImport.ts';

interface Props {
  year: number;
  /** The lines read: they replace what was entered, with the notice number when the text named one. */
  onImport: (days: CalendarDay[], noticeNumber: string | undefined) => void;
}

/** Paste a year's schedule as text lines (2027-01-01 休 元旦 …); every line not taken is listed with why. */
export function PastePanel({ year, onImport }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [imported, setImported] = useState<number | null>(null);

  function importText() {
    const result = parseCalendarText(text, year);
    setProblems(result.problems);
    setImported(result.days.length);
    onImport(result.days, result.noticeNumber);
  }

  return (
    <Stack gap="xs">
      <Textarea
        label={t('admin.yearEditor.paste')}
        description={t('admin.yearEditor.pasteHint')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setImported(null);
        }}
        autosize
        minRows={4}
        maxRows={14}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Button variant="light" onClick={importText} disabled={!text.trim()} w="fit-content">
        {t('admin.yearEditor.import')}
      </Button>
      {imported !== null && problems.length === 0 && (
        <Alert color="teal" role="status">
          {t('admin.yearEditor.imported', { count: imported })}
        </Alert>
      )}
      {problems.length > 0 && (
        <Alert color="orange" role="alert" title={t('admin.yearEditor.problems')}>
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={p.line}>
                {t('admin.yearEditor.problemLine', {
                  line: p.line,
                  text: p.text,
                  message: t(`admin.errors.${p.message}`),
                })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
