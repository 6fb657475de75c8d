import { expect, test } from '@playwright/test';
import { choose, deskFor, registerContact, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// Two or three desks (separate browser profiles) against the real HQ server, as at the service hall.

test('art. 8(3): window 1 transfers, the handler accepts at another desk, responsibility moves', async ({
  browser,
}) => {
  const window1 = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('周');
  await registerContact(window1, visitor, '咨询高新技术企业认定的申报条件');
  await todayRow(window1, visitor).click();
  await window1.getByRole('tab', { name: '转办' }).click();
  await choose(window1, '承办科室', '高新技术发展及产业化科');
  await choose(window1, '承办人', /刘洋/);
  await expect(window1.getByText(/请告知办事人：高新技术发展及产业化科，经办人 刘洋，电话/)).toBeVisible();
  await window1.getByRole('button', { name: '确认转办' }).click();
  await expect(window1.getByTestId('contact-status')).toHaveText('已转办，待承接');
  await window1.keyboard.press('Escape');
  await syncNow(window1);

  const handler = await deskFor(browser, '刘洋');
  await handler.getByRole('tab', { name: /我的待办/ }).click();
  const item = handler.getByRole('table', { name: '我的待办' }).getByRole('row', { name: new RegExp(visitor) });
  await expect(item).toContainText('承接或退回');
  await item.click();
  await handler.getByRole('button', { name: '承接', exact: true }).click();
  await expect(handler.getByTestId('contact-responsible')).toHaveText('刘洋');
  await handler.keyboard.press('Escape');
  await syncNow(handler);

  await syncNow(window1);
  await expect(todayRow(window1, visitor)).toContainText('刘洋');
  await expect(todayRow(window1, visitor)).toContainText('待处置');
});

test('art. 8(4): an unclear matter is escalated and the leader assigns it', async ({ browser }) => {
  const window1 = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('吴');
  await registerContact(window1, visitor, '科技成果转化奖励与税收优惠同时涉及多个科室');
  await todayRow(window1, visitor).click();
  await window1.getByRole('tab', { name: '请示领导' }).click();
  await choose(window1, '请示领导', /何建国/);
  await window1.getByLabel('请示事由').fill('事权管辖不明，涉及成果转化科和政策法规科');
  await window1.getByRole('button', { name: '提交请示' }).click();
  await expect(window1.getByTestId('contact-status')).toHaveText('已请示领导');
  await window1.keyboard.press('Escape');
  await syncNow(window1);

  const leader = await deskFor(browser, '何建国');
  await leader.getByRole('tab', { name: /我的待办/ }).click();
  await leader
    .getByRole('table', { name: '我的待办' })
    .getByRole('row', { name: new RegExp(visitor) })
    .click();
  await choose(leader, '指派给', /吴敏/);
  await leader.getByRole('button', { name: '确认指派' }).click();
  await expect(leader.getByTestId('contact-responsible')).toHaveText('吴敏');
  await leader.keyboard.press('Escape');
  await syncNow(leader);

  await syncNow(window1);
  await expect(todayRow(window1, visitor)).toContainText('吴敏');
});

test('说"不"提级管理: a proposed refusal waits for the leader, who approves it; the visitor is then told', async ({
  browser,
}) => {
  const window1 = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('郑');
  await registerContact(window1, visitor, '外地注册企业申请本市科技型中小企业评价');
  await todayRow(window1, visitor).click();
  await window1.getByRole('tab', { name: '拟不予办理' }).click();
  // A "no" without reason or basis is refused with a clear message and changes nothing.
  await window1.getByRole('button', { name: '提交领导审核' }).click();
  await expect(window1.getByText('说"不"必须写明理由。')).toBeVisible();
  await expect(window1.getByTestId('contact-status')).toHaveText('待处置');
  await window1.getByLabel('不予办理的理由').fill('企业注册地不在本市');
  await window1.getByLabel('依据').fill('《科技型中小企业评价办法》第六条');
  await window1.getByRole('button', { name: '提交领导审核' }).click();
  await expect(window1.getByTestId('contact-status')).toHaveText('拟不予办理，待领导审核');
  await window1.keyboard.press('Escape');
  await syncNow(window1);

  const leader = await deskFor(browser, '何建国');
  await leader.getByRole('tab', { name: /我的待办/ }).click();
  const item = leader.getByRole('table', { name: '我的待办' }).getByRole('row', { name: new RegExp(visitor) });
  await expect(item).toContainText('审核不予办理');
  await item.click();
  await leader.getByRole('button', { name: '同意不予办理' }).last().click();
  await expect(leader.getByTestId('contact-status')).toHaveText('不予办理（领导已同意）');
  await leader.keyboard.press('Escape');
  await syncNow(leader);

  await syncNow(window1);
  await expect(todayRow(window1, visitor)).toContainText('不予办理（领导已同意）');
  await window1.getByRole('tab', { name: /我的待办/ }).click();
  await window1
    .getByRole('table', { name: '我的待办' })
    .getByRole('row', { name: new RegExp(visitor) })
    .click();
  await expect(window1.getByText('领导已同意不予办理，请将结果告知办事人并记录。')).toBeVisible();
  await window1.getByRole('button', { name: '记录已告知' }).click();
  await expect(window1.getByText(/已于 .* 告知办事人（电话）/)).toBeVisible();
});

test('a returning visitor is found by pinyin initials and their earlier contacts are one key away', async ({
  browser,
}) => {
  const desk = await deskFor(browser, '李娜');
  const phone = `139${String(Date.now()).slice(-8)}`;
  await desk.getByLabel('姓名').fill('张三丰');
  await desk.getByLabel('联系电话').fill(phone);
  await desk.getByLabel('咨询/办理事项').fill('咨询技术合同认定登记的流程');
  await desk.keyboard.press('Control+Enter');
  await expect(todayRow(desk, '张三丰').first()).toBeVisible();

  await desk.getByLabel('姓名').fill('zsf');
  const match = desk.getByTestId('returning-visitor').filter({ hasText: '张三丰' }).first();
  await expect(match).toBeVisible();
  await desk.keyboard.press('Alt+U');
  await expect(desk.getByLabel('姓名')).toHaveValue('张三丰');
  await expect(desk.getByLabel('联系电话')).toHaveValue(phone);

  await desk.getByLabel('联系电话').fill(phone.slice(0, 7));
  await expect(desk.getByTestId('returning-visitor').first()).toContainText('张三丰');
  await desk.keyboard.press('Alt+H');
  await expect(desk.getByRole('table', { name: '历史记录（Alt+H）' })).toContainText('咨询技术合同认定登记的流程');
});
