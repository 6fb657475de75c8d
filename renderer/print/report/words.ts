import { enReportPrint } from '../../../shared/i18n/en.reportPrint.ts';
import { zhCNReportPrint } from '../../../shared/i18n/zh-CN.reportPrint.ts';

/** `{{name}}` placeholders, the slips' own filler. */
export { fill } from '../../../shared/rules/slips/paper.ts';

// The printed 月报 and its charts are drawn outside React's i18next context (a string of HTML, an SVG rendered off
// screen), so they take the words of the language they are printed in directly: zh-CN unless English was asked for.

export type ReportPrintWords = typeof zhCNReportPrint;
export type ReportLang = 'zh-CN' | 'en';

export function reportWords(lang: string): ReportPrintWords {
  return lang.toLowerCase().startsWith('en') ? enReportPrint : zhCNReportPrint;
}

export function reportLang(lang: string): ReportLang {
  return lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
