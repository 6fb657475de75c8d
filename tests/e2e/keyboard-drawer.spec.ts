import { expect, test, type Page } from '@playwright/test';
import { choose, deskFor, registerContact, todayRow, uniqueVisitor } from './desk.ts';

// Ctrl+Enter belongs to the form the clerk is typing in: in the contact drawer it saves that disposition and never
// registers the half-typed visitor behind the drawer (a registration cannot be undone). Drafts survive a look at
// another tab, and after a refused save the caret goes to the field to fix.

const drawer = (page: Page) => page.getByRole('dialog');
const registerForm = (page: Page) => page.getByRole('form', { name: '新登记' });

test('Ctrl+Enter in the drawer answers the contact and leaves the half-typed registration alone', async ({
  browser,
}) => {
  const page = await deskFor(browser, '张伟');
  const first = uniqueVisitor('孙');
  await registerContact(page, first, '咨询技术合同认定登记');
  const draft = uniqueVisitor('半填');
  await page.getByLabel('姓名').fill(draft);
  await page.getByLabel('咨询/办理事项').fill('还没问完');

  await todayRow(page, first).click();
  await drawer(page).getByRole('tab', { name: '当场答复' }).click();
  await drawer(page).getByLabel('答复内容').fill('已当场答复技术合同认定登记所需材料');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('contact-status')).toHaveText('已答复');

  await page.keyboard.press('Escape');
  await expect(drawer(page)).toBeHidden();
  // The draft is still a draft: not registered, and what was typed is still there to finish.
  await expect(todayRow(page, first)).toContainText('已答复');
  await expect(todayRow(page, draft)).toHaveCount(0);
  await expect(page.getByLabel('姓名')).toHaveValue(draft);
  await expect(page.getByLabel('咨询/办理事项')).toHaveValue('还没问完');
  // From within the register form the same key still registers.
  await page.getByLabel('咨询/办理事项').press('Control+Enter');
  await expect(todayRow(page, draft)).toBeVisible();
});

test('拟不予办理: Ctrl+Enter saves the refusal, its refusal stays in the drawer with the caret on the field', async ({
  browser,
}) => {
  const page = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('钱');
  await registerContact(page, visitor, '外地企业申请科技型中小企业评价');
  // The register form behind is empty: a key that reached it would show its own refusal (事项必填).
  await todayRow(page, visitor).click();
  await drawer(page).getByRole('tab', { name: '拟不予办理' }).click();
  await drawer(page).getByLabel('不予办理的理由').fill('企业注册地不在本市');
  await drawer(page).getByLabel('不予办理的理由').press('Control+Enter');

  await expect(drawer(page).getByText('说"不"必须写明依据。')).toBeVisible();
  await expect(drawer(page).getByLabel('依据', { exact: true })).toBeFocused();
  await expect(page.getByTestId('contact-status')).toHaveText('待处置');
  await expect(registerForm(page).getByText('请简要填写所问所办的事项。')).toHaveCount(0);
  await expect(drawer(page).getByLabel('不予办理的理由')).toHaveValue('企业注册地不在本市');

  await page.keyboard.type('《南阳市科技型中小企业评价工作实施细则》第三条');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('contact-status')).toHaveText('拟不予办理，待领导审核');
  await page.keyboard.press('Escape');
  await expect(registerForm(page).getByText('请简要填写所问所办的事项。')).toHaveCount(0);
});

test('drafts survive switching tabs; a refused transfer puts the caret on the handler', async ({ browser }) => {
  const page = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('冯');
  await registerContact(page, visitor, '咨询科技成果登记');
  await todayRow(page, visitor).click();
  const d = drawer(page);
  await d.getByRole('tab', { name: '拟不予办理' }).click();
  await d.getByLabel('不予办理的理由').fill('不属于本局职责');
  await d.getByRole('tab', { name: '转办' }).click();
  await choose(page, '承办科室', '高新技术发展及产业化科');
  await d.getByLabel('转办说明').fill('请刘科长接待');
  await d.getByRole('tab', { name: '当场答复' }).click();
  await d.getByLabel('答复内容').fill('先答复一半');

  await d.getByRole('tab', { name: '拟不予办理' }).click();
  await expect(d.getByLabel('不予办理的理由')).toHaveValue('不属于本局职责');
  await d.getByRole('tab', { name: '当场答复' }).click();
  await expect(d.getByLabel('答复内容')).toHaveValue('先答复一半');
  await d.getByRole('tab', { name: '转办' }).click();
  await expect(d.getByRole('combobox', { name: '承办科室' })).toHaveValue('高新技术发展及产业化科');
  await expect(d.getByLabel('转办说明')).toHaveValue('请刘科长接待');

  // No handler chosen: the save is refused and the caret goes to 承办人, the field to fix.
  await d.getByLabel('转办说明').press('Control+Enter');
  await expect(d.getByText('请选择承办人。')).toBeVisible();
  await expect(d.getByRole('combobox', { name: '承办人' })).toBeFocused();
  await expect(page.getByTestId('contact-status')).toHaveText('待处置');

  // Another contact's drawer starts clean: a draft never follows the clerk to someone else. (The first Escape closes
  // the handler list that opened with the focus, the second the drawer.)
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
  const other = uniqueVisitor('褚');
  await registerContact(page, other, '咨询研发费用加计扣除');
  await todayRow(page, other).click();
  await d.getByRole('tab', { name: '拟不予办理' }).click();
  await expect(d.getByLabel('不予办理的理由')).toHaveValue('');
});

test('a refused registration puts the caret on the field to fix', async ({ browser }) => {
  const page = await deskFor(browser, '张伟');
  await page.getByLabel('姓名').fill(uniqueVisitor('卫'));
  await page.getByLabel('姓名').press('Control+Enter');
  await expect(registerForm(page).getByText('请简要填写所问所办的事项。')).toBeVisible();
  await expect(page.getByLabel('咨询/办理事项')).toBeFocused();
});

test('Alt+I with the drawer open keeps the drawer and its draft; closed, it goes to the inbox', async ({ browser }) => {
  const page = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('褚');
  await registerContact(page, visitor, '咨询高新技术企业认定');
  await todayRow(page, visitor).click();
  await drawer(page).getByRole('tab', { name: '当场答复' }).click();
  await drawer(page).getByLabel('答复内容').fill('答复写到一半');
  await drawer(page).getByLabel('答复内容').press('Alt+I');
  await expect(drawer(page)).toBeVisible();
  await expect(drawer(page).getByLabel('答复内容')).toHaveValue('答复写到一半');

  await page.keyboard.press('Escape');
  await expect(drawer(page)).toBeHidden();
  await page.getByLabel('姓名').press('Alt+I');
  await expect(page.getByRole('tab', { name: /我的待办/ })).toHaveAttribute('aria-selected', 'true');
});
