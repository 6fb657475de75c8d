import { expect, test, type Page } from '@playwright/test';
import type { ServiceItem } from '../../shared/model/catalog.ts';
import type { Department, ReferenceDoc, Settings } from '../../shared/model/reference.ts';
import {
  composeGuide,
  guideRowValue,
  guideSection,
  type GuideBureau,
  type GuideDocument,
  type GuideVersion,
} from '../../shared/rules/guide/compose.ts';
import { commitmentsLink, guideLink } from '../../shared/rules/guide/link.ts';
import { buildDemoBureau } from '../../server/src/seed/demoBureau.ts';
import { buildDemoCatalog } from '../../server/src/seed/demoCatalog.ts';
import { fitLeaflet, fitPoster, type MeasureMm } from '../../renderer/print/guide/fit.ts';
import { GUIDE_MARGIN_MM, SHEET_MM, type GuideSheet } from '../../renderer/print/guide/guideCss.ts';
import { composePoster } from '../../renderer/print/guide/poster.ts';
import { zhCNPublicCommitment } from '../../shared/i18n/zh-CN.publicCommitment.ts';
import { LONG_ITEM } from '../fixtures/slipItems.ts';
import { openDesk, signIn } from './desk.ts';
import { fontsUsedFor, overflowing, printPdf, squeezed, type SlipPdf } from './slipPdf.ts';

// Issue 16 item 4 and 5 (art. 23: 公告栏, 明白纸): the leaflet of EVERY demo item and the bulletin-board poster on A4
// and A3, printed to PDF in Chromium as Electron archives them and read back with poppler — one A4 page per
// leaflet, the poster's paper size, and the very materials, limits, fee, place and phones composeGuide states for
// that version, so the leaflet and the public page (and the checklist, which uses the same text functions) never
// disagree.

const NOW = Date.UTC(2026, 11, 2, 2, 0);
const BASE = 'https://hq.nykj.example';
const PX_PER_MM = 96 / 25.4;
const PT = { A4: { width: 595, height: 842 }, A3: { width: 842, height: 1191 } } as const;
const words = zhCNPublicCommitment.paper;

const bureauDocs: ReferenceDoc[] = buildDemoBureau(NOW, BASE);
const settings = bureauDocs.find((d) => d.kind === 'settings')!.body as Settings;
const departments = bureauDocs.flatMap((d) => (d.kind === 'department' ? [d.body as Department] : []));
const bureau: GuideBureau = {
  bureauName: settings.bureauName,
  consultPhone: settings.consultPhone,
  complaintPhone: settings.complaintPhone,
  publicBase: BASE,
  departmentName: (id) => departments.find((d) => d.id === id)?.name,
};
const demo: GuideVersion[] = buildDemoCatalog(NOW).flatMap((doc) =>
  doc.kind === 'serviceItem' ? [{ item: doc.body as ServiceItem, rev: doc.rev, publishedAt: doc.updatedAt }] : [],
);

/** The same measurement the desk makes (print/guide/fit.ts frameMeasurer): `.page` at the paper's width, on screen. */
function measureIn(page: Page): MeasureMm {
  return async (html) => {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: Math.ceil((SHEET_MM.A3.width + 20) * PX_PER_MM), height: 1000 });
    await page.setContent(html);
    await page.evaluate(() => document.fonts.ready);
    const px = await page.evaluate(() => document.querySelector('.page')?.getBoundingClientRect().height ?? 0);
    return px / PX_PER_MM;
  };
}

