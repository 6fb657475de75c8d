import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printSlipRequestSchema, type PrintSlipRequest } from '../../../../../shared/ipc/contract.ts';
import {
  isSlipPrintRequestAllowed,
  printerList,
  printOutcome,
  SLIP_PDF_OPTIONS,
  SLIP_PRINT_PARTITION,
  slipArchivePath,
  slipDataUrl,
  slipPrintOptions,
} from '../../../../../electron/main/pure/print.ts';
import { renderSlipHtml, SLIP_CSP } from '../../../../../renderer/print/renderSlip.tsx';
import { hostileSlip } from '../../../../fixtures/hostileSlip.ts';

const SERIAL = 'NYKJ-W7K2Q-2026-000127';
const request = (overrides: Record<string, unknown> = {}): PrintSlipRequest =>
  printSlipRequestSchema.parse({
    html: '<!doctype html><html><body><article class="sheet">一次性告知单</article></body></html>',
    format: 'a4',
    silent: false,
    archive: { serial: SERIAL, reprint: 0 },
    ...overrides,
  });

describe('the printSlip arguments main accepts', () => {
  it('accepts a slip for A4, and an 80 mm receipt with its measured height', () => {
    expect(request().format).toBe('a4');
    expect(request({ format: 'receipt80', receiptHeightMm: 412 }).receiptHeightMm).toBe(412);
  });

  it.each([
    ['no HTML', { html: '' }],
    ['an unknown paper', { format: 'letter' }],
    ['a receipt without its height', { format: 'receipt80' }],
    ['a receipt taller than any roll page', { format: 'receipt80', receiptHeightMm: 90_000 }],
    ['silent printing with no printer', { silent: true }],
    ['a serial that could leave the archive folder', { archive: { serial: '../../etc/passwd', reprint: 0 } }],
    ['a negative reprint count', { archive: { serial: SERIAL, reprint: -1 } }],
    ['a blank printer name', { printerName: '   ' }],
    ['HTML that is not text', { html: 42 }],
  ])('refuses %s', (_what, overrides) => {
    expect(
      printSlipRequestSchema.safeParse({
        html: '<p>x</p>',
        format: 'a4',
        silent: false,
        archive: { serial: SERIAL, reprint: 0 },
        ...overrides,
      }).success,
    ).toBe(false);
  });
});

describe('where main archives each print', () => {
  it('keeps the PDF under userData/slips/<year of issue>/<serial>.pdf', () => {
    expect(slipArchivePath('/home/desk/.config/FirstDesk', { serial: SERIAL as never, reprint: 0 }, path.posix)).toBe(
      '/home/desk/.config/FirstDesk/slips/2026/NYKJ-W7K2Q-2026-000127.pdf',
    );
  });

  it('names a reprint by its count, next to the original', () => {
    expect(
      slipArchivePath(
        'C:\\Users\\desk\\AppData\\Roaming\\FirstDesk',
        { serial: SERIAL as never, reprint: 2 },
        path.win32,
      ),
    ).toBe('C:\\Users\\desk\\AppData\\Roaming\\FirstDesk\\slips\\2026\\NYKJ-W7K2Q-2026-000127-reprint2.pdf');
  });

  it('refuses to turn anything but a serial into a file name', () => {
    expect(() => slipArchivePath('/data', { serial: '../x' as never, reprint: 0 })).toThrow(/not a slip serial/);
  });
});

describe('how main prints', () => {
  it('prints silently only to a named printer, otherwise through the system dialog', () => {
    expect(slipPrintOptions(request())).toMatchObject({ silent: false, printBackground: true });
    expect(slipPrintOptions(request()).deviceName).toBeUndefined();
    expect(slipPrintOptions(request({ printerName: 'HP_LaserJet', silent: true }))).toMatchObject({
      silent: true,
      deviceName: 'HP_LaserJet',
    });
    expect(slipPrintOptions(request({ printerName: 'HP_LaserJet', silent: false })).silent).toBe(false);
  });

  it('prints A4 on A4 and a receipt on an 80 mm roll cut to its length (in microns)', () => {
    expect(slipPrintOptions(request())).toMatchObject({ pageSize: 'A4' });
    expect(slipPrintOptions(request({ format: 'receipt80', receiptHeightMm: 412.3 }))).toMatchObject({
      pageSize: { width: 80_000, height: 413_000 },
      margins: { marginType: 'none' },
    });
  });

  it('archives with the page size the slip itself names, as the e2e PDFs are made', () => {
    expect(SLIP_PDF_OPTIONS).toEqual({ preferCSSPageSize: true, printBackground: true });
  });

  it('prints from a hidden window with no script, no node and no preload', () => {
    // main/window.ts constructs it (it imports electron, so it is read, not run, here).
    const source = readFileSync(new URL('../../../../../electron/main/window.ts', import.meta.url), 'utf8');
    const printWindow = source.slice(source.indexOf('export function createPrintWindow'));
    for (const option of [
      'show: false',
      'javascript: false',
      'sandbox: true',
      'nodeIntegration: false',
      'contextIsolation: true',
    ]) {
      expect(printWindow).toContain(option);
    }
    expect(printWindow).not.toContain('preload');
  });

  it('loads the slip as a data URL that no character of the slip can cut short', () => {
    const html = '<p>补打（第1次）#?&"</p>';
    const url = slipDataUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(html);
  });
});

