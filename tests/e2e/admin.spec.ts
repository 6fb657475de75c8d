import { expect, test, type Page } from '@playwright/test';
import { deskFor, syncNow } from './desk.ts';

// Administrators keep the catalog and the working-day calendar; their edits reach every desk by sync. Both take a
// second person: 马军 drafts a catalog change and enters 2027, 黄秀英 reviews and publishes the draft (公开承诺, art.
// 20–23) and confirms the year on her own desk.

const ITEM = '技术合同认定登记';

const SCHEDULE_2027 = [
  '文号 国办发明电〔2026〕X号',
  '2027-01-01 休 元旦',
  '2027-02-06 班 春节',
  '2027-02-08~2027-02-12 休 春节',
  '2027-02-20 班 春节',
  '2027-10-01~2027-10-07 休 国庆节',
  '2027-10-09 班 国庆节',
].join('\n');

function itemRow(page: Page) {
  return page.getByRole('table', { name: '服务事项目录' }).getByRole('row', { name: new RegExp(ITEM) });
}

async function openAdmin(page: Page, tab: '服务事项目录' | '工作日历') {
  await page.getByRole('tab', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('an admin drafts a catalog change and enters next year’s calendar; a second admin publishes and confirms them on another desk', async ({
  browser,
}) => {
  const admin = await deskFor(browser, '马军');
  const banner = admin.getByTestId('calendar-banner');
  await expect(banner).toContainText('2027年工作日安排尚未录入');
  await expect(banner).toContainText('暂定');

  // A promised limit longer than the statutory one: a clear message at the field, and nothing stored.
  await openAdmin(admin, '服务事项目录');
  await expect(itemRow(admin).getByTestId('item-version')).toHaveText(/^已发布 第1版（\d{4}年\d{1,2}月\d{1,2}日）$/);
  await itemRow(admin).getByRole('button', { name: /修改/ }).click();
  await admin.getByLabel('承诺时限（工作日）').fill('30');
  await admin.getByRole('button', { name: '保存草稿', exact: true }).click();
  await expect(admin.getByText('承诺时限不得超过法定时限。')).toBeVisible();
  await expect(admin.getByTestId('sync-pending')).toHaveText('已全部上传');

  // art. 16 环节时限: the steps' limits (3 + 1 + 1) cannot exceed a promise of 3 days; shorten the review step.
  await admin.getByLabel('承诺时限（工作日）').fill('3');
  await admin.getByRole('button', { name: '保存草稿', exact: true }).click();
  await expect(admin.getByRole('alert').filter({ hasText: '各环节时限之和不得超过承诺时限。' })).toBeVisible();
  await admin.getByLabel('环节 3 环节时限（工作日）').fill('1');
  // Enter in a step's name adds the next step below (and does not submit the form); an empty row is dropped.
  await admin.getByLabel('环节 5 环节名称').press('Enter');
  await expect(admin.getByLabel('环节 6 环节名称')).toBeFocused();
  await admin.getByRole('button', { name: '保存草稿', exact: true }).click();
  // A draft: nothing changes in force until a second admin publishes it.
  await expect(itemRow(admin).getByTestId('item-draft')).toHaveText('草稿待审核（拟稿：马军）');
  await syncNow(admin);
  await expect(itemRow(admin).getByTestId('item-version')).toContainText('已发布 第1版');
  await expect(itemRow(admin)).toContainText('承诺 5 / 法定 20');
  // The drafter cannot publish it.
  await itemRow(admin)
    .getByRole('button', { name: /审核发布/ })
    .click();
  await expect(admin.getByText('您是拟稿人。按双人审核的要求，须由另一名管理员审核发布。')).toBeVisible();
  await expect(admin.getByRole('button', { name: '批准发布' })).toBeDisabled();
  await admin.getByRole('button', { name: '关闭' }).click();

  // 2027 pasted as the notice gives it, then submitted for a second person.
  await openAdmin(admin, '工作日历');
  await admin.getByRole('button', { name: /录入新年度/ }).click();
  await expect(admin.getByRole('heading', { name: '录入 2027 年工作日安排' })).toBeVisible();
  await admin.getByLabel('粘贴导入').fill(SCHEDULE_2027);
  await admin.getByRole('button', { name: '导入', exact: true }).click();
  await expect(admin.getByTestId('year-summary')).toHaveText('放假 11 天、调休上班 3 天');
  await expect(admin.getByLabel('国务院办公厅通知文号')).toHaveValue('国办发明电〔2026〕X号');
  await admin.getByRole('button', { name: '提交，请另一位管理员确认' }).click();
  const year2027 = admin.getByTestId('calendar-year-2027');
  await expect(year2027).toContainText('待另一位管理员确认');
  await expect(banner).toContainText('待另一位管理员确认后生效');

  // The admin who entered it cannot confirm it.
  await year2027.getByRole('button', { name: '核对确认' }).click();
  await expect(admin.getByText('您是录入人。按双人复核的要求，须由另一位管理员核对确认。')).toBeVisible();
  await expect(admin.getByRole('button', { name: '核对无误，确认生效' })).toBeDisabled();
  await syncNow(admin);

  // The second admin reviews the draft beside the version in force, the changed fields marked, and publishes it.
  const second = await deskFor(browser, '黄秀英');
  await syncNow(second);
  await openAdmin(second, '服务事项目录');
  await itemRow(second)
    .getByRole('button', { name: /审核发布/ })
    .click();
  const compare = second.getByRole('table', { name: '草稿与现行版本对照' });
  const promised = compare.getByRole('row', { name: /承诺时限/ });
  await expect(promised).toHaveAttribute('data-changed', 'true');
  await expect(promised).toContainText('已修改');
  await expect(compare.getByRole('row', { name: /设定依据/ })).not.toHaveAttribute('data-changed', 'true');
  await expect(second.getByTestId('guide-gaps')).toHaveCount(0);
  await second.getByRole('button', { name: '批准发布' }).click();
  await syncNow(second);
  await expect(itemRow(second).getByTestId('item-version')).toContainText('已发布 第2版');
  await expect(itemRow(second)).toContainText('承诺 3 / 法定 20');
  await expect(itemRow(second).getByTestId('item-draft')).toHaveCount(0);
  await second.getByTestId('calendar-banner').getByRole('button', { name: '去核对确认' }).click();
  const review = second.getByRole('table', { name: '与现行安排相比的变动' });
  await expect(review.getByRole('row', { name: /2027-10-09/ })).toContainText('班 国庆节');
  await expect(review.getByRole('row')).toHaveCount(15); // the header and 14 days
  await second.getByRole('button', { name: '核对无误，确认生效' }).click();
  await syncNow(second);

  // In force on every desk after sync: the catalog's version 2, the banner gone, 2027 no longer provisional.
  await expect(second.getByTestId('calendar-banner')).toHaveCount(0);
  await syncNow(admin);
  await expect(banner).toHaveCount(0);
  await expect(admin.getByRole('heading', { name: '2027 年现行安排' })).toBeVisible();
  await admin.getByRole('button', { name: /关闭/ }).click();
  await expect(year2027).toContainText('已生效');
  await expect(year2027).toContainText('国办发明电〔2026〕X号');
  await openAdmin(admin, '服务事项目录');
  await expect(itemRow(admin).getByTestId('item-version')).toContainText('已发布 第2版');
});
