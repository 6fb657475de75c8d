import type { ExportCell, ExportColumn, ExportTable } from './table.ts';

// CSV as Excel on a Chinese Windows opens it: UTF-8 with a byte-order mark (without it Excel reads GBK and the
// Chinese turns to mojibake), RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled,
// lines end CRLF), and the formula-injection guard: a text cell that starts with = + - @ (or a tab or carriage
// return, which some spreadsheets skip before reading a formula) is prefixed with ', so a name or code someone typed
// can never run as a formula on a supervisor's machine (OWASP CSV injection).

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe to open in a spreadsheet. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A rate as CSV writes it: a percentage with one decimal ('40.0%'), which Excel reads back as a number. */
function rateText(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

function field(cell: ExportCell, column: ExportColumn | undefined): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    return column?.kind === 'rate' ? rateText(cell) : String(cell);
  }
  return quote(guardFormula(cell));
}

/** The table as one CSV text, BOM first, header row, CRLF line ends. */
export function toCsv(table: ExportTable): string {
  const lines = [
    table.columns.map((c) => quote(guardFormula(c.header))).join(','),
    ...table.rows.map((row) => row.map((cell, i) => field(cell, table.columns[i])).join(',')),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
