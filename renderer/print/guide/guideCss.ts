import { SANS, SERIF } from '../styles.ts';

// Print CSS of the 明白纸 (A4) and the 公示栏 poster (A4 or A3), portrait. The fonts are named, never left to the
// browser (without a CJK font Chromium prints boxes, TOOLCHAIN.md). Every type size and gap is the design's times
// `scale`, which fit.ts lowers step by step (to a floor) until the content fits its page. On screen (the preview and
// the measuring frame) the sheet is drawn at the paper's size with the page margins as its padding, and its `.page`
// is exactly what print lays out between the margins: the height measured is the height printed.

export type GuideSheet = 'A4' | 'A3';

/** Paper size in mm, portrait. */
export const SHEET_MM: Record<GuideSheet, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
};

/** Page margins in mm: top, sides, bottom. */
export const GUIDE_MARGIN_MM = { top: 10, side: 14, bottom: 10 } as const;

/** The height the content may take on one page, in mm. */
export function printableHeightMm(sheet: GuideSheet): number {
  return SHEET_MM[sheet].height - GUIDE_MARGIN_MM.top - GUIDE_MARGIN_MM.bottom;
}

function sized(scale: number) {
  return {
    pt: (n: number) => `${(n * scale).toFixed(2)}pt`,
    mm: (n: number) => `${(n * scale).toFixed(2)}mm`,
  };
}

function frame(sheet: GuideSheet): string {
  const { width, height } = SHEET_MM[sheet];
  const { top, side, bottom } = GUIDE_MARGIN_MM;
  return `
@page { size: ${sheet}; margin: ${top}mm ${side}mm ${bottom}mm; }
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { overflow-wrap: anywhere; word-break: normal; line-break: strict; }
:where(.sheet) :where(h1, h2, p, ol, ul, dl, dd) { margin: 0; }
.qr svg { display: block; width: 100%; height: auto; }
.qr-caption { text-align: center; }
@media screen {
  body { background: #dee2e6; padding: 6mm 0; }
  .sheet { width: ${width}mm; min-height: ${height}mm; margin: 0 auto; padding: ${top}mm ${side}mm ${bottom}mm;
    background: #fff; box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.25); }
}
`;
}

export function leafletCss(scale: number): string {
  const { pt, mm } = sized(scale);
  return `${frame('A4')}
body { font-family: ${SERIF}; font-size: ${pt(10.5)}; line-height: 1.5; }
.bureau, .kicker, .title, h2, dt, th, .more, .version { font-family: ${SANS}; font-weight: 700; }
.head { display: flex; gap: 6mm; align-items: flex-start; border-bottom: 0.6mm solid #000; padding-bottom: ${mm(2.5)}; }
.head .titles { flex: 1 1 auto; min-width: 0; }
.head .qr { flex: 0 0 28mm; }
.bureau { font-size: ${pt(11)}; letter-spacing: 0.08em; }
.kicker { font-size: ${pt(12)}; letter-spacing: 0.3em; margin-top: ${mm(1)}; }
.title { font-size: ${pt(19)}; line-height: 1.3; margin-top: ${mm(0.8)}; }
.version { font-size: ${pt(9.5)}; font-weight: 400; margin-top: ${mm(1)}; }
.qr-caption { font-size: 8pt; line-height: 1.3; margin-top: 0.5mm; font-family: ${SANS}; }
.more { margin-top: ${mm(2.5)}; border: 0.35mm solid #000; padding: ${mm(1.2)} ${mm(2.5)}; font-size: ${pt(10)}; }
section { margin-top: ${mm(3)}; }
.facts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 6mm; }
.facts section { break-inside: avoid; }
h2 { font-size: ${pt(12)}; margin-bottom: ${mm(1)}; break-after: avoid; }
.fields { display: grid; grid-template-columns: max-content minmax(0, 1fr); column-gap: 2mm; row-gap: ${mm(0.5)}; }
.fields dt { white-space: nowrap; }
.fields dd { min-width: 0; }
ol.list { padding-left: 2em; }
ol.list li { margin: ${mm(0.3)} 0; }
.lead { font-size: ${pt(9.5)}; margin-bottom: ${mm(0.8)}; }
.condition { font-size: ${pt(8.5)}; margin-left: 1mm; }
.note-line { font-size: ${pt(9.5)}; margin-top: ${mm(0.8)}; }
table.materials { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: ${pt(9.5)}; line-height: 1.4; }
table.materials tr { break-inside: avoid; }
table.materials th, table.materials td { border: 0.3mm solid #000; padding: ${mm(0.8)} ${mm(1.2)}; vertical-align: top;
  text-align: left; }
table.materials th { background: #e9ecef; }
table.materials col.no { width: 10mm; }
table.materials col.name { width: 45%; }
table.materials col.copies { width: 15%; }
.requirement, .note { display: block; font-size: ${pt(8.5)}; margin-top: ${mm(0.3)}; }
ol.material-names { columns: 2; column-gap: 6mm; padding-left: 2em; font-size: ${pt(9.5)}; }
ol.material-names li { break-inside: avoid; }
.foot { margin-top: ${mm(3.5)}; border-top: 0.3mm solid #000; padding-top: ${mm(1.2)}; font-size: ${pt(8.5)}; }
`;
}

