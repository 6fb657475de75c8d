// A table of the supervision screen as the exports write it: a title (the .xlsx sheet's name, the file's name),
// typed columns and rows of plain values. Counts and numbers stay numbers, rates are fractions (0.4 = 40 %), so a
// spreadsheet can sum and sort them; text is text.

export type ExportCell = string | number | null;
export type ColumnKind = 'text' | 'count' | 'number' | 'rate';

export interface ExportColumn {
  readonly header: string;
  readonly kind: ColumnKind;
}

export interface ExportTable {
  readonly title: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly ExportCell[])[];
}

/** A file name from a title and a period: characters no file system takes are replaced. */
export function exportFileName(title: string, from: string, to: string, extension: 'csv' | 'xlsx'): string {
  const base = `${title}_${from}_${to}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${base}.${extension}`;
}
