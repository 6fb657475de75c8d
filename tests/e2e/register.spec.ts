import { expect, test } from '@playwright/test';
import { allUploaded, openDesk, signIn, uniqueVisitor } from './desk.ts';

test('a clerk records a phone call in seconds, and it is still there after a reload', async ({ page }) => {
  await openDesk(page);
  await signIn(page, '张伟');
  await expect(page.getByTestId('signed-in-staff')).toContainText('张伟');

  const visitor = uniqueVisitor('王');
  await page.keyboard.press('Alt+2'); // 来电
  await page.getByLabel('姓名').fill(visitor);
  await page.getByLabel('联系电话').fill('13800138000');
  await page.getByLabel('咨询/办理事项').fill('咨询技术合同认定登记需要哪些材料');
  await page.keyboard.press('Control+Enter');

  const today = page.getByRole('table', { name: '今日登记' });
  const row = today.getByRole('row', { name: new RegExp(visitor) });
  await expect(row).toContainText('来电');
  await expect(row).toContainText('138****8000');
  await expect(row).toContainText('张伟');
  await expect(row).toContainText('待处置');
  // The form is ready for the next visitor at once.
  await expect(page.getByLabel('姓名')).toHaveValue('');
  await expect(page.getByLabel('姓名')).toBeFocused();

  await page.reload();
  await signIn(page, '张伟');
  await expect(
    page.getByRole('table', { name: '今日登记' }).getByRole('row', { name: new RegExp(visitor) }),
  ).toBeVisible();
});

test('a second desk sees the contact after sync, with who is responsible', async ({ browser }) => {
  const window1 = await browser.newContext();
  const window3 = await browser.newContext();
  const desk1 = await window1.newPage();
  const desk3 = await window3.newPage();

  await openDesk(desk1);
  await signIn(desk1, '张伟');
  const visitor = uniqueVisitor('南阳某科技公司');
  await desk1.getByLabel('单位').fill(visitor);
  await desk1.getByLabel('咨询/办理事项').fill('咨询高新技术企业认定推荐');
  await desk1.getByRole('button', { name: '登记', exact: true }).click();
  // Recorded locally at once, then pushed to the server shortly after (debounced).
  await expect(
    desk1.getByRole('table', { name: '今日登记' }).getByRole('row', { name: new RegExp(visitor) }),
  ).toBeVisible();
  await allUploaded(desk1);

  await openDesk(desk3);
  await signIn(desk3, '李娜');
  const row = desk3.getByRole('table', { name: '今日登记' }).getByRole('row', { name: new RegExp(visitor) });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('张伟');

  await window1.close();
  await window3.close();
});

test('a wrong PIN is refused and nobody is signed in', async ({ page }) => {
  await openDesk(page);
  await signIn(page, '张伟', '9999');
  await expect(page.getByText(/PIN 码或密码不正确。再错 4 次/)).toBeVisible();
  await expect(page.getByTestId('signed-in-staff')).toHaveCount(0);
});

test('invalid input gets a clear message and nothing is registered', async ({ page }) => {
  await openDesk(page);
  await signIn(page, '张伟');
  const visitor = uniqueVisitor('赵');
  await page.getByLabel('姓名').fill(visitor);
  await page.getByLabel('联系电话').fill('12345678');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/电话号码格式不正确/)).toBeVisible();
  await expect(page.getByText('请简要填写所问所办的事项。')).toBeVisible();
  // Nothing was registered, and what the clerk typed is still there to correct.
  await expect(page.getByText(visitor, { exact: false }).and(page.locator('td *'))).toHaveCount(0);
  await expect(page.getByLabel('姓名')).toHaveValue(visitor);
  await expect(page.getByTestId('sync-pending')).toHaveText('已全部上传');
});

test('the desk switches between Chinese and English, and remembers it', async ({ page }) => {
  await openDesk(page);
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await signIn(page, '张伟');
  await expect(page.getByRole('heading', { name: 'New contact' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
});
