import { expect, test } from '@playwright/test';
import { choose, deskFor, registerContact, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// Issue 12: the one-time checklist given from the contact itself (art. 10), and the limit of an escalation (art. 12).

const ITEM = /科技型中小企业评价入库（初审）/;

test('art. 10: a caller asking what to bring gets the checklist read out and an answer citing it, without a case', async ({
  browser,
}) => {
  const window1 = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('钱');
  await registerContact(window1, visitor, '电话咨询科技型中小企业评价需要带什么材料');
  await todayRow(window1, visitor).click();

  const panel = window1.getByTestId('checklist-panel');
  // Nothing is recorded without an item.
  await panel.getByRole('button', { name: '已当面或电话告知' }).click();
  await expect(panel.getByText('请选择办理事项。')).toBeVisible();

  await choose(window1, '告知事项', ITEM);
  // The text to read out names the item and the catalog version.
  await expect(panel.getByLabel('告知内容（可照读）')).toHaveValue(/科技型中小企业评价入库（初审）/);
  await expect(panel.getByLabel('告知内容（可照读）')).toHaveValue(/第\d+版/);
  await panel.getByRole('button', { name: '已当面或电话告知' }).click();
  await expect(
    panel.getByText(/已告知：《科技型中小企业评价入库（初审）》（事项目录第\d+版），当面或电话告知/),
  ).toBeVisible();
  await expect(window1.getByTestId('contact-status')).toHaveText('待处置');

  // One key fills the answer with the item and version given; saving it disposes of the contact.
  await window1.getByRole('button', { name: /填入答复：已一次性告知《科技型中小企业评价入库（初审）》/ }).click();
  await expect(window1.getByLabel('答复内容')).toHaveValue(
    /^已一次性告知《科技型中小企业评价入库（初审）》办理所需材料、程序和时限（事项目录第\d+版）。$/,
  );
  await window1.getByRole('button', { name: '保存答复' }).click();
  await expect(window1.getByTestId('contact-status')).toHaveText('已答复');
  const timeline = window1.getByRole('list', { name: '处理记录' }).or(window1.getByLabel('处理记录'));
  await expect(timeline.getByText('一次性告知', { exact: true })).toBeVisible();
  await window1.keyboard.press('Escape');
  await expect(todayRow(window1, visitor)).toContainText('已答复');
});

test('art. 12: an escalated matter shows its answer limit in the leader’s inbox and in the contact', async ({
  browser,
}) => {
  const window1 = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('孙');
  await registerContact(window1, visitor, '同时涉及成果转化和政策法规的事项，职责不明');
  await todayRow(window1, visitor).click();
  await window1.getByRole('tab', { name: '请示领导' }).click();
  await choose(window1, '请示领导', /何建国/);
  await window1.getByLabel('请示事由').fill('事权管辖不明');
  await window1.getByRole('button', { name: '提交请示' }).click();
  await expect(window1.getByTestId('escalation-limit')).toContainText(
    /领导答复并告知办事人的期限：\d{4}-\d{2}-\d{2}（5 个工作日，第十二条）/,
  );
  await window1.keyboard.press('Escape');
  await syncNow(window1);

  const leader = await deskFor(browser, '何建国');
  await leader.getByRole('tab', { name: /我的待办/ }).click();
  const row = leader.getByRole('table', { name: '我的待办' }).getByRole('row', { name: new RegExp(visitor) });
  await expect(row.getByTestId('escalation-due')).toHaveText(/^\d{4}-\d{2}-\d{2} 前$/);
});
