import { expect, test, type Page } from '@playwright/test';
import { openDesk, registerContact, signIn, syncNow, uniqueVisitor } from './desk.ts';

/**
 * HQ refuses the push that carries this visitor's registration, the way it answers an event it will not take
 * (the server's own refusals are covered by the integration tests; here it is what the desk shows a person).
 */
async function refuseRegistrationOf(page: Page, visitor: string): Promise<void> {
  await page.route('**/sync/push', async (route) => {
    const body = route.request().postDataJSON() as {
      events: { eventId: string; deviceSeq: number; type: string; payload: { visitor?: { name?: string } } }[];
    };
    const refused = body.events.find((e) => e.type === 'contact.opened' && e.payload.visitor?.name === visitor);
    if (!refused) return route.continue();
    await route.fulfill({
      json: {
        ackedSeq: Math.max(...body.events.map((e) => e.deviceSeq)),
        stored: body.events.length - 1,
        duplicates: 0,
        rejected: [
          {
            eventId: refused.eventId,
            deviceSeq: refused.deviceSeq,
            code: 'unknown-staff',
            message: 'staff zhang-wei is not active',
          },
        ],
        serverTime: new Date().toISOString(),
      },
    });
  });
}

test('a refused record waits for a person, who sees why, opens it and acknowledges it; it stays on record', async ({
  page,
}) => {
  const visitor = uniqueVisitor('退');
  await refuseRegistrationOf(page, visitor);
  await openDesk(page);
  await signIn(page, '张伟');
  await registerContact(page, visitor, '咨询科技型中小企业评价');
  await syncNow(page);

  // The indicator says a record came back, and opens the sync panel.
  const refusedBadge = page.getByRole('button', { name: '1 条被退回' });
  await expect(refusedBadge).toBeVisible();
  await refusedBadge.click();
  const panel = page.getByRole('dialog', { name: '同步状态' });
  await expect(panel.getByRole('table', { name: '同步状态' })).toContainText('上次成功同步');
  await expect(panel.getByRole('table', { name: '同步状态' })).toContainText('夜间同步时间');

  const waiting = panel.getByRole('table', { name: '待处理' });
  const row = waiting.getByRole('row').filter({ hasText: 'unknown-staff' });
  await expect(row).toContainText('登记');
  await expect(row).toContainText('办理人不在人员名录中或已停用');
  await expect(row).toContainText('staff zhang-wei is not active');
  await expect(row).toContainText('张伟 办理');
  await expect(row).toContainText(visitor);

  // Which contact it concerns: open it, then come back to the panel.
  await row.getByRole('button', { name: '查看登记' }).click();
  const contact = page.getByRole('dialog', { name: '登记详情' });
  await expect(contact).toContainText(visitor);
  await page.keyboard.press('Escape');
  await expect(contact).toBeHidden();
  await expect(panel).toBeVisible();

  // 知道了: it leaves the count, and stays listed as acknowledged.
  await row.getByRole('button', { name: '知道了' }).click();
  await expect(waiting).toHaveCount(0);
  await expect(panel.getByText('没有需要处理的退回记录。')).toBeVisible();
  const kept = panel.getByRole('table', { name: '已知悉（留档）' });
  await expect(kept.getByRole('row').filter({ hasText: 'unknown-staff' })).toContainText('张伟 于');
  await expect(panel.getByRole('table', { name: '最近的同步' })).toContainText('退回 1');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /条被退回/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '同步详情' })).toBeVisible();
});
