import { expect, test, type Locator, type Page } from '@playwright/test';
import { choose, deskFor, registerContact, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// Today at the desk (issue 15, point 4): the header shows this window's day — registered, disposed (art. 8),
// waiting (art. 9) — live from the desk's own records, and the end-of-day check opens with the same summary.

/** The window's three numbers in the header strip. */
async function expectStrip(page: Page, registered: number, disposed: number, waiting: number) {
  await expect(page.getByTestId('today-strip-registered')).toHaveText(String(registered));
  await expect(page.getByTestId('today-strip-disposed')).toHaveText(String(disposed));
  await expect(page.getByTestId('today-strip-waiting')).toHaveText(String(waiting));
}

/** One row (本窗口 or 本人登记) of the day's summary shown in `where` (the strip's popover or the end-of-day check). */
async function summaryRow(where: Locator, scope: 'window' | 'mine') {
  const cell = (key: string) => where.getByTestId(`today-${scope}-${key}`).innerText();
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
  const popover = page.getByRole('dialog').filter({ has: page.getByTestId('today-summary') });
  await page.getByTestId('today-strip').click();
  await expect(popover).toBeVisible();
  const [mineBefore = 0, disposedBefore = 0, waitingBefore = 0] = await summaryRow(popover, 'mine');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

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
  expect(await summaryRow(popover, 'window')).toEqual([2, 1, 1]);
  expect(await summaryRow(popover, 'mine')).toEqual([mineBefore + 2, disposedBefore + 1, waitingBefore + 1]);
  await popover.getByRole('button', { name: '日终检查' }).click();
  await expect(popover).toBeHidden();

  // The end-of-day check: the day's summary first, then what is still undisposed at this window (art. 9).
  await expect(page.getByRole('heading', { name: '日终检查' })).toBeVisible();
  const summary = page.getByRole('main').getByTestId('today-summary');
  await expect(summary).toBeVisible();
  expect(await summaryRow(summary, 'window')).toEqual([2, 1, 1]);
  expect(await summaryRow(summary, 'mine')).toEqual([mineBefore + 2, disposedBefore + 1, waitingBefore + 1]);
  const undisposed = page.getByRole('table', { name: '尚未处置' });
  await expect(undisposed.getByRole('row', { name: new RegExp(waiting) })).toBeVisible();
  await expect(undisposed.getByRole('row', { name: new RegExp(answered) })).toHaveCount(0);
  const summaryBox = await summary.boundingBox();
  const listBox = await undisposed.boundingBox();
  expect(summaryBox!.y).toBeLessThan(listBox!.y);
});

test('art. 8(3): a transfer sent from another window shows on the handler’s strip as one to accept, and the header still fits', async ({
  browser,
}) => {
  const window1 = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('蒋');
  await registerContact(window1, visitor, '咨询高新技术企业认定的研发费用归集');
  await todayRow(window1, visitor).click();
  await window1.getByRole('tab', { name: '转办' }).click();
  await choose(window1, '承办科室', '高新技术发展及产业化科');
  await choose(window1, '承办人', /刘洋/);
  await window1.getByRole('button', { name: '确认转办' }).click();
  await expect(window1.getByTestId('contact-status')).toHaveText('已转办，待承接');
  await window1.keyboard.press('Escape');
  await expectStrip(window1, 1, 1, 0); // a transfer is a disposition (art. 8(3))
  await syncNow(window1);

  const handler = await deskFor(browser, '刘洋');
  await handler.setViewportSize({ width: 1366, height: 768 });
  await syncNow(handler);
  const badge = handler.getByTestId('today-strip-transfers');
  await expect(badge).toBeVisible();
  const waiting = Number((await badge.innerText()).replace(/\D/g, ''));
  expect(waiting).toBeGreaterThanOrEqual(1);
  await handler.getByTestId('today-strip').click();
  await expect(handler.getByRole('dialog').getByTestId('today-transfers')).toContainText(`转给本人 ${waiting} 件`);
  await handler.keyboard.press('Escape');
  await expect(handler.getByRole('dialog')).toBeHidden();
  const signOut = await handler.getByRole('button', { name: '退出登录' }).boundingBox();
  expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(1366);
  expect((await handler.getByTestId('today-strip').boundingBox())!.y).toBeLessThan(64);

  // Accepting it takes it off the count.
  await handler.getByRole('tab', { name: /我的待办/ }).click();
  await handler
    .getByRole('table', { name: '我的待办' })
    .getByRole('row', { name: new RegExp(visitor) })
    .click();
  await handler.getByRole('button', { name: '承接', exact: true }).click();
  await expect(handler.getByTestId('contact-responsible')).toHaveText('刘洋');
  await handler.keyboard.press('Escape');
  if (waiting === 1) await expect(badge).toBeHidden();
  else await expect(badge).toContainText(String(waiting - 1));
});
