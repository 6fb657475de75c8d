import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { choose, deskFor, registerContact, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// 公开承诺 (art. 20–23, issue 16 items 1–2): 马军 drafts the 办事指南 of an item — office hours, visits, delivery, a
// special step that counts in the limit, one more question, an attached form uploaded to HQ — and cannot publish his
// own draft; 黄秀英 reviews it on her desk beside the version in force and publishes it; a window's checklist then
// reads the new version.

const ITEM = '市级重点实验室认定';
const HOURS = '工作日 上午 8:30–12:00，下午 14:30–17:30（e2e）';

function itemRow(page: Page) {
  return page.getByRole('table', { name: '服务事项目录' }).getByRole('row', { name: new RegExp(ITEM) });
}

async function openCatalog(page: Page) {
  await page.getByRole('tab', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '服务事项目录' }).click();
}

test('an admin drafts the guide with a form, cannot publish it himself; a second admin publishes it and the windows use it', async ({
  browser,
}) => {
  const admin = await deskFor(browser, '马军');
  await openCatalog(admin);
  await expect(itemRow(admin).getByTestId('item-version')).toHaveText(/^已发布 第1版（\d{4}年\d{1,2}月\d{1,2}日）$/);
  await itemRow(admin).getByRole('button', { name: /修改/ }).click();

  // The guide's elements.
  await admin.getByLabel('办理时间').fill(HOURS);
  await admin.getByLabel('到现场次数').fill('0');
  await admin.getByRole('checkbox', { name: '邮寄送达' }).check();
  await expect(admin.getByRole('checkbox', { name: '法人和其他组织' })).toBeChecked();
  await expect(admin.getByRole('switch', { name: '节假日（含周末）照常办理' })).not.toBeChecked();

  // Keyboard first: Enter in a special step's name adds the next one below; so does Enter in a question.
  await admin.getByLabel('特别程序 1 名称').press('Enter');
  await expect(admin.getByLabel('特别程序 2 名称')).toBeFocused();
  await admin.keyboard.type('现场考察');
  await admin.getByLabel('特别程序 2 时限（工作日）').fill('3');
  await admin.getByRole('checkbox', { name: '特别程序 2 计入办理时限' }).check();
  await admin.getByLabel('问题 2', { exact: true }).press('Enter');
  await expect(admin.getByLabel('问题 3', { exact: true })).toBeFocused();
  await admin.keyboard.type('依托单位可以同时申报几个重点实验室？');
  await admin.getByLabel('问题 3 的解答').fill('同一依托单位每年度限报一个，研究方向不得与已认定的实验室重复。');

  // An attached form: the type and the 5 MB limit are checked before anything is sent, then it goes to HQ.
  await admin.getByRole('button', { name: '+ 添加表格' }).click();
  const formRow = admin.getByRole('group', { name: '表格 1' });
  await formRow.getByLabel('表格名称').fill('市级重点实验室认定申请书');
  const fileInput = formRow.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('not a form') });
  await expect(formRow.getByRole('alert')).toHaveText('只能上传 PDF、Word（.doc、.docx）或 Excel（.xls、.xlsx）文件。');
  const tooBig = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024)]);
  await fileInput.setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: tooBig });
  await expect(formRow.getByRole('alert')).toContainText('超过 5 MB 的上限');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await fileInput.setInputFiles({ name: '重点实验室认定申请书.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(formRow.getByTestId('guide-form-file')).toHaveText(
    /^已上传：重点实验室认定申请书\.pdf，\d+ KB，SHA-256 [0-9a-f]{12}…$/,
  );
  await expect(formRow.getByRole('alert')).toHaveCount(0);

  await admin.getByLabel('修改说明（选填）').fill('补充现场考察环节和办理时间');
  await admin.getByRole('button', { name: '保存草稿', exact: true }).click();
  await expect(itemRow(admin).getByTestId('item-draft')).toHaveText('草稿待审核（拟稿：马军）');
  await expect(itemRow(admin)).toContainText('需另一名管理员审核发布');
  await syncNow(admin);
  await expect(itemRow(admin).getByTestId('item-version')).toContainText('已发布 第1版');

  // The drafter cannot publish his own draft.
  await itemRow(admin)
    .getByRole('button', { name: /审核发布/ })
    .click();
  await expect(admin.getByText('您是拟稿人。按双人审核的要求，须由另一名管理员审核发布。')).toBeVisible();
  await expect(admin.getByRole('button', { name: '批准发布' })).toBeDisabled();

  // 黄秀英 on her own desk: the draft beside version 1, what changed marked, the guide complete.
  const second = await deskFor(browser, '黄秀英');
  await syncNow(second);
  await openCatalog(second);
  await expect(itemRow(second).getByTestId('item-draft')).toHaveText('草稿待审核（拟稿：马军）');
  await expect(itemRow(second)).not.toContainText('需另一名管理员审核发布');
  await itemRow(second)
    .getByRole('button', { name: /审核发布/ })
    .click();
  await expect(second.getByText(/拟稿人：马军/)).toBeVisible();
  await expect(second.getByText('修改说明：补充现场考察环节和办理时间')).toBeVisible();
  const compare = second.getByRole('table', { name: '草稿与现行版本对照' });
  for (const field of ['办理时间', '到现场次数', '办理结果', '特别程序', '常见问题', '表格']) {
    await expect(compare.getByRole('row', { name: new RegExp(`^${field}`) })).toHaveAttribute('data-changed', 'true');
  }
  await expect(compare.getByRole('row', { name: /^办理时间/ })).toContainText(HOURS);
  await expect(compare.getByRole('row', { name: /^特别程序/ })).toContainText('现场考察（3 个工作日）（计入办理时限）');
  // The approver opens the form approval will publish (art. 23): its size and SHA-256 start, and the bytes from HQ.
  const formsRow = compare.getByRole('row', { name: /^表格/ });
  await expect(formsRow).toContainText('市级重点实验室认定申请书（空白表格）');
  await expect(formsRow).toContainText(/重点实验室认定申请书\.pdf，\d+ KB，SHA-256 [0-9a-f]{12}…/);
  const downloading = second.waitForEvent('download');
  await formsRow.getByRole('button', { name: '打开或下载 重点实验室认定申请书.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('重点实验室认定申请书.pdf');
  expect((await readFile((await download.path())!)).equals(pdf)).toBe(true);
  await expect(compare.getByRole('row', { name: /^设定依据/ })).not.toHaveAttribute('data-changed', 'true');
  await expect(second.getByTestId('guide-gaps')).toHaveCount(0);
  await second.getByRole('button', { name: '批准发布' }).click();
  await syncNow(second);
  await expect(itemRow(second).getByTestId('item-version')).toContainText('已发布 第2版');
  await expect(itemRow(second).getByTestId('item-draft')).toHaveCount(0);

  // Every published version stays readable, each with its date, its drafter and its approver.
  await itemRow(second)
    .getByRole('button', { name: /历次版本/ })
    .click();
  const versions = second.getByRole('table', { name: '已发布版本' });
  await expect(versions.getByTestId('item-version-2')).toContainText('第 2 版（现行）');
  await expect(versions.getByTestId('item-version-2')).toContainText('马军');
  await expect(versions.getByTestId('item-version-2')).toContainText('黄秀英');
  await expect(versions.getByTestId('item-version-1')).toBeVisible();

  // A window's checklist for the item now reads version 2, with the new office hours.
  const clerk = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('冯');
  await registerContact(clerk, visitor, '咨询市级重点实验室认定要带什么材料');
  await todayRow(clerk, visitor).click();
  await choose(clerk, '告知事项', new RegExp(ITEM));
  const readOut = clerk.getByTestId('checklist-panel').getByLabel('告知内容（可照读）');
  await expect(readOut).toHaveValue(/第2版/);
  await expect(readOut).toHaveValue(new RegExp(HOURS.replace(/[()（）]/g, '.')));
});
