import { Group, ScrollArea, Stack, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportAnswer, ReportFigure } from '../../../shared/sync/reportApi.ts';
import {
  denominatorFigure,
  figureLabelKey,
  formatDays,
  formatRate,
  isCountFigure,
  isValueFigure,
  notYetJudged,
  orderedGroups,
  sectionsOf,
} from './figureSections.ts';
import { groupName, type ReportNames } from './reportNames.ts';

const FIGURE_COLUMN_REM = 12;
/** Room for "1234/5678（100.0%）": compact, so a dozen people fit beside the figure names at 1366 px. */
const GROUP_COLUMN_REM = 8;

/** The figure names stay in view while the groups scroll sideways (by person there may be hundreds of columns). */
const STICKY: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  boxShadow: 'inset -1px 0 0 var(--mantine-color-default-border)',
};

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
                  <Table.Th scope="col" style={{ ...STICKY, width: `${FIGURE_COLUMN_REM}rem` }}>
                    {t('reports.column.figure')}
                  </Table.Th>
                  {groups.map((g) => (
                    <Table.Th
                      key={g.group}
                      scope="col"
                      style={{ width: `${GROUP_COLUMN_REM}rem`, overflowWrap: 'anywhere' }}
                    >
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
                      <Table.Th scope="row" style={{ ...STICKY, fontWeight: 500 }}>
                        {label}
                      </Table.Th>
                      {groups.map((g) => (
                        <Table.Td key={g.group}>
                          <FigureCell
                            figureKey={key}
                            figure={g.figures[key]}
                            label={label}
                            group={name(g.group)}
                            language={language}
                            pending={notYetJudged(key, answer.period, answer.freshness.today)}
                            onDrill={(drilled, figure) =>
                              onDrill({ key: drilled, group: g.group, figure, groupName: name(g.group) })
                            }
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
  readonly figureKey: string;
  readonly figure: ReportFigure | undefined;
  readonly label: string;
  readonly group: string;
  readonly language: string;
  /** Not judged yet (当日未处置 while a day of the period is not over). */
  readonly pending: boolean;
  readonly onDrill: (key: string, figure: string) => void;
}

function FigureCell({ figureKey, figure, label, group, language, pending, onDrill }: CellProps) {
  const { t, i18n } = useTranslation();
  if (!figure) return <Text c="dimmed">—</Text>;
  if (pending) {
    const hint = t('reports.cell.pending');
    return (
      <Tooltip label={hint}>
        <Text
          c="dimmed"
          size="sm"
          span
          tabIndex={0}
          aria-label={t('reports.cell.pendingLabel', { figure: label, group, hint })}
        >
          —
        </Text>
      </Tooltip>
    );
  }
  if (isValueFigure(figure)) {
    // A figure of values counts the accepted transfers: the denominator is how many, the numerator their days' sum.
    const count = figure.denominator;
    const median = formatDays(figure.median, language);
    const mean = formatDays(figure.rate, language);
    if (count === 0) {
      return (
        <Text c="dimmed" size="sm" aria-label={t('reports.cell.nothingLabel', { figure: label, group })}>
          {t('reports.cell.nothing')}
        </Text>
      );
    }
    return (
      <CellButton
        onClick={() => onDrill(figureKey, label)}
        label={t('reports.cell.valueLabel', { figure: label, group, count, median, mean })}
      >
        {`${t('reports.cell.valueCount', { count })} · ${t('reports.cell.value', { median, mean })}`}
      </CellButton>
    );
  }
  if (isCountFigure(figureKey)) {
    // Its denominator is itself: the count alone, a button to its records.
    return figure.numerator > 0 ? (
      <CellButton
        onClick={() => onDrill(figureKey, label)}
        label={t('reports.cell.countLabel', { figure: label, group, count: figure.numerator })}
      >
        {figure.numerator}
      </CellButton>
    ) : (
      <Text size="sm" span c="dimmed">
        0
      </Text>
    );
  }
  const rate = formatRate(figure.rate, language);
  const whole = denominatorFigure(figureKey);
  const wholeLabel = whole && (i18n.exists(figureLabelKey(whole)) ? t(figureLabelKey(whole)) : whole);
  const numerator =
    figure.numerator > 0 ? (
      <CellButton
        onClick={() => onDrill(figureKey, label)}
        label={t('reports.cell.label', {
          figure: label,
          group,
          numerator: figure.numerator,
          denominator: figure.denominator,
          rate,
        })}
      >
        {figure.numerator}
      </CellButton>
    ) : (
      String(figure.numerator)
    );
  const denominator =
    whole && wholeLabel && figure.denominator > 0 ? (
      <CellButton
        onClick={() => onDrill(whole, wholeLabel)}
        label={t('reports.cell.denominatorLabel', {
          figure: label,
          group,
          denominator: figure.denominator,
          whole: wholeLabel,
        })}
      >
        {figure.denominator}
      </CellButton>
    ) : (
      String(figure.denominator)
    );
  return (
    <Text
      size="sm"
      span
      c={figure.denominator === 0 ? 'dimmed' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >
      {/* Large counts wrap the rate to a second line rather than spill into the next column. */}
      <span style={{ whiteSpace: 'nowrap' }}>
        {numerator}/{denominator}
      </span>
      <span style={{ whiteSpace: 'nowrap' }}>{t('reports.cell.rate', { rate })}</span>
    </Text>
  );
}

/** A count that lists its records: underlined, reachable by Tab, named in full for a screen reader. */
function CellButton({ onClick, label, children }: { onClick: () => void; label: string; children: ReactNode }) {
  return (
    <UnstyledButton onClick={onClick} aria-label={label} fz="sm" style={{ textDecoration: 'underline dotted' }}>
      {children}
    </UnstyledButton>
  );
}
