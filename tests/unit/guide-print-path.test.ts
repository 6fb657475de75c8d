import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { GUIDE_ARCHIVE_RE, printSlipRequestSchema, type DeskApi } from '../../shared/ipc/contract.ts';
import { archivePath, guideArchivePath, slipPrintOptions } from '../../electron/main/pure/print.ts';
import { desktopPlatform } from '../../renderer/platform/desktop.ts';
import { leafletArchiveName, posterArchiveName } from '../../renderer/print/guide/renderGuide.tsx';

// Issue 16 (art. 23): the 明白纸 and the 公示栏 poster print by the slips' one path — the same IPC request, checked by
// the same schema, printed in the same hidden window on their own paper (a poster may be A3), archived as PDF under
// userData/guides/<name>.pdf — and nothing but a leaflet's or poster's name can become that file name.

const HTML = '<!doctype html><html><body><article class="sheet leaflet">明白纸</article></body></html>';
const AT = new Date('2026-12-02T07:30:12.345Z');
const LEAFLET = leafletArchiveName('tech-contract-registration', 3, AT);
const POSTER_A3 = posterArchiveName('A3', AT);
const request = (overrides: Record<string, unknown> = {}) => ({
  html: HTML,
  format: 'a4',
  silent: false,
  archive: { guide: LEAFLET, sheet: 'A4' },
  ...overrides,
});

describe('a leaflet or poster through printSlip', () => {
  it('names each print by item, version and moment', () => {
    expect(LEAFLET).toBe('leaflet-tech-contract-registration-v3-20261202T073012Z');
    expect(POSTER_A3).toBe('poster-a3-20261202T073012Z');
    expect(posterArchiveName('A4', AT)).toBe('poster-a4-20261202T073012Z');
    for (const name of [LEAFLET, POSTER_A3]) expect(GUIDE_ARCHIVE_RE.test(name)).toBe(true);
  });

  it('prints a leaflet on A4 and a poster on A3 when asked', () => {
    expect(slipPrintOptions(printSlipRequestSchema.parse(request()))).toMatchObject({ pageSize: 'A4' });
    const a3 = printSlipRequestSchema.parse(request({ archive: { guide: POSTER_A3, sheet: 'A3' } }));
    expect(slipPrintOptions(a3)).toMatchObject({ pageSize: 'A3', silent: false });
    const silent = printSlipRequestSchema.parse(request({ printerName: 'HP_LaserJet', silent: true }));
    expect(slipPrintOptions(silent)).toMatchObject({ pageSize: 'A4', silent: true, deviceName: 'HP_LaserJet' });
  });

  it.each([
    [
      'a name that climbs out of the folder',
      { archive: { guide: 'leaflet-../../etc/passwd-v1-20261202T073012Z', sheet: 'A4' } },
    ],
    ['a name with a dot', { archive: { guide: 'leaflet-x.pdf-v1-20261202T073012Z', sheet: 'A4' } }],
    ['a name without its moment', { archive: { guide: 'poster-a4', sheet: 'A4' } }],
    ['an unknown kind of paper', { archive: { guide: 'flyer-a4-20261202T073012Z', sheet: 'A4' } }],
    ['a leaflet on A3', { archive: { guide: LEAFLET, sheet: 'A3' } }],
    ['an A3 poster on A4', { archive: { guide: POSTER_A3, sheet: 'A4' } }],
    ['an A4 poster on A3', { archive: { guide: 'poster-a4-20261202T073012Z', sheet: 'A3' } }],
    ['a sheet that is not A4 or A3', { archive: { guide: LEAFLET, sheet: 'A5' } }],
    ['a leaflet on the 80 mm receipt', { format: 'receipt80', receiptHeightMm: 200 }],
    ['an archive that is both a guide and a report', { archive: { guide: LEAFLET, sheet: 'A4', report: '2026-11' } }],
  ])('refuses %s', (_what, overrides) => {
    expect(printSlipRequestSchema.safeParse(request(overrides)).success).toBe(false);
  });

  it('archives under userData/guides/<name>.pdf on Linux and Windows', () => {
    expect(archivePath('/home/desk/.config/FirstDesk', { guide: LEAFLET, sheet: 'A4' }, path.posix)).toBe(
      `/home/desk/.config/FirstDesk/guides/${LEAFLET}.pdf`,
    );
    expect(archivePath('C:\\FirstDesk', { guide: POSTER_A3, sheet: 'A3' }, path.win32)).toBe(
      `C:\\FirstDesk\\guides\\${POSTER_A3}.pdf`,
    );
    expect(() => guideArchivePath('/d', { guide: '../x', sheet: 'A4' })).toThrow(/not a guide archive name/);
  });
});

describe('the Electron desk prints a leaflet or poster through main', () => {
  it('sends the slips request with the guide archive and its sheet, which main accepts', async () => {
    const printSlip = vi.fn<DeskApi['printSlip']>(async () => ({ printed: true, pdfPath: '/d/guides/x.pdf' }));
    const platform = desktopPlatform({ printSlip } as unknown as DeskApi);
    await platform.printDocument(HTML, { format: 'a4', archiveName: POSTER_A3, guideSheet: 'A3' });
    expect(printSlip).toHaveBeenLastCalledWith({
      html: HTML,
      format: 'a4',
      silent: false,
      archive: { guide: POSTER_A3, sheet: 'A3' },
    });
    // A report is still a report.
    await platform.printDocument(HTML, { format: 'a4', archiveName: '2026-11' });
    expect(printSlip).toHaveBeenLastCalledWith({
      html: HTML,
      format: 'a4',
      silent: false,
      archive: { report: '2026-11' },
    });
    for (const [sent] of printSlip.mock.calls) expect(printSlipRequestSchema.safeParse(sent).success).toBe(true);
  });
});
