import { expect, test, type Page } from '@playwright/test';
import { deskFor, registerContact, todayRow, uniqueVisitor } from './desk.ts';

// Today at the desk (issue 15, point 4): the header shows this window's day — registered, disposed (art. 8),
// waiting (art. 9) — live from the desk's own records, and the end-of-day check opens with the same summary.

/** The window's three numbers in the header strip. */
async function expectStrip(page: Page, registered: number, disposed: number, waiting: number) {
  await expect(page.getByTestId('today-strip-registered')).toHaveText(String(registered));
  await expect(page.getByTestId('today-strip-disposed')).toHaveText(String(disposed));
  await expect(page.getByTestId('today-strip-waiting')).toHaveText(String(waiting));
}

/** One row (本窗口 or 本人登记) of the day's summary, as shown. */
async function summaryRow(page: Page, scope: 'window' | 'mine') {
  const cell = (key: string) => page.getByTestId(`today-${scope}-${key}`).first().innerText();
  return [Number(await cell('registered')), Number(await cell('disposed')), Number(await cell('waiting'))];
}

test('register two contacts, answer one: the strip says 2 registered, 1 disposed, 1 waiting, and the end-of-day check opens with the same', async ({
  browser,
}) => {
  const page = await deskFor(browser, '李娜');
  // The header holds the strip beside sync, language, name and buttons at a 1366 px wide screen.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expectStrip(page, 0, 0, 0); // a new window: nothing registered here yet

  // 李娜 may have registered today at other windows (records synced down): count from what she has now.
  await page.getByTestId('today-strip').click();
  await expect(page.getByTestId('today-summary')).toBeVisible();
  const [mineBefore = 0, disposedBefore = 0, waitingBefore = 0] = await summaryRow(page, 'mine');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('today-summary')).toBeHidden();

  const answered = uniqueVisitor('郑');
  const waiting = uniqueVisitor('冯');
  await registerContact(page, answered, '咨询科技型中小企业评价的申报时间');
  await expectStrip(page, 1, 0, 1);
  await registerContact(page, waiting, '咨询技术合同认定登记需要的材料');
  await expectStrip(page, 2, 0, 2);

  await todayRow(page, answered).click();
  await page.getByLabel('答复内容').fill('已告知：每年三月至十月分批评价，网上填报');
  await page.getByRole('button', { name: '保存答复' }).click();
  await expect(page.getByTestId('contact-status')).toHaveText('已答复');
  await page.keyboard.press('Escape');
  await expectStrip(page, 2, 1, 1);

  const strip = page.getByTestId('today-strip');
  await expect(strip).toHaveAccessibleName('今日：登记 2 件，已处置 1 件，待处置 1 件。查看今日小结');
  const signOut = page.getByRole('button', { name: '退出登录' });
  await expect(signOut).toBeInViewport();
  const [stripBox, signOutBox] = [await strip.boundingBox(), await signOut.boundingBox()];
  expect(stripBox!.y + stripBox!.height).toBeLessThanOrEqual(64); // inside the header's top row
  expect(signOutBox!.x + signOutBox!.width).toBeLessThanOrEqual(1366);

  await strip.click();
  expect(await summaryRow(page, 'window')).toEqual([2, 1, 1]);
  expect(await summaryRow(page, 'mine')).toEqual([mineBefore + 2, disposedBefore + 1, waitingBefore + 1]);
  await page.getByRole('button', { name: '日终检查' }).click();

  // The end-of-day check: the day's summary first, then what is still undisposed at this window (art. 9).
  await expect(page.getByRole('heading', { name: '日终检查' })).toBeVisible();
  const summary = page.getByTestId('today-summary');
  await expect(summary).toBeVisible();
  expect(await summaryRow(page, 'window')).toEqual([2, 1, 1]);
  expect(await summaryRow(page, 'mine')).toEqual([mineBefore + 2, disposedBefore + 1, waitingBefore + 1]);
  const undisposed = page.getByRole('table', { name: '尚未处置' });
  await expect(undisposed.getByRole('row', { name: new RegExp(waiting) })).toBeVisible();
  await expect(undisposed.getByRole('row', { name: new RegExp(answered) })).toHaveCount(0);
  const summaryBox = await summary.boundingBox();
  const listBox = await undisposed.boundingBox();
  expect(summaryBox!.y).toBeLessThan(listBox!.y);
});
