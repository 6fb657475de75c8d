import { expect, type Page } from '@playwright/test';

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
