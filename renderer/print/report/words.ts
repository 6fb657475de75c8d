import type { TFunction } from 'i18next';
import { enCases } from '../../../shared/i18n/en.cases.ts';
import { enReportPrint } from '../../../shared/i18n/en.reportPrint.ts';
import { enReports } from '../../../shared/i18n/en.reports.ts';
import { zhCNCases } from '../../../shared/i18n/zh-CN.cases.ts';
import { zhCNReportPrint } from '../../../shared/i18n/zh-CN.reportPrint.ts';
import { zhCNReports } from '../../../shared/i18n/zh-CN.reports.ts';
import { PERIOD_KINDS, periodOf, type Period, type PeriodKind } from '../../../shared/rules/reports/periods.ts';
import { DEFAULT_WARNING_THRESHOLDS } from '../../../shared/rules/reports/warnings.ts';
import type { ReportWarning } from '../../../shared/sync/reportApi.ts';
import { articleLabel } from '../../features/cases/articleLabel.ts';
import { fill } from '../../../shared/rules/slips/paper.ts';

/** `{{name}}` placeholders, the slips' own filler. */
export { fill };

// The printed 月报 and its charts are drawn outside React's i18next context (a string of HTML, an SVG rendered off
// screen), so they take the words of the language they are printed in directly: zh-CN unless English was asked for.

export type ReportPrintWords = typeof zhCNReportPrint & {
  /** The 督查报表 screen's own figure names (reports.figure.*, '.' written '_'), so chart and paper say them alike. */
  readonly figure: Readonly<Record<string, string>>;
};
export type ReportLang = 'zh-CN' | 'en';

const isEnglish = (lang: string) => lang.toLowerCase().startsWith('en');

const ZH_WORDS: ReportPrintWords = { ...zhCNReportPrint, figure: zhCNReports.figure };
const EN_WORDS: ReportPrintWords = { ...enReportPrint, figure: enReports.figure };

export function reportWords(lang: string): ReportPrintWords {
  return isEnglish(lang) ? EN_WORDS : ZH_WORDS;
}

/** A figure's name as the screen's figure table says it ('transfers.acceptedInTime' → 次一工作日内承接). */
export function figureWord(words: ReportPrintWords, key: string): string {
  return words.figure[key.replaceAll('.', '_')] ?? key;
}

/** What a report covers: exactly one calendar day, week, month, quarter or year, or any other range ('custom'). */
export type ReportKind = PeriodKind | 'custom';

export function reportKind({ from, to }: Period): ReportKind {
  for (const kind of PERIOD_KINDS) {
    try {
      const whole = periodOf(kind, from);
      if (whole.from === from && whole.to === to) return kind;
    } catch {
      return 'custom';
    }
  }
  return 'custom';
}

export function reportLang(lang: string): ReportLang {
  return isEnglish(lang) ? 'en' : 'zh-CN';
}

/** How the paper words one warning: the screen's own words (reports.level/code/rule/warning.*, cases.article*). */
export interface WarningPrintWords {
  readonly level: string;
  readonly duty: string;
  readonly rule: string;
  readonly article: string;
  readonly days: string;
}

/**
 * The warning list's words, taken from the very dictionaries the 督查报表 screen reads through i18next, so the paper
 * and the screen never say a duty two ways ('转办未在次一工作日内承接', art. 8(3) → 第八条第（三）项).
 */
export function warningPrintWords(lang: string): (w: ReportWarning) => WarningPrintWords {
  const en = isEnglish(lang);
  const dict = { reports: en ? enReports : zhCNReports, cases: en ? enCases : zhCNCases };
  const lookup = (key: string): string | undefined => {
    let at: unknown = dict;
    for (const part of key.split('.')) at = (at as Record<string, unknown> | undefined)?.[part];
    return typeof at === 'string' ? at : undefined;
  };
  const say = (key: string, vars: Record<string, string | number> = {}) => fill(lookup(key) ?? key, vars);
  // articleLabel asks only for t(key, {n, k}); this is that much of i18next over the same words.
  const t = ((key: string, vars?: Record<string, string | number>) => say(key, vars)) as unknown as TFunction;
  const language = en ? 'en' : 'zh-CN';
  const window = DEFAULT_WARNING_THRESHOLDS.repeatWindowDays;
  return (w) => {
    const article = articleLabel(w.article, t, language);
    return {
      level: say(`reports.level.${w.level}`),
      duty: lookup(`reports.code.${w.code}`) ?? w.code,
      rule: lookup(`reports.rule.${w.rule}`) !== undefined ? say(`reports.rule.${w.rule}`, { window }) : w.rule,
      // A table cell begins with the article: "Art. 8(3)" in English; Chinese has no capitals.
      article: article.charAt(0).toUpperCase() + article.slice(1),
      days:
        w.level === 'warning'
          ? w.days === 0
            ? say('reports.warning.daysLeftNone')
            : say('reports.warning.daysLeft', { count: w.days })
          : say('reports.warning.daysLate', { count: w.days }),
    };
  };
}
