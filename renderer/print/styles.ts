import { receiptPageMm, type PaperFormat } from '../../shared/model/slip.ts';
import { cssString } from './escape.ts';

// Print CSS of the two papers. The fonts are named, never left to the browser's default: without a CJK font
// Chromium prints boxes (TOOLCHAIN.md). Linux desks have fonts-noto-cjk; Windows desks have Microsoft YaHei and
// SimSun; macOS has PingFang/Songti. Text never overflows the paper: long runs (addresses, file names) break
// anywhere, tables have fixed layouts, and nothing has a fixed height but the receipt's page, which is measured.

/**
 * A receipt's top and bottom page margin: a receipt longer than one roll page continues on the next, and a
 * thermal head cannot print at the very edge of a page. The measured page height includes both margins.
 */
export const RECEIPT_PAGE_MARGIN_MM = 3;

export const SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
export const SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif';

/** `第 {{page}} 页 共 {{pages}} 页` → `"第 " counter(page) " 页 共 " counter(pages) " 页"` */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{\{pages?\}\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

const COMMON = `
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { overflow-wrap: anywhere; word-break: normal; line-break: strict; }
:where(.sheet) :where(h1, h2, p, ol, ul, dl, dd) { margin: 0; }
.bureau, .title, h2, th, .field-label, .stub-heading, .reprint, .addressee, .notice { font-family: ${SANS}; }
/* Every heading, label and emphasis is sans bold, the text serif regular (A4) or sans regular (receipt): two font
   faces per slip, because each CJK face costs Chromium ~50 ms to subset into the PDF. */
.bureau, .title, h2, th, .field-label, .stub-heading, .reprint, .addressee, .notice { font-weight: 700; }
.title { font-weight: 700; text-align: center; }
.bureau { text-align: center; }
.reprint { display: block; width: fit-content; margin: 1.5mm auto 0; padding: 0.5mm 3mm;
  border: 0.4mm solid #000; font-weight: 700; }
.intro, .closing { text-indent: 2em; }
.notice { border: 0.3mm solid #000; padding: 1.5mm 2.5mm; }
.qr svg { display: block; width: 100%; height: auto; }
.qr-caption { text-align: center; }
.field-label { font-weight: 700; }
.cut { border-top: 0.3mm dashed #000; text-align: center; }
.cut span { position: relative; top: -0.75em; background: #fff; padding: 0 2mm; }
.keep { break-inside: avoid; }
`;

function a4Css(serial: string, pageLabel: string): string {
  return `
@page {
  size: A4;
  margin: 16mm 18mm 18mm;
  @bottom-center { content: ${cssString(serial)} "\\3000" ${pageCounterContent(pageLabel)};
    font-family: ${SERIF}; font-size: 8.5pt; }
}
${COMMON}
body { font-family: ${SERIF}; font-size: 10.5pt; line-height: 1.6; }
.bureau { font-size: 13pt; letter-spacing: 0.1em; }
.title { font-size: 21pt; letter-spacing: 0.25em; margin-top: 1mm; }
.head { display: flex; gap: 6mm; align-items: flex-start; margin-top: 5mm; }
.head .meta { flex: 1 1 auto; min-width: 0; }
.head .qr { flex: 0 0 26mm; }
.qr-caption { font-size: 7.5pt; line-height: 1.3; margin-top: 0.5mm; }
.fields { display: grid; grid-template-columns: max-content minmax(0, 1fr); column-gap: 3mm; row-gap: 0.6mm; }
.fields dt { white-space: nowrap; }
.fields dd { min-width: 0; }
.addressee { margin-top: 4mm; font-weight: 700; }
.intro { margin-top: 1.5mm; }
section { margin-top: 3.5mm; }
h2 { font-size: 12pt; margin-bottom: 1.2mm; break-after: avoid; }
ol, ul { padding-left: 2em; }
li { margin: 0.3mm 0; }
.notice { margin-top: 1.5mm; font-family: ${SERIF}; font-weight: 400; }
table.materials { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9.5pt; line-height: 1.5; }
table.materials thead { display: table-header-group; }
table.materials tr { break-inside: avoid; }
table.materials th, table.materials td { border: 0.3mm solid #000; padding: 1mm 1.4mm; vertical-align: top; text-align: left; }
table.materials th { background: #e9ecef; font-size: 9.5pt; }
table.materials col.no { width: 11mm; }
table.materials col.name { width: 30%; }
table.materials col.copies { width: 13%; }
table.materials col.format { width: 26%; }
.requirement { display: block; font-size: 8.5pt; margin-top: 0.5mm; }
.material-note { display: block; }
.closing { margin-top: 3mm; }
.foot { display: flex; gap: 8mm; margin-top: 4mm; align-items: flex-end; break-inside: avoid; }
.foot .fields { flex: 1 1 auto; }
.signature { flex: 0 0 62mm; text-align: center; }
.signature .seal { margin-top: 3mm; }
.keep { padding-top: 5mm; }
.cut { font-size: 8.5pt; }
.stub { margin-top: 1mm; font-size: 10pt; }
.stub-heading { font-size: 11pt; font-weight: 700; text-align: center; margin-bottom: 1.5mm; }
.stub .fields { grid-template-columns: max-content minmax(0, 1fr) max-content minmax(0, 1fr); }
.stub .acknowledgement { margin-top: 2mm; }
.stub .sign { margin-top: 5mm; text-align: right; }
@media screen {
  body { background: #dee2e6; padding: 6mm 0; }
  .sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 16mm 18mm 18mm; background: #fff;
    box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.25); }
}
`;
}

// On the 80 mm roll every full-width punctuation mark keeps its full width (text-spacing-trim: space-all): Chromium
// 150 trimmed it when breaking lines but not when sizing them, so a line with 「“」 could stick 6 px out of its box.
function receiptCss(heightMm: number): string {
  return `
@page { size: 80mm ${receiptPageMm(heightMm)}mm; margin: ${RECEIPT_PAGE_MARGIN_MM}mm 0; }
${COMMON}
body { font-family: ${SANS}; font-size: 10.5pt; line-height: 1.45; }
.sheet { width: 80mm; padding: 1mm 4mm 3mm; text-spacing-trim: space-all; }
.bureau { font-size: 10.5pt; }
.title { font-size: 16pt; letter-spacing: 0.12em; margin-top: 0.5mm; }
.head { margin-top: 2.5mm; }
.head .qr { margin-top: 2mm; }
.head .qr > div { width: 30mm; margin: 0 auto; }
.qr-caption { font-size: 8.5pt; }
.fields dt { display: inline; font-weight: 700; }
.fields dd { display: inline; }
.fields dd::after { content: ""; display: block; }
.addressee { margin-top: 2.5mm; font-weight: 700; }
.intro { margin-top: 1mm; }
section { margin-top: 2.5mm; }
h2 { font-size: 11.5pt; margin-bottom: 0.8mm; border-bottom: 0.3mm solid #000; }
ol, ul { padding-left: 1.6em; }
.notice { margin-top: 1.5mm; font-weight: 700; }
.material { margin-top: 1.5mm; padding-top: 1.2mm; border-top: 0.2mm dashed #000; }
.material:first-child { border-top: 0; padding-top: 0; }
.material .name { font-weight: 700; }
.material .line { display: block; font-size: 9.5pt; }
.closing { margin-top: 2mm; }
.foot { margin-top: 3mm; border-top: 0.3mm solid #000; padding-top: 1.5mm; }
.signature { margin-top: 1.5mm; text-align: right; }
.keep { padding-top: 5mm; }
.cut { font-size: 8.5pt; }
.stub { margin-top: 1mm; font-size: 10pt; }
.stub-heading { font-size: 11pt; font-weight: 700; text-align: center; margin-bottom: 1mm; }
.stub .acknowledgement { margin-top: 1mm; }
.stub .sign { margin-top: 6mm; }
@media screen {
  body { background: #dee2e6; padding: 6mm 0; }
  .sheet { margin: 0 auto; background: #fff; box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.25); }
}
`;
}

export interface SlipCssOptions {
  readonly serial: string;
  readonly pageLabel: string;
  /** The receipt's page height, measured from its content (print/measure.ts). */
  readonly receiptHeightMm: number;
}

export function slipCss(format: PaperFormat, options: SlipCssOptions): string {
  return format === 'a4' ? a4Css(options.serial, options.pageLabel) : receiptCss(options.receiptHeightMm);
}
