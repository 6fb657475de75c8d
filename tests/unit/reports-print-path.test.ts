import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { printSlipRequestSchema, REPORT_ARCHIVE_RE, type DeskApi } from '../../shared/ipc/contract.ts';
import { archivePath, reportArchivePath, slipPrintOptions } from '../../electron/main/pure/print.ts';
import { desktopPlatform } from '../../renderer/platform/desktop.ts';
import { reportArchiveName } from '../../renderer/print/report/renderMonthlyReport.tsx';

// Issue 15: the 督查月报 prints by the slips' one path — the same IPC request, validated by the same schema, printed
// in the same hidden window, archived as PDF under userData/reports/<name>.pdf — and nothing but a report's name
// can become that file name.

const HTML = '<!doctype html><html><body><article class="sheet">督查月报</article></body></html>';
const NAME = '2026-11-department-20261202T073012345Z';
const request = (overrides: Record<string, unknown> = {}) => ({
  html: HTML,
  format: 'a4',
  silent: false,
  archive: { report: NAME },
  ...overrides,
});

describe('a report through printSlip', () => {
  it('is accepted on A4 with its archive name, to a printer or through the dialog', () => {
    expect(printSlipRequestSchema.parse(request()).archive).toEqual({ report: NAME });
    expect(printSlipRequestSchema.parse(request({ printerName: 'HP_LaserJet', silent: true })).silent).toBe(true);
    expect(slipPrintOptions(printSlipRequestSchema.parse(request()))).toMatchObject({ pageSize: 'A4', silent: false });
  });

  it.each([
    ['a name that climbs out of the folder', { archive: { report: '2026-11-../../../etc/passwd' } }],
    ['a name with a slash', { archive: { report: '2026-11-a/b' } }],
    ['a name with a dot', { archive: { report: '2026-11-x.pdf' } }],
    ['a name that is not a month', { archive: { report: '2026-13' } }],
    ['an empty name', { archive: { report: '' } }],
    ['a name too long', { archive: { report: `2026-11-${'a'.repeat(100)}` } }],
    ['a report on the 80 mm receipt', { format: 'receipt80', receiptHeightMm: 200 }],
    [
      'an archive that is both a slip and a report',
      { archive: { report: NAME, serial: 'NYKJ-W7K2Q-2026-000127', reprint: 0 } },
    ],
  ])('refuses %s', (_what, overrides) => {
    expect(printSlipRequestSchema.safeParse(request(overrides)).success).toBe(false);
  });

  it('archives under userData/reports/<name>.pdf, next to the slips folder, on Linux and Windows', () => {
    expect(archivePath('/home/desk/.config/FirstDesk', { report: NAME }, path.posix)).toBe(
      `/home/desk/.config/FirstDesk/reports/${NAME}.pdf`,
    );
    expect(archivePath('C:\\FirstDesk', { report: '2026-11' }, path.win32)).toBe('C:\\FirstDesk\\reports\\2026-11.pdf');
    expect(archivePath('/d', { serial: 'NYKJ-W7K2Q-2026-000127' as never, reprint: 1 }, path.posix)).toBe(
      '/d/slips/2026/NYKJ-W7K2Q-2026-000127-reprint1.pdf',
    );
    expect(() => reportArchivePath('/d', { report: '../x' })).toThrow(/not a report archive name/);
  });

  it('accepts every name the report printer makes', () => {
    const answer = {
      period: { from: '2024-01-05', to: '2026-12-31' },
      groupBy: 'staff' as const,
      groups: [],
      warnings: [],
      freshness: { projectedSeq: 0, latestSeq: 0, today: '2026-12-02', computedAt: '2026-12-02T07:30:12.345Z' },
    };
    for (const a of [answer, { ...answer, period: { from: '2026-11-01', to: '2026-11-30' } }]) {
      const name = reportArchiveName(a);
      expect(REPORT_ARCHIVE_RE.test(name)).toBe(true);
      expect(printSlipRequestSchema.safeParse(request({ archive: { report: name } })).success).toBe(true);
    }
  });
});

describe('the Electron desk prints a report through main', () => {
  const deskWith = (printSlip: DeskApi['printSlip']) => ({ printSlip }) as unknown as DeskApi;

  it('sends the slips request with the report archive, silent only with a printer', async () => {
    const printSlip = vi.fn<DeskApi['printSlip']>(async () => ({ printed: true, pdfPath: `/d/reports/${NAME}.pdf` }));
    const platform = desktopPlatform(deskWith(printSlip));
    await expect(platform.printDocument(HTML, { format: 'a4', archiveName: NAME })).resolves.toEqual({
      printed: true,
      pdfPath: `/d/reports/${NAME}.pdf`,
    });
    expect(printSlip).toHaveBeenLastCalledWith({ html: HTML, format: 'a4', silent: false, archive: { report: NAME } });
    await platform.printDocument(HTML, { format: 'a4', archiveName: NAME, printerName: 'HP_LaserJet' });
    expect(printSlip).toHaveBeenLastCalledWith({
      html: HTML,
      format: 'a4',
      printerName: 'HP_LaserJet',
      silent: true,
      archive: { report: NAME },
    });
    // What the renderer sends is what main accepts.
    for (const [sent] of printSlip.mock.calls) expect(printSlipRequestSchema.safeParse(sent).success).toBe(true);
  });

  it('tells of a refused call instead of throwing', async () => {
    const platform = desktopPlatform(
      deskWith(async () => {
        throw new Error('Invalid arguments for printSlip');
      }),
    );
    await expect(platform.printDocument(HTML, { format: 'a4', archiveName: NAME })).resolves.toEqual({
      printed: false,
      failure: 'failed',
      failureReason: 'Invalid arguments for printSlip',
      pdfPath: null,
    });
  });
});
