import { expect, test, type Page } from '@playwright/test';
import { choose, deskFor, registerContact, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// 服务回访 board (issue 13 items 1, 7): a supervisor sees a finished case's task with its due badge, records the
// follow-up through the drawer, and the board and the published rates change by exactly what was recorded.

async function completeCase(clerk: Page, visitor: string) {
  await registerContact(clerk, visitor, '申请技术合同认定登记');
  await todayRow(clerk, visitor).click();
  await choose(clerk, '办理事项', '技术合同认定登记');
  await clerk.getByRole('button', { name: '开办件，核验材料' }).click();
  await expect(clerk.getByRole('radio', { name: '已收' }).first()).toBeAttached();
  for (const received of await clerk.getByRole('radio', { name: '已收' }).all()) await received.dispatchEvent('click');
  await clerk.getByRole('button', { name: '受理（开始计时）' }).click();
  await expect(clerk.getByTestId('case-status')).toHaveText('办理中');
  await clerk.getByRole('button', { name: '办结', exact: true }).click();
  await clerk.getByLabel('结果说明').fill('已完成技术合同认定登记');
  await clerk.getByRole('button', { name: '确认办结' }).click();
  await expect(clerk.getByTestId('case-status')).toHaveText('已办结');
  await clerk.keyboard.press('Escape');
  await syncNow(clerk);
}

/** The bureau's rates, each as [numerator, denominator] read from "92.3 %（24/26）" (null for —), its percent checked. */
async function bureauRates(page: Page): Promise<Record<string, [number, number] | null>> {
  await page.getByText('统计', { exact: true }).click();
  // Every task so far falls due within the next weeks: a period to a far day counts them all in coverage.
  await page.getByLabel('至').fill('2099-12-31');
  const row = page.getByTestId('rates-row-bureau');
  await expect(row).toBeVisible();
  const rates: Record<string, [number, number] | null> = {};
  for (const key of ['goodRate', 'unratedRate', 'followUpCoverage', 'followUpOnTime']) {
    const text = (await row.locator(`[data-rate="${key}"]`).innerText()).trim();
    if (text === '—') {
      rates[key] = null;
      continue;
    }
    const m = /^(\d+\.\d) %（(\d+)\/(\d+)）$/.exec(text);
    expect(m, `${key}: ${text}`).not.toBeNull();
    const [n, d] = [Number(m![2]), Number(m![3])];
    // The percent shown is the fraction's, to one decimal.
    expect(m![1]).toBe((Math.round((n / d) * 1000) / 10).toFixed(1));
    rates[key] = [n, d];
  }
  await page.getByText('回访任务', { exact: true }).click();
  return rates;
}

test('a supervisor follows up a finished case from the 服务回访 board; the board and the rates change by exactly that', async ({
  browser,
}) => {
  test.setTimeout(150_000); // two desks enrol and sign in
  const clerk = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('宛城光电');
  await completeCase(clerk, visitor);

  const supervisor = await deskFor(browser, '黄秀英');
  await supervisor.getByRole('tab', { name: '服务回访' }).click();
  const board = supervisor.getByRole('table', { name: '回访任务一览' });
  const row = board.getByRole('row', { name: new RegExp(visitor) });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('follow-up-due')).toContainText(/前$/);
  await expect(row.getByTestId('follow-up-state')).toHaveText('待回访');
  await expect(row).toContainText('回访组（监督人员）');
  await expect(supervisor.getByTestId('follow-up-board-counts')).toHaveText(/^待回访 \d+ · 逾期 \d+ · 今日到期 \d+$/);
  const openBefore = Number(
    /待回访 (\d+)/.exec(await supervisor.getByTestId('follow-up-board-counts').innerText())![1],
  );

  const before = await bureauRates(supervisor);
  expect(before.followUpCoverage).not.toBeNull(); // the new task is counted

  // Opened from the board, recorded in the follow-up drawer: reached, 满意 on every aspect.
  await board.getByRole('row', { name: new RegExp(visitor) }).click();
  const form = supervisor.getByRole('form', { name: '服务回访' });
  await expect(supervisor.getByText('尚无回访记录。')).toBeVisible();
  await form.getByRole('group', { name: '是否联系上服务对象' }).getByText('已联系上').click();
  for (const aspect of ['总体评价', '服务态度', '服务质量', '办事效率', '廉洁自律']) {
    await form.getByRole('group', { name: aspect }).getByText('满意', { exact: true }).click();
  }
  await form.getByLabel('服务对象的意见').fill('办理顺利');
  await form.getByLabel('服务对象的意见').press('Control+Enter');
  await expect(supervisor.getByText('已完成回访。')).toBeVisible();
  await supervisor.keyboard.press('Escape');

  // The board: it leaves the open tasks (one fewer 待回访) and shows 已回访 once every task is shown.
  await expect(board.getByRole('row', { name: new RegExp(visitor) })).toHaveCount(0);
  await expect(supervisor.getByTestId('follow-up-board-counts')).toContainText(`待回访 ${openBefore - 1} ·`);
  await supervisor.getByLabel('只看未完成').uncheck();
  await expect(board.getByRole('row', { name: new RegExp(visitor) }).getByTestId('follow-up-state')).toHaveText(
    '已回访',
  );

  // The rates, hand-computed from before: one more 好评 among one more rating, one more task covered, on time.
  const after = await bureauRates(supervisor);
  const [gn, gd] = before.goodRate ?? [0, 0];
  expect(after.goodRate).toEqual([gn + 1, gd + 1]);
  const [cn, cd] = before.followUpCoverage!;
  expect(after.followUpCoverage).toEqual([cn + 1, cd]);
  const [on, od] = before.followUpOnTime!;
  expect(after.followUpOnTime).toEqual([on + 1, od]);
  await syncNow(supervisor);
});
