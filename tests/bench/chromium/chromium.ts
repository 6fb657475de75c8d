// A real Chromium page running the desk's data layer against a real in-process HQ server (see deskPage.ts).
// The page is bundled with esbuild and served by the HQ server itself as its "renderer" folder, so it is
// same-origin with /sync/* under the server's own CSP, exactly as a desk opened in a browser would be.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import playwrightConfig from '../../../playwright.config.ts';
import type { DeskBench } from './deskPage.ts';

/** Bundle deskPage.ts with an index.html into a fresh folder; serve it as the server's rendererDir. */
export async function buildDeskPage(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'fd-bench-page-'));
  await build({
    entryPoints: [fileURLToPath(new URL('./deskPage.ts', import.meta.url))],
    outfile: join(dir, 'desk-bench.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>desk bench</title><script type="module" src="/desk-bench.js"></script>',
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Debian's Chromium with the launch options of the e2e tests (never a downloaded browser). */
export async function openDeskPage(url: string): Promise<{ browser: Browser; page: Page }> {
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, headless: true });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.deskBench !== undefined);
  return { browser, page };
}

export async function enrolInPage(page: Page, ...args: Parameters<DeskBench['enrol']>) {
  return page.evaluate(([name, code]) => window.deskBench!.enrol(name, code), args);
}

export async function syncInPage(page: Page, ...args: Parameters<DeskBench['sync']>) {
  return page.evaluate(([name, batches]) => window.deskBench!.sync(name, batches), args);
}

export async function pullOnlyInPage(page: Page, ...args: Parameters<DeskBench['pullOnly']>) {
  return page.evaluate(([name, batch]) => window.deskBench!.pullOnly(name, batch), args);
}

export async function rewriteBareInPage(page: Page, ...args: Parameters<DeskBench['rewriteBare']>) {
  return page.evaluate(([name, batch]) => window.deskBench!.rewriteBare(name, batch), args);
}
