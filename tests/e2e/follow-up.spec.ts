import { expect, test } from '@playwright/test';
import { choose, deskFor, registerContact, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// 服务回访 (art. 27–30): a completed case is followed up by the supervisors' team, never by the clerk who handled it.

test('a supervisor finds the follow-up of a completed case in the inbox and records a phone follow-up with ratings; the clerk sees no such task', async ({
  browser,
}) => {
  test.setTimeout(120_000); // two desks enrol and sign in
  const clerk = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('卧龙新材料');
  await registerContact(clerk, visitor, '申请技术合同认定登记');
  await todayRow(clerk, visitor).click();
  await choose(clerk, '办理事项', '技术合同认定登记');
  await clerk.getByRole('button', { name: '开办件，核验材料' }).click();
  await expect(clerk.getByTestId('case-status')).toHaveText('材料核验中');
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

  // The clerk's own work is never followed up by the clerk: no follow-up in their inbox.
  await clerk.getByRole('tab', { name: /我的待办/ }).click();
  await expect(clerk.getByRole('heading', { name: '我的待办' })).toBeVisible();
  await expect(clerk.getByRole('table', { name: '待回访' })).toHaveCount(0);
  await expect(clerk.getByText(visitor)).toHaveCount(0);

  const supervisor = await deskFor(browser, '黄秀英');
  await supervisor.getByRole('tab', { name: /我的待办/ }).click();
  const row = supervisor.getByRole('table', { name: '待回访' }).getByRole('row', { name: new RegExp(visitor) });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('follow-up-due')).toContainText(/前$/);
  await expect(row).toContainText('待回访');
  // Keyboard path: the row opens with Enter.
  await row.focus();
  await supervisor.keyboard.press('Enter');
  const form = supervisor.getByRole('form', { name: '服务回访' });
  await expect(supervisor.getByText('尚无回访记录。')).toBeVisible();

  // First call: not reached — counted, the task stays.
  await form.getByRole('group', { name: '是否联系上服务对象' }).getByText('未联系上').click();
  await form.getByLabel('情况说明（可不填）').fill('电话无人接听');
  await form.getByRole('button', { name: '记录未联系上' }).click();
  await expect(supervisor.getByText('电话回访，未联系上')).toBeVisible();

  // Second call: reached, the five ratings, saved with Ctrl+Enter.
  await form.getByRole('group', { name: '是否联系上服务对象' }).getByText('已联系上').click();
  await expect(form.getByRole('group', { name: '回访方式' }).getByRole('radio', { name: '电话回访' })).toBeChecked();
  for (const aspect of ['总体评价', '服务态度', '服务质量', '办事效率', '廉洁自律']) {
    await form.getByRole('group', { name: aspect }).getByText('满意', { exact: true }).click();
  }
  await form.getByRole('group', { name: '服务质量' }).getByText('非常满意').click();
  await form.getByLabel('服务对象的意见').fill('窗口一次告知清楚，办理很快');
  await form.getByLabel('服务对象的意见').press('Control+Enter');

  await expect(supervisor.getByText('电话回访：满意')).toBeVisible();
  await expect(supervisor.getByText(/服务质量：非常满意/)).toBeVisible();
  await expect(supervisor.getByText('意见：窗口一次告知清楚，办理很快')).toBeVisible();
  await expect(supervisor.getByText('已完成回访。')).toBeVisible();
  await expect(supervisor.getByText(/黄秀英，/).first()).toBeVisible();
  await supervisor.keyboard.press('Escape');
  // Done: it leaves the inbox.
  await expect(
    supervisor.getByRole('table', { name: '待回访' }).getByRole('row', { name: new RegExp(visitor) }),
  ).toHaveCount(0);
  await syncNow(supervisor);
});