describe('a slip another desk wrote, printed here', () => {
  const origin = 'http://127.0.0.1:9';
  const mainSource = (file: string) =>
    readFileSync(new URL(`../../../../../electron/main/${file}`, import.meta.url), 'utf8');

  it.each(['a4', 'receipt80'] as const)(
    'reaches the %s print window as a document with its CSP first and its markup as text',
    (format) => {
      const html = renderSlipHtml(hostileSlip(origin), { format, receiptHeightMm: 150 });
      const printed = Buffer.from(slipDataUrl(html).split(',')[1] ?? '', 'base64').toString('utf8');
      expect(printed).toBe(html);
      const head = printed.slice(0, printed.indexOf('</head>'));
      expect(
        head.indexOf(`<meta http-equiv="Content-Security-Policy" content="${SLIP_CSP.replace(/'/g, '&#39;')}">`),
      ).toBe(head.indexOf('<meta charset="utf-8">') + '<meta charset="utf-8">'.length);
      // Only the slip's own elements are tags: each markup shows up escaped, never as it was written.
      expect(printed.match(/<style>/g)).toHaveLength(1);
      expect(printed).not.toMatch(/<(img|script|link|base|image|meta http-equiv="refresh")\b/i);
      expect(printed).toContain(`&lt;/style&gt;&lt;img src=${origin}/style-breakout&gt;`);
      expect(printed).toContain('&lt;/title&gt;&lt;meta http-equiv=&quot;refresh&quot;');
      // The page label is CSS on A4 (its page footer); a receipt has no footer.
      expect(printed.includes('"\\00003c /style\\00003e \\00003c base href=')).toBe(format === 'a4');
    },
  );

  it('lets the print window load its own data: document and nothing else', () => {
    expect(isSlipPrintRequestAllowed('data:text/html;charset=utf-8;base64,PHA+')).toBe(true);
    expect(isSlipPrintRequestAllowed('DATA:image/png;base64,iVBO')).toBe(true);
    for (const url of [
      `${origin}/x`,
      'https://example.com/font.woff2',
      'ws://127.0.0.1:9/',
      'file:///etc/passwd',
      'app://desk/index.html',
      'blob:null/1234',
      'ftp://x/',
      ' data:text/html,x',
      'javascript:alert(1)',
    ]) {
      expect(isSlipPrintRequestAllowed(url), url).toBe(false);
    }
  });

  it('prints in a session of its own, kept in memory, where every other request is cancelled', () => {
    expect(SLIP_PRINT_PARTITION).not.toMatch(/^persist:/);
    const window = mainSource('window.ts');
    expect(window.slice(window.indexOf('export function createPrintWindow'))).toContain('session: slipPrintSession()');
    const session = mainSource('printSession.ts');
    expect(session).toContain('fromPartition(SLIP_PRINT_PARTITION)');
    expect(session).toMatch(/onBeforeRequest\([^]*cancel: !isSlipPrintRequestAllowed\(details\.url\)/);
    expect(session).toContain('setPermissionRequestHandler((_contents, _permission, callback) => callback(false))');
  });
});

describe('what the clerk is told after printing', () => {
  it('reports a print with its archived PDF', () => {
    expect(printOutcome(true, '', '/data/a.pdf')).toEqual({ printed: true, pdfPath: '/data/a.pdf' });
  });

  it('tells a cancelled dialog from a failed printer', () => {
    expect(printOutcome(false, 'cancelled', '/data/a.pdf')).toMatchObject({ printed: false, failure: 'cancelled' });
    expect(printOutcome(false, 'Print job canceled', null)).toMatchObject({ failure: 'cancelled', pdfPath: null });
    expect(printOutcome(false, 'failed', '/data/a.pdf')).toMatchObject({ failure: 'failed', failureReason: 'failed' });
    expect(printOutcome(false, undefined, null)).toMatchObject({ failure: 'failed', failureReason: 'failed' });
  });

  it('lists printers by system name, showing the friendly name', () => {
    expect(
      printerList([
        { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82 Receipt', description: '' },
        { name: 'HP_LaserJet', displayName: '', description: 'Office A4' },
        { name: ' ', displayName: 'ghost', description: '' },
      ]),
    ).toEqual([
      { name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82 Receipt', description: '' },
      { name: 'HP_LaserJet', displayName: 'HP_LaserJet', description: 'Office A4' },
    ]);
  });
});