export function posterCss(sheet: GuideSheet, scale: number): string {
  // A3 is √2 the size of A4: the same layout, its type √2 larger, read from a few steps away on the board.
  const { pt, mm } = sized(scale * (sheet === 'A3' ? Math.SQRT2 : 1));
  return `${frame(sheet)}
body { font-family: ${SANS}; font-size: ${pt(10.5)}; line-height: 1.45; }
.bureau, .title, h2, th, .hotline, .as-of { font-weight: 700; }
.head { display: flex; gap: ${mm(6)}; align-items: center; border-bottom: ${mm(0.8)} solid #000;
  padding-bottom: ${mm(2.5)}; }
.head .titles { flex: 1 1 auto; min-width: 0; text-align: center; }
.head .qr { flex: 0 0 ${mm(28)}; }
.bureau { font-size: ${pt(14)}; letter-spacing: 0.1em; }
.title { font-size: ${pt(24)}; letter-spacing: 0.2em; margin-top: ${mm(1)}; }
.as-of { font-size: ${pt(9.5)}; font-weight: 400; margin-top: ${mm(1.2)}; }
.qr-caption { font-size: ${pt(8)}; line-height: 1.3; margin-top: ${mm(0.5)}; }
table.items { width: 100%; margin-top: ${mm(3)}; border-collapse: collapse; table-layout: fixed; font-size: ${pt(9.5)};
  line-height: 1.4; }
table.items thead { display: table-header-group; }
table.items tr { break-inside: avoid; }
table.items th, table.items td { border: 0.3mm solid #000; padding: ${mm(1)} ${mm(1.4)}; vertical-align: top;
  text-align: left; }
table.items th { background: #e9ecef; }
table.items col.no { width: 9%; }
table.items col.item { width: 30%; }
table.items col.limit { width: 15%; }
table.items col.fee { width: 16%; }
table.items col.consult { width: 15%; }
table.items td.no { text-align: center; }
.code { display: block; font-size: ${pt(8)}; font-weight: 400; }
.commitments { margin-top: ${mm(4)}; break-inside: avoid; }
h2 { font-size: ${pt(13)}; margin-bottom: ${mm(1.2)}; }
.commitments ul { padding-left: 1.4em; margin: 0; }
.commitments li { margin: ${mm(0.6)} 0; }
.phones { display: flex; gap: ${mm(8)}; justify-content: center; margin-top: ${mm(4)}; border: ${mm(0.6)} solid #000;
  padding: ${mm(2)} ${mm(3)}; break-inside: avoid; }
.hotline { font-size: ${pt(16)}; }
.consult { font-size: ${pt(12)}; align-self: center; }
.foot { margin-top: ${mm(3)}; font-size: ${pt(8.5)}; text-align: center; }
`;
}
