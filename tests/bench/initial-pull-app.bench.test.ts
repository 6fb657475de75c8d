// The initial pull as a new desk meets it in the whole app, not the bare data layer: the real desk build (vite,
// built afresh into a temporary folder) served by the real HQ server on SQLite, enrolled through its enrolment
// screen in Debian's Chromium, and a clerk signing in while the first sync runs, so the register screen's live
// queries re-run after every pulled page. The log is a year of a window's register (about two events per
// contact, returning visitors). The figure is the one the desk records itself: its sync run's start and end
// (sync history). Prints figures; asserts only completeness.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import playwrightConfig from '../../playwright.config.ts';
import { issueCode, startHq } from '../integration/sync/harness.ts';
import { registerMix, storeEvents } from '../integration/sync/seed.ts';

const EVENTS = Number(process.env.BENCH_PULL_EVENTS ?? 100_000);
const YEAR_MS = 365 * 86_400_000;
const machine = `${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}`;

let rendererDir: string;
beforeAll(() => {
  rendererDir = mkdtempSync(join(os.tmpdir(), 'fd-bench-app-'));
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', rendererDir, '--emptyOutDir'],
    {
      stdio: 'ignore',
      // vitest sets NODE_ENV=test, with which vite would build React's development bundle.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}, 180_000);
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

interface Run {
  readonly ok: boolean;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly pulled?: number;
}

it('pulls a year of a register into a new desk in the full app, a clerk signing in meanwhile', async () => {
  const hq = await startHq('sqlite', { rendererDir });
  const browser = await chromium.launch({ ...(playwrightConfig.use?.launchOptions ?? {}), headless: true });
  try {
    await storeEvents(hq.db, registerMix(EVENTS, { from: Date.now() - YEAR_MS, stepMs: YEAR_MS / EVENTS }));
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(hq.url);
    await page.getByLabel('登记码').fill(await issueCode(hq, 'bench'));
    await page.getByLabel('窗口名称').fill('基准窗口');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    // The directory comes with the first page: the clerk signs in while the rest is still arriving.
    const who = page.getByRole('combobox', { name: /请选择您本人/ });
    await who.waitFor();
    await who.click();
    await who.fill('李娜');
    await page.getByRole('option', { name: /^李娜/ }).click();
    await page.getByLabel(/PIN/).fill('1234');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: '今日登记' }).waitFor({ timeout: 60_000 });

    const history = () =>
      page.evaluate(
        () =>
          new Promise<Run[]>((resolve, reject) => {
            const open = indexedDB.open('firstdesk');
            open.onerror = () => reject(open.error ?? new Error('cannot open the desk database'));
            open.onsuccess = () => {
              const get = open.result.transaction('meta').objectStore('meta').get('syncHistory');
              get.onsuccess = () => {
                resolve(((get.result as { value?: Run[] } | undefined)?.value ?? []) as Run[]);
                open.result.close();
              };
            };
          }),
      );
    const first = async () => (await history()).find((run) => run.ok && (run.pulled ?? 0) >= EVENTS);
    const deadline = Date.now() + 300_000;
    let run = await first();
    while (!run && Date.now() < deadline) {
      await page.waitForTimeout(250);
      run = await first();
    }
    expect(run, 'the first sync completed').toBeDefined();
    const ms = Date.parse(run!.finishedAt) - Date.parse(run!.startedAt);
    console.log(
      `initial pull in the full desk app (Chromium ${browser.version()}, a clerk signed in on the register screen): ` +
        `${run!.pulled} events in ${ms} ms = ${Math.round((run!.pulled! / ms) * 1000)} events/s [${machine}]`,
    );
  } finally {
    await browser.close();
    await hq.destroy();
  }
});
