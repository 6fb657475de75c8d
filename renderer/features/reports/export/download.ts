import { toCsv } from './csv.ts';
import { exportFileName, type ExportTable } from './table.ts';
import { toXlsx } from './xlsx.ts';

// A download from the screen: a Blob and an <a download>, in the browser and in the Electron desk alike (Electron
// asks where to save it, as a browser may). The object URL is let go once clicked.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface ExportPeriod {
  readonly from: string;
  readonly to: string;
}

export function downloadCsv(table: ExportTable, period: ExportPeriod): void {
  save(
    new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }),
    exportFileName(table.title, period.from, period.to, 'csv'),
  );
}

export async function downloadXlsx(table: ExportTable, period: ExportPeriod): Promise<void> {
  const bytes = await toXlsx([table]);
  save(new Blob([bytes], { type: XLSX_TYPE }), exportFileName(table.title, period.from, period.to, 'xlsx'));
}
