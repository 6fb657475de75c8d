import type { TFunction } from 'i18next';
import { DEFAULT_WARNING_THRESHOLDS } from '../../../../shared/rules/reports/warnings.ts';
import type { ReportAnswer, ReportDrill, ReportFactWire, ReportWarning } from '../../../../shared/sync/reportApi.ts';
import { articleLabel } from '../../cases/articleLabel.ts';
import {
  figureLabelKey,
  isCountFigure,
  isValueFigure,
  notYetJudged,
  orderedGroups,
  sectionsOf,
} from '../figureSections.ts';
import { factWords } from '../factWords.ts';
import { groupName, type ReportNames } from '../reportNames.ts';
import type { ExportCell, ExportTable } from './table.ts';

// The screen's three tables — the figures, the warning list, a drill-down page — as export tables, built from the
// same answer the screen shows, so a file holds exactly what the reader saw (names from the desk's directory).

interface Words {
  readonly t: TFunction;
  readonly exists: (key: string) => boolean;
  readonly language: string;
  readonly names: ReportNames;
}

/** Figures in long form, one row per figure and group: what a spreadsheet filters and pivots best. */
export function figuresTable(answer: ReportAnswer, w: Words): ExportTable {
  const { t, names, language } = w;
  const name = (g: string) => groupName(answer.groupBy, g, names, t);
  const groups = orderedGroups(answer, name, language);
  const rows: ExportCell[][] = [];
  for (const section of sectionsOf(answer)) {
    for (const key of section.keys) {
      const label = w.exists(figureLabelKey(key)) ? t(figureLabelKey(key)) : key;
      for (const g of groups) {
        const f = g.figures[key];
        if (!f) continue;
        const value = isValueFigure(f);
        // As the screen shows it: a count alone, and nothing where the figure cannot be judged yet.
        const pending = notYetJudged(key, answer.period, answer.freshness.today);
        const count = isCountFigure(key);
        rows.push([
          t(`reports.section.${section.id}`),
          label,
          name(g.group),
          pending ? null : f.numerator,
          pending || count ? null : f.denominator,
          value || pending || count ? null : f.rate,
          value ? (f.rate ?? null) : null,
          value ? (f.median ?? null) : null,
        ]);
      }
    }
  }
  return {
    title: t('reports.export.figuresSheet'),
    columns: [
      { header: t('reports.column.section'), kind: 'text' },
      { header: t('reports.column.figure'), kind: 'text' },
      { header: t(`reports.groupBy.${answer.groupBy}`), kind: 'text' },
      { header: t('reports.column.numerator'), kind: 'count' },
      { header: t('reports.column.denominator'), kind: 'count' },
      { header: t('reports.column.rate'), kind: 'rate' },
      { header: t('reports.column.mean'), kind: 'number' },
      { header: t('reports.column.median'), kind: 'number' },
    ],
    rows,
  };
}

/** The words of a warning card: its level, the rule that raised it, the duty and the days. */
export function warningWords(w: ReportWarning, words: Pick<Words, 't' | 'exists'>) {
  const { t, exists } = words;
  const code = `reports.code.${w.code}`;
  const rule = `reports.rule.${w.rule}`;
  return {
    level: t(`reports.level.${w.level}`),
    duty: exists(code) ? t(code) : w.code,
    rule: exists(rule) ? t(rule, { window: DEFAULT_WARNING_THRESHOLDS.repeatWindowDays }) : w.rule,
    days: t(w.level === 'warning' ? 'reports.warning.daysLeft' : 'reports.warning.daysLate', { count: w.days }),
  };
}

export function warningsTable(warnings: readonly ReportWarning[], w: Words): ExportTable {
  const { t, names, language } = w;
  return {
    title: t('reports.export.warningsSheet'),
    columns: [
      { header: t('reports.column.level'), kind: 'text' },
      { header: t('reports.column.duty'), kind: 'text' },
      { header: t('reports.column.rule'), kind: 'text' },
      { header: t('reports.column.article'), kind: 'text' },
      { header: t('reports.column.staff'), kind: 'text' },
      { header: t('reports.column.department'), kind: 'text' },
      // A 预警's day is when it falls due and its days are those left; a card's day is when the lapse began and its
      // days those late: each in its own column, so no row is read the wrong way.
      { header: t('reports.column.dueDay'), kind: 'text' },
      { header: t('reports.column.daysLeft'), kind: 'count' },
      { header: t('reports.column.lateSince'), kind: 'text' },
      { header: t('reports.column.daysLate'), kind: 'count' },
      { header: t('reports.column.record'), kind: 'text' },
    ],
    rows: warnings.map((card) => {
      const due = card.level === 'warning';
      const words = warningWords(card, w);
      return [
        words.level,
        words.duty,
        words.rule,
        articleLabel(card.article, t, language),
        names.staff(card.staffId),
        names.department(card.departmentId),
        due ? card.day : null,
        due ? card.days : null,
        due ? null : card.day,
        due ? null : card.days,
        card.recordId,
      ];
    }),
  };
}

export function drillTable(drill: ReportDrill, figure: string, w: Words): ExportTable {
  const { t, names } = w;
  return {
    title: figure,
    columns: [
      { header: t('reports.column.day'), kind: 'text' },
      { header: t('reports.column.staff'), kind: 'text' },
      { header: t('reports.column.department'), kind: 'text' },
      { header: t('reports.column.says'), kind: 'text' },
      { header: t('reports.column.record'), kind: 'text' },
    ],
    rows: drill.facts.map((f: ReportFactWire) => [
      f.day,
      names.staff(f.staffId),
      names.department(f.departmentId),
      factWords(f, t, w.exists, names),
      f.recordId,
    ]),
  };
}
