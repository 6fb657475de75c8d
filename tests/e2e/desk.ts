import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PIN = '1234';
/** The demo password of leaders, supervisors and admins (issue 11): checked by the server only. */
export const DEMO_PASSWORD = 'Nanyang2026';
const PRIVILEGED = new Set(['何建国', '林志远', '黄秀英', '马军']);

/** The demo secret of a person: everyday staff type the PIN, leaders, supervisors and admins the password. */
export function demoSecret(name: string): string {
  return PRIVILEGED.has(name) ? DEMO_PASSWORD : DEMO_PIN;
}

/** Sign in the way a clerk does: choose yourself, type the PIN (or password), press Enter. */
export async function signIn(page: Page, name: string, secret = demoSecret(name)): Promise<void> {
  const who = page.getByRole('combobox', { name: /请选择您本人|Choose yourself/ });
  await expect(who).toBeEnabled();
  await who.click();
  await who.fill(name);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await typeSecret(page, secret);
}

/** Type the secret again for the person already chosen (after a refused attempt, or to unlock), and press Enter. */
export async function typeSecret(page: Page, secret: string): Promise<void> {
  await page.getByLabel(/PIN/).fill(secret);
  await page.keyboard.press('Enter');
}

/** A name no other test uses, so tests sharing one server never see each other's rows. */
export function uniqueVisitor(prefix: string): string {
  return `${prefix}${Date.now().toString(36).slice(-5)}`;
}

/**
 * A fresh one-time enrolment code, made the way an admin at the server would: the admin CLI, on the e2e
 * server's data folder (playwright.config.ts sets E2E_DATA_DIR once for the runner and its workers).
 */
export function enrolmentCode(label = 'e2e'): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set: run the e2e tests through playwright.config.ts');
  const output = execFileSync(process.execPath, ['server/dist/cli.mjs', 'enrol-code', '--label', label], {
    env: { ...process.env, FIRSTDESK_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  const code = /Enrolment code: (\S+)/.exec(output)?.[1];
  if (!code) throw new Error(`The CLI printed no enrolment code:\n${output}`);
  return code;
}

/** Fill the enrolment screen as a clerk would, with the code the admin gave. */
export async function enrol(page: Page, code: string, label: string): Promise<void> {
  await page.getByLabel('登记码').fill(code);
  await page.getByLabel('窗口名称').fill(label);
  await page.getByRole('button', { name: '登记', exact: true }).click();
}

/** Open the desk; a browser profile that never enrolled enrols first, as `label` (a unique name by default). */
export async function openDesk(page: Page, label = uniqueVisitor('窗口')): Promise<void> {
  await page.goto('/');
  const who = page.getByRole('combobox', { name: /请选择您本人|Choose yourself/ });
  const code = page.getByLabel('登记码');
  await expect(who.or(code)).toBeVisible();
  if (await code.isVisible()) await enrol(page, enrolmentCode(label), label);
  // The first sync brings the staff directory from the server.
  await expect(who).toBeVisible();
}

/** Choose an option of a Mantine Select or MultiSelect by its label, as a clerk would. */
export async function choose(page: Page, label: string, option: RegExp | string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Register a contact from the form and wait until it is in today's list. */
export async function registerContact(page: Page, visitor: string, matter: string): Promise<void> {
  await page.getByLabel('姓名').fill(visitor);
  await page.getByLabel('咨询/办理事项').fill(matter);
  await page.keyboard.press('Control+Enter');
  await expect(todayRow(page, visitor)).toBeVisible();
}

export function todayRow(page: Page, visitor: string) {
  return page.getByRole('table', { name: '今日登记' }).getByRole('row', { name: new RegExp(visitor) });
}

/** How many rows one of the desk's IndexedDB stores holds now (the outbox, the complaint outbox…). */
export function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('firstdesk');
        open.onerror = () => reject(open.error ?? new Error('cannot open the desk database'));
        open.onsuccess = () => {
          const count = open.result.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
    store,
  );
}

/**
 * Wait until the desk's outbox is really empty, then for the indicator to say so. The indicator alone is not
 * enough right after an action: its live query may not have counted the new record yet, and "已全部上传" from
 * just before the action would pass the check while the record is still waiting.
 */
export async function allUploaded(page: Page): Promise<void> {
  const outboxCount = () => storeCount(page, 'outbox');
  await expect.poll(outboxCount, { timeout: 15_000 }).toBe(0);
  await expect(page.getByTestId('sync-pending')).toHaveText('已全部上传');
}

/** Press the sync indicator and wait until nothing is left to upload. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: '立即同步' }).click();
  await allUploaded(page);
}

/** The desks deskFor opened, with the test that opened them. */
const openedDesks: { testId: string; context: BrowserContext }[] = [];

/**
 * Close the desks earlier tests left open. The browser outlives each test, and every desk left in it keeps syncing
 * and re-rendering: late in a full run 18 of them shared the 2 cores with the test under way, which then timed out.
 */
async function closeEarlierDesks(): Promise<void> {
  const { testId } = test.info();
  for (let i = openedDesks.length - 1; i >= 0; i--) {
    const desk = openedDesks[i]!;
    if (desk.testId === testId) continue;
    openedDesks.splice(i, 1);
    await desk.context.close().catch(() => undefined);
  }
}

/** A new desk (its own browser profile), enrolled as `label`, with someone signed in. */
export async function deskFor(browser: Browser, name: string, label?: string): Promise<Page> {
  await closeEarlierDesks();
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  openedDesks.push({ testId: test.info().testId, context });
  const page = await context.newPage();
  await openDesk(page, label);
  await signIn(page, name);
  return page;
}

/**
 * The rating.given events of one visitor's contact in the desk's local log. The log also holds every rating other
 * tests synced (QR ratings among them, filed under a slip serial), so a test finds its own by the visitor's name.
 */
export async function ratingsOfVisitor(
  page: Page,
  visitor: string,
): Promise<{ contactId: string; staffId: string; source: unknown }[]> {
  return page.evaluate(async (name) => {
    type Row = { aggregate: string; aggregateId: string; event: { staffId: string; payload: Record<string, unknown> } };
    const open = indexedDB.open('firstdesk');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const all = await new Promise<Row[]>((resolve) => {
      const req = db.transaction('events').objectStore('events').getAll();
      req.onsuccess = () => resolve(req.result as Row[]);
    });
    db.close();
    const contact = all.find(
      (e) => e.aggregate === 'contact' && (e.event.payload.visitor as { name?: string } | undefined)?.name === name,
    );
    return all
      .filter((e) => e.aggregate === 'rating' && e.aggregateId === contact?.aggregateId)
      .map((e) => ({ contactId: e.aggregateId, staffId: e.event.staffId, source: e.event.payload.source }));
  }, visitor);
}
