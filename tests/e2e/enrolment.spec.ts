import { expect, test } from '@playwright/test';
import { deskFor, enrol, enrolmentCode, registerContact, signIn, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// A new desk enrols with a one-time code from the admin before anyone signs in; an admin can revoke a desk
// from the admin screen, and that desk is told so at its next sync without losing anything it holds.

test('a new desk is refused a wrong code with a clear message, then enrols with the admin’s code', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '登记本窗口' })).toBeVisible();
  // The browser desk talks to the server that served it: the address is shown, not editable.
  const address = page.getByLabel('总部服务器地址');
  await expect(address).toHaveValue(new URL(page.url()).origin);
  await expect(address).toHaveAttribute('readonly');

  await enrol(page, 'ABCD-EFGH', '窗口9');
  await expect(page.getByRole('alert')).toContainText('登记码不正确，请核对后重新输入。');
  await page.getByLabel('登记码').fill('12');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText('登记码应为 8 位字母和数字')).toBeVisible();

  const code = enrolmentCode('窗口9');
  await enrol(page, code.toLowerCase().replace('-', ''), '窗口9');
  await signIn(page, '张伟');
  await expect(page.getByTestId('signed-in-staff')).toContainText('张伟');

  // Used once, the same code is refused to the next desk.
  const next = await page.context().browser()!.newContext({ locale: 'zh-CN' });
  const other = await next.newPage();
  await other.goto('/');
  await enrol(other, code, '窗口10');
  await expect(other.getByRole('alert')).toContainText('此登记码已被使用');
  await next.close();
});

test('an admin revokes a desk; its next sync is refused with the reason, and it keeps its records', async ({
  browser,
}) => {
  const label = uniqueVisitor('停用窗口');
  const clerk = await deskFor(browser, '张伟', label);
  const sent = uniqueVisitor('赵');
  await registerContact(clerk, sent, '咨询科技型中小企业评价');
  await syncNow(clerk);

  const admin = await deskFor(browser, '马军');
  await admin.getByRole('tab', { name: '系统管理' }).click();
  await admin.getByRole('tab', { name: '窗口设备' }).click();
  // The admin signed in online with the password: the tab asks for nothing more, its calls carry the session.

  const devices = admin.getByRole('table', { name: '已登记窗口' });
  const row = devices.getByRole('row', { name: new RegExp(label) });
  await expect(row).toContainText('正常');
  await expect(devices.getByRole('row', { name: /本窗口/ })).not.toContainText('停用');
  await row.getByRole('button', { name: '停用' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: '停用' }).click();
  await expect(row).toContainText('已停用（ma-jun）');

  // A code for the next desk, shown once.
  await admin.getByRole('button', { name: '生成登记码' }).click();
  await expect(admin.getByTestId('enrolment-code')).toContainText(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);

  // The revoked desk still works locally; its next sync is refused and it says why.
  await clerk.bringToFront();
  // Away from the indicator: a notification appearing under the pointer stays until the pointer leaves.
  await clerk.mouse.move(10, 500);
  const unsent = uniqueVisitor('钱');
  await registerContact(clerk, unsent, '咨询技术合同认定登记');
  // The "registered" notification covers the indicator for a few seconds.
  await expect(clerk.getByText(`已登记：${unsent}`)).toBeHidden({ timeout: 15_000 });
  await clerk.getByTestId('sync-indicator').click();
  await expect(clerk.getByTestId('sync-pending')).toHaveText('待上传 1 条');
  await clerk.getByTestId('sync-indicator').hover();
  await expect(clerk.getByText(/此窗口已被管理员停用，请联系管理员重新登记/)).toBeVisible();
  await expect(todayRow(clerk, sent)).toBeVisible();
  await expect(todayRow(clerk, unsent)).toBeVisible();
  await clerk.reload();
  await signIn(clerk, '张伟');
  await expect(todayRow(clerk, unsent)).toBeVisible();
  await expect(clerk.getByTestId('sync-pending')).toHaveText('待上传 1 条');
});
