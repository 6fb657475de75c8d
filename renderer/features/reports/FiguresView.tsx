import { Group, ScrollArea, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportAnswer, ReportFigure } from '../../../shared/sync/reportApi.ts';
import { figureLabelKey, formatDays, formatRate, isValueFigure, orderedGroups, sectionsOf } from './figureSections.ts';
import { groupName, type ReportNames } from './reportNames.ts';

const FIGURE_COLUMN_REM = 14;
/** Room for "12345/67890 (100.0%)". */
const GROUP_COLUMN_REM = 10;

export interface DrillTarget {
  readonly key: string;
  readonly group: string;
  /** The figure's and group's names, for the drawer's title. */
  readonly figure: string;
  readonly groupName: string;
}

interface Props {
  readonly answer: ReportAnswer;
  readonly names: ReportNames;
  readonly onDrill: (target: DrillTarget) => void;
}

/**
 * The figures in sections: a row per figure, a column per group (the bureau, each department or each person), each
 * cell "分子/分母（比率）" — both counts visible — and a button that lists the records behind the numerator.
 */
export function FiguresView({ answer, names, onDrill }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const name = (g: string) => groupName(answer.groupBy, g, names, t);
  const groups = orderedGroups(answer, name, language);
  const sections = sectionsOf(answer);
  if (groups.length === 0) {
    return (
      <Text c="dimmed" data-testid="reports-empty">
        {t('reports.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="lg" data-testid="reports-figures">
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`reports-section-${section.id}`}>
          <Group justify="space-between" align="baseline" mb={4}>
            <Title order={5} id={`reports-section-${section.id}`}>
              {t(`reports.section.${section.id}`)}
            </Title>
            <Text size="xs" c="dimmed">
              {t(`reports.sectionHint.${section.id}`)}
            </Text>
          </Group>
          <ScrollArea type="auto" offsetScrollbars>
            <Table
              withTableBorder
              withColumnBorders
              striped
              verticalSpacing={4}
              data-section={section.id}
              // The same column widths in every section, so the groups line up down the page.
              style={{ tableLayout: 'fixed', minWidth: `${FIGURE_COLUMN_REM + groups.length * GROUP_COLUMN_REM}rem` }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" style={{ width: `${FIGURE_COLUMN_REM}rem` }}>
                    {t('reports.column.figure')}
                  </Table.Th>
                  {groups.map((g) => (
                    <Table.Th key={g.group} scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {name(g.group)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {section.keys.map((key) => {
                  const label = i18n.exists(figureLabelKey(key)) ? t(figureLabelKey(key)) : key;
                  return (
                    <Table.Tr key={key} data-figure={key}>
                      <Table.Th scope="row" style={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
                        {label}
                      </Table.Th>
                      {groups.map((g) => (
                        <Table.Td key={g.group} style={{ whiteSpace: 'nowrap' }}>
                          <FigureCell
                            figure={g.figures[key]}
                            label={label}
                            group={name(g.group)}
                            language={language}
                            onDrill={() => onDrill({ key, group: g.group, figure: label, groupName: name(g.group) })}
                          />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </section>
      ))}
    </Stack>
  );
}

interface CellProps {
  readonly figure: ReportFigure | undefined;
  readonly label: string;
  readonly group: string;
  readonly language: string;
  readonly onDrill: () => void;
}

function FigureCell({ figure, label, group, language, onDrill }: CellProps) {
  const { t } = useTranslation();
  if (!figure) return <Text c="dimmed">—</Text>;
  const value = isValueFigure(figure);
  // A figure of values counts the accepted transfers: the denominator is how many, the numerator their days' sum.
  const count = value ? figure.denominator : figure.numerator;
  const text = value
    ? `${t('reports.cell.valueCount', { count })} · ${t('reports.cell.value', {
        median: formatDays(figure.median, language),
        mean: formatDays(figure.rate, language),
      })}`
    : `${figure.numerator}/${figure.denominator} (${formatRate(figure.rate, language)})`;
  if (count === 0) {
    return (
      <Text c="dimmed" size="sm" aria-label={t('reports.cell.nothingLabel', { figure: label, group })}>
        {value ? t('reports.cell.nothing') : text}
      </Text>
    );
  }
  const aria = value
    ? t('reports.cell.valueLabel', {
        figure: label,
        group,
        count,
        median: formatDays(figure.median, language),
        mean: formatDays(figure.rate, language),
      })
    : t('reports.cell.label', {
        figure: label,
        group,
        numerator: figure.numerator,
        denominator: figure.denominator,
        rate: formatRate(figure.rate, language),
      });
  return (
    <UnstyledButton
      onClick={onDrill}
      aria-label={aria}
      style={{ textDecoration: 'underline dotted', fontVariantNumeric: 'tabular-nums' }}
    >
      <Text size="sm" span>
        {text}
      </Text>
    </UnstyledButton>
  );
}
