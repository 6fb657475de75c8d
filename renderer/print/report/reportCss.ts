import { cssString } from '../escape.ts';
import { pageCounterContent, SANS, SERIF } from '../styles.ts';

// The 月报's print CSS: A4 portrait, the fonts named (without a CJK font Chromium prints boxes, TOOLCHAIN.md), the
// bureau, period and page number in the page's bottom margin, tables of fixed layout whose header repeats on each
// page and whose rows never split across two, charts kept whole, and levels of the warning list told apart by
// their word and their box (solid black, outlined, dashed) — never by colour alone.

export function reportCss(footer: string, pageLabel: string): string {
  return `
@page {
  size: A4;
  margin: 16mm 16mm 18mm;
  @bottom-center { content: ${cssString(footer)} "\\3000" ${pageCounterContent(pageLabel)};
    font-family: ${SERIF}; font-size: 8.5pt; }
}
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; font-family: ${SERIF}; font-size: 10pt;
  line-height: 1.5; }
.sheet { overflow-wrap: anywhere; line-break: strict; }
h1, h2, h3, p { margin: 0; }
.bureau, h1, h2, h3, th, .level, .total th, .total td { font-family: ${SANS}; font-weight: 700; }
.bureau { text-align: center; font-size: 13pt; letter-spacing: 0.1em; }
h1 { text-align: center; font-size: 21pt; letter-spacing: 0.3em; margin-top: 1mm; }
.meta { margin-top: 4mm; border-top: 0.4mm solid #000; border-bottom: 0.4mm solid #000; padding: 1.5mm 0; }
.meta p { margin: 0.3mm 0; }
.basis { text-indent: 2em; margin-top: 2mm; }
h2 { font-size: 13pt; margin-top: 5mm; margin-bottom: 1.5mm; break-after: avoid; }
h3 { font-size: 11pt; margin-top: 3mm; margin-bottom: 1mm; break-after: avoid; }
.legend, .note { font-size: 8.5pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9pt; line-height: 1.35;
  margin-top: 1mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.3mm solid #000; padding: 0.8mm 1.2mm; vertical-align: top; text-align: left; }
th { background: #e9ecef; font-size: 8.5pt; }
td.num { text-align: right; }
.frac { display: block; white-space: nowrap; }
.rate { display: block; font-size: 8pt; }
tr.total td, tr.total th { border-top: 0.6mm double #000; }
figure.chart { margin: 2mm 0 0; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
.summary { font-family: ${SANS}; font-weight: 700; margin: 1mm 0 1.5mm; }
.level { display: inline-block; padding: 0 1.2mm; border: 0.35mm solid #000; overflow-wrap: normal; }
.level-red { background: #000; color: #fff; }
.level-yellow { border-style: solid; }
.level-warning { border-style: dashed; font-weight: 400; }
.rule { display: block; font-size: 8pt; }
.nobr { white-space: nowrap; }
table.warnings col.level-col { width: 20mm; }
table.warnings col.article { width: 21mm; }
table.warnings col.person { width: 18mm; }
table.warnings col.day { width: 21mm; }
table.warnings col.days { width: 27mm; }
:lang(en) table.warnings col.days { width: 35mm; }
/* A date and "超期 121 个工作日" / "121 working days late" each stay on one line: the sheet may break CJK text
   anywhere (overflow-wrap: anywhere), which split 工|作日 across two lines while the person's column stood half empty. */
table.warnings td.day, table.warnings td.days { white-space: nowrap; overflow-wrap: normal; }
@media screen {
  body { background: #dee2e6; padding: 6mm 0; }
  .sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 16mm; background: #fff;
    box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.25); }
}
`;
}
