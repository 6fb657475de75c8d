import type { Workbook } from 'exceljs';
import { guardFormula } from './csv.ts';
import type { ExportTable } from './table.ts';

// .xlsx through exceljs, loaded only when someone exports (a dynamic import: the screen's bundle does not carry it).
// One sheet per table, named in the reader's language; counts and numbers are numbers, rates numbers formatted as
// percentages, the header row bold and frozen so it stays in view while scrolling. Text cells get the same
// formula guard as the CSV: exceljs writes a string as a string, but a supervisor may save the sheet as CSV again.

/** Excel's rules for a sheet name: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
export function sheetName(title: string, taken: ReadonlySet<string>): string {
  const base = (title.replace(/[\\/?*[\]:]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  return name;
}

const NUMBER_FORMAT = { count: '0', number: '0.0', rate: '0.0%' } as const;

/** The tables as one workbook. */
export async function toWorkbook(tables: readonly ExportTable[]): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'FirstDesk 首问台';
  workbook.created = new Date();
  const taken = new Set<string>();
  for (const table of tables) {
    const name = sheetName(table.title, taken);
    taken.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: guardFormula(c.header),
      width: Math.min(48, Math.max(10, c.header.length * 2 + 4)),
      ...(c.kind === 'text' ? {} : { style: { numFmt: NUMBER_FORMAT[c.kind] } }),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
    }
  }
  return workbook;
}

/** The workbook's bytes, as a download needs them. */
export async function toXlsx(tables: readonly ExportTable[]): Promise<ArrayBuffer> {
  const workbook = await toWorkbook(tables);
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
