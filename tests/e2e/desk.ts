import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PIN = '1234';

/** Sign in the way a clerk does: choose yourself, type the PIN, press Enter. */
export async function signIn(page: Page, name: string, pin = DEMO_PIN): Promise<void> {
  const who = page.getByRole('combobox', { name: /请选择您本人|Choose yourself/ });
  await expect(who).toBeEnabled();
  await who.click();
  await who.fill(name);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await page.getByLabel(/PIN/).fill(pin);
  await page.keyboard.press('Enter');
}

/** A name no other test uses, so tests sharing one server never see each other's rows. */
export function uniqueVisitor(prefix: string): string {
  return `${prefix}${Date.now().toString(36).slice(-5)}`;
}

export async function openDesk(page: Page): Promise<void> {
  await page.goto('/');
  // The first sync brings the staff directory from the server.
  await expect(page.getByRole('combobox', { name: /请选择您本人|Choose yourself/ })).toBeVisible();
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

/** Press the sync indicator and wait until nothing is left to upload. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('已全部上传', { timeout: 15_000 });
}

/** A new desk (its own browser profile) with someone signed in. */
export async function deskFor(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await openDesk(page);
  await signIn(page, name);
  return page;
}
