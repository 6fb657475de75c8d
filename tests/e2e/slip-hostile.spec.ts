import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { slipDataUrl } from '../../electron/main/pure/print.ts';
import { renderSlipHtml } from '../../renderer/print/renderSlip.tsx';
import type { PaperFormat } from '../../shared/model/slip.ts';
import { hostileMarkup, hostileSlip } from '../fixtures/hostileSlip.ts';
import { choose, openDesk, registerContact, signIn, todayRow } from './desk.ts';
import { fontsUsedFor, layOutSlip, pngOfFirstPage, printPdf, squeezed } from './slipPdf.ts';

// Issue 10: slip content is stored whole in slip.printed events and reprinted on any desk, so it is hostile. A slip
// whose every word is markup aimed at a listener on 127.0.0.1 is printed the way Electron prints (its data: URL,
// no server policy around it) and the way the browser desk prints (a frame in the page): the listener hears
// nothing, and the paper shows the markup as text.

// Chromium's Local Network Access checks would stop a data: page reaching 127.0.0.1 on their own, and then the
// listener's silence would prove nothing: they are off here, so the listener stands for a host on the internet.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=LocalNetworkAccessChecks',
    ],
  },
});

let listener: Server;
let origin = '';
/** The paths the listener was asked for. */
let heard: string[] = [];

test.beforeAll(async () => {
  listener = createServer((request, response) => {
    heard.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'text/css', 'Access-Control-Allow-Origin': '*' }).end('');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
});

test.beforeEach(() => {
  heard = [];
});

/** Give any request a page might still make the time to arrive before saying none did. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

test('the listener hears a printed page that does load from it (so silence below means something)', async ({
  page,
}) => {
  await page.goto(slipDataUrl(`<!doctype html><html><head></head><body><img src="${origin}/control"></body></html>`));
  await expect.poll(() => heard).toContain('/control');
});

test("the slip document's own CSP stops a load that got past the escaping", async ({ page }) => {
  const html = renderSlipHtml(hostileSlip(origin), { format: 'a4' }).replace(
    '<body>',
    `<body><img src="${origin}/img"><link rel="stylesheet" href="${origin}/css"><style>@import url(${origin}/import);` +
      ` body { background: url(${origin}/background) }</style>`,
  );
  await page.goto(slipDataUrl(html));
  await page.evaluate(() => document.fonts.ready);
  await settled(page);
  expect(heard).toEqual([]);
  // …while without that policy the same page is heard.
  await page.goto(slipDataUrl(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')));
  await expect.poll(() => [...new Set(heard)].sort()).toEqual(['/background', '/css', '/img', '/import']);
});

for (const format of ['a4', 'receipt80'] as const satisfies readonly PaperFormat[]) {
  test(`a hostile slip printed as Electron prints it (${format}): no request, every markup on the paper as text`, async ({
    page,
  }) => {
    const content = hostileSlip(origin);
    const html = await layOutSlip(page, content, format);
    // The very document main loads in its print window: the data: URL of electron/main/pure/print.ts.
    await page.goto(slipDataUrl(html));
    await page.evaluate(() => document.fonts.ready);
    expect((await fontsUsedFor(page, '.title')).map((f) => f.familyName).join(', ')).toMatch(/Noto Sans CJK SC/);
    expect((await fontsUsedFor(page, '.intro')).map((f) => f.familyName).join(', ')).toMatch(
      /Noto (Sans|Serif) CJK SC/,
    );
    const pdf = await printPdf(page, `hostile-${format}`, html);
    pngOfFirstPage(pdf);
    await settled(page);
    expect(heard).toEqual([]);

    for (const markup of hostileMarkup(origin)) expect(pdf.text, markup).toContain(squeezed(markup));
    expect(pdf.text).toContain(content.serial);
    if (format === 'a4') {
      // The page label is written into the @page footer's CSS: it prints whole, page numbers in their places.
      expect(pdf.text).toContain(squeezed(`</style><base href=${origin}/base> 第 1 页 \\"; } 共`));
      expect(pdf.text).toContain(squeezed(`<img src=${origin}/page-label>`));
    }
  });
}

test('the browser desk prints a slip naming a hostile visitor from a frame with the slip CSP, markup as text', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // The browser's print dialog cannot be driven headless: keep what each frame was asked to print instead.
  await context.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { __printed?: string[] };
      top.__printed = [...(top.__printed ?? []), document.documentElement.outerHTML];
    };
  });
  const desk = await context.newPage();
  await openDesk(desk);
  await signIn(desk, '张伟');

  // A visitor's name is at most 40 characters: an attribute breakout aimed at the listener fits.
  const visitor = `"><img src=${origin.replace('http:', '')}/${Date.now().toString(36).slice(-5)}>`;
  await registerContact(desk, visitor, '申请技术合同认定登记');
  await todayRow(desk, visitor).click();
  await choose(desk, '办理事项', '技术合同认定登记');
  await desk.getByRole('button', { name: '开办件，核验材料' }).click();
  await desk.getByTestId('case-card').getByTestId('slip-actions').getByRole('button', { name: '一次性告知单' }).click();
  const dialog = desk.getByRole('dialog', { name: /一次性告知单 · 打印预览/ });
  const preview = dialog.frameLocator('iframe[title="单据预览"]');
  await expect(preview.getByText(visitor).first()).toBeVisible({ timeout: 20_000 });
  await expect(preview.locator('img')).toHaveCount(0);
  await dialog.getByRole('button', { name: '打印', exact: true }).click();
  await expect(desk.getByText(/已打印 NYKJ-W[0-9A-Z]{4}-\d{4}-000001/)).toBeVisible();

  const printed = await desk.evaluate(() => (window as unknown as { __printed?: string[] }).__printed ?? []);
  expect(printed).toHaveLength(1);
  const head = printed[0]!.slice(0, printed[0]!.indexOf('</head>'));
  expect(head).toMatch(
    /^<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; /,
  );
  // Serialised from the printed frame's DOM: the name is a text node, so only its < and > come back escaped.
  expect(printed[0]).toContain(`<dd>${visitor.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</dd>`);
  expect(printed[0]).not.toMatch(/<img\b/);
  await settled(desk);
  expect(heard).toEqual([]);
  await context.close();
});