/** Lay the paper out as it prints (viewport = the printable width), check nothing sticks out, print and read back. */
async function printed(page: Page, html: string, sheet: GuideSheet, name: string): Promise<SlipPdf> {
  const width = (SHEET_MM[sheet].width - 2 * GUIDE_MARGIN_MM.side) * PX_PER_MM;
  await page.setViewportSize({ width: Math.floor(width), height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  expect(await overflowing(page), name).toEqual([]);
  // Printed as Electron archives it (printToPDF, the CSS page size) and read back with pdfinfo and pdftotext.
  return printPdf(page, `guide-${name}`, html);
}

/** What a leaflet must say, exactly as the guide of that version says it. */
function essentialsOf(doc: GuideDocument): string[] {
  const values = (['promised', 'statutory', 'fee', 'submitAt', 'consultPhone', 'complaintPhone'] as const).map(
    (key) => {
      const value = guideRowValue(doc, key);
      if (value === undefined) throw new Error(`${doc.itemId}: the guide has no ${key}`);
      return value;
    },
  );
  return [doc.itemName, doc.versionLine, ...values];
}

test.describe('明白纸 and 公示栏 poster on paper', () => {
  test('the demo catalog has items, each with the guide elements a leaflet prints', () => {
    expect(demo.length).toBeGreaterThanOrEqual(10);
    for (const v of demo) expect(guideRowValue(composeGuide(v, bureau), 'submitAt'), v.item.id).toBeTruthy();
  });

  for (const version of demo) {
    test(`the leaflet of ${version.item.id}: one A4 page, saying what its guide says`, async ({ page }) => {
      const doc = composeGuide(version, bureau);
      const fitted = await fitLeaflet(doc, BASE, measureIn(page));
      const pdf = await printed(page, fitted.html, 'A4', `leaflet-${version.item.id}`);
      // A text check alone passes even when the page shows boxes: ask Chromium which font drew the Chinese.
      for (const selector of ['.title', '.fields dd']) {
        const fonts = await fontsUsedFor(page, selector);
        expect(fonts.map((f) => f.familyName).join(', '), selector).toMatch(/Noto (Sans|Serif) CJK SC/);
      }
      expect(pdf.pages).toBe(1);
      expect(Math.round(pdf.widthPt)).toBe(PT.A4.width);
      expect(Math.round(pdf.heightPt)).toBe(PT.A4.height);
      // A demo item fits whole: every material of the guide, by the checklist's own row.
      expect(fitted.leaflet.level).not.toBe('essentials');
      const materials = guideSection(doc, 'materials')?.materials ?? [];
      expect(materials.length).toBeGreaterThan(0);
      for (const m of materials) {
        expect(pdf.text, m.name).toContain(squeezed(m.name));
        expect(pdf.text, m.copies).toContain(squeezed(m.copies));
      }
      for (const phrase of essentialsOf(doc)) expect(pdf.text, phrase).toContain(squeezed(phrase));
      expect(pdf.text).toContain(squeezed(words.qrCaptionGuide));
      expect(pdf.text).toContain(guideLink(BASE, version.item.id));
      expect(fitted.html).toContain('<svg');
    });
  }

  test('a leaflet of an item far too long for a page still prints one page, its essentials and 详见办事指南', async ({
    page,
  }) => {
    const doc = composeGuide({ item: LONG_ITEM, rev: 4, publishedAt: '2026-11-30T02:00:00.000Z' }, bureau);
    const fitted = await fitLeaflet(doc, BASE, measureIn(page));
    expect(fitted.leaflet.level).toBe('essentials');
    const pdf = await printed(page, fitted.html, 'A4', 'leaflet-long');
    expect(pdf.pages).toBe(1);
    expect(Math.round(pdf.heightPt)).toBe(PT.A4.height);
    expect(pdf.text).toContain(squeezed('详见办事指南'));
    expect(pdf.text).toContain(guideLink(BASE, LONG_ITEM.id));
    for (const phrase of essentialsOf(doc)) expect(pdf.text, phrase).toContain(squeezed(phrase));
  });

  for (const sheet of ['A4', 'A3'] as const) {
    test(`the poster on ${sheet}: every item with its limits and fee, the hotline, the commitments, the QR code`, async ({
      page,
    }) => {
      const guides = demo.map((v) => composeGuide(v, bureau));
      const fitted = await fitPoster(composePoster(guides, bureau), sheet, measureIn(page));
      expect(fitted.onePage).toBe(true);
      const pdf = await printed(page, fitted.html, sheet, `poster-${sheet.toLowerCase()}`);
      expect(pdf.pages).toBe(1);
      expect(Math.round(pdf.widthPt)).toBe(PT[sheet].width);
      expect(Math.round(pdf.heightPt)).toBe(PT[sheet].height);
      for (const g of guides) {
        for (const phrase of [g.itemName, guideRowValue(g, 'promised')!, guideRowValue(g, 'statutory')!]) {
          expect(pdf.text, phrase).toContain(squeezed(phrase));
        }
        expect(pdf.text).toContain(squeezed(guideRowValue(g, 'fee')!));
      }
      expect(pdf.text).toContain(squeezed(`投诉电话：${settings.complaintPhone}`));
      for (const commitment of words.commitments) expect(pdf.text).toContain(squeezed(commitment));
      expect(pdf.text).toContain(squeezed(words.qrCaptionCommitments));
      expect(pdf.text).toContain(commitmentsLink(BASE));
    });
  }
});

test('a clerk opens 公开承诺, picks an item with the keyboard and prints its leaflet and the A3 poster', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // The browser build prints through the browser's own dialog, which a headless test cannot drive: observe the
  // call and what was printed instead.
  await context.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { __printed?: string[] };
      top.__printed = [...(top.__printed ?? []), document.documentElement.outerHTML];
    };
  });
  const desk = await context.newPage();
  await openDesk(desk);
  await signIn(desk, '张伟');
  await desk.getByRole('tab', { name: '公开承诺' }).click();
  const rows = desk.getByTestId('published-items').locator('tbody tr');
  await expect(rows.nth(demo.length - 1)).toBeVisible({ timeout: 20_000 });
  const count = await rows.count();
  await expect(rows.first()).toContainText(/第\d+版/);

  await rows.first().focus();
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('Enter');
  const second = (await rows.nth(1).locator('td').first().textContent()) ?? '';
  const dialog = desk.getByRole('dialog', { name: `《${second}》明白纸 · 打印预览` });
  const preview = dialog.frameLocator('iframe[title="打印预览"]');
  await expect(preview.locator('h1')).toHaveText(second, { timeout: 20_000 });
  await dialog.getByRole('button', { name: '打印', exact: true }).click();
  await expect(desk.getByText('已打印明白纸')).toBeVisible();
  await expect(dialog).toBeHidden();

  await desk.getByRole('button', { name: '打印公示海报（A3）' }).click();
  const poster = desk.getByRole('dialog', { name: '公示海报（A3）· 打印预览' });
  await expect(poster.frameLocator('iframe[title="打印预览"]').locator('table.items tbody tr')).toHaveCount(count, {
    timeout: 20_000,
  });
  await poster.getByRole('button', { name: '打印', exact: true }).click();
  await expect(desk.getByText('已打印公示海报')).toBeVisible();

  const printedHtml = await desk.evaluate(() => (window as unknown as { __printed?: string[] }).__printed ?? []);
  expect(printedHtml).toHaveLength(2);
  expect(printedHtml[0]).toContain(second);
  expect(printedHtml[0]).toContain('size: A4');
  expect(printedHtml[1]).toContain('size: A3');
  await context.close();
});
