import { expect, test, type Page } from '@playwright/test';
import { choose, openDesk, registerContact, signIn, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// Issue 13 point 4, 好差评 by the QR code on a slip: the demo bureau publishes its rating page at this server's
// address, so a slip printed at the desk carries the link in its QR code. The applicant opens it on their phone (a
// second browser context, signed in as nobody), rates 不满意 with a reason, and the rating reaches the desk with its
// next sync as HQ's rating.given, source qr, of the case's handler (HQ's own record, not the slip's word).

/** One store of the desk's IndexedDB, read in the page (as the desk's own data layer would). */
function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('firstdesk');
        open.onerror = () => reject(open.error ?? new Error('cannot open the desk database'));
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            open.result.close();
          };
        };
      }),
    store,
  );
}

interface SlipRow {
  slipId: string;
  serial: string;
  content: { qr: { payload: string; caption: string } };
}
interface EventRow {
  event: {
    aggregate: string;
    aggregateId: string;
    type: string;
    deviceId: string;
    staffId: string;
    payload: Record<string, unknown>;
  };
}

test('a slip’s QR code opens HQ’s rating page; the applicant rates 不满意 and the desk receives it', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // The browser desk prints with window.print(); keep what it printed instead of opening a dialog.
  await context.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { __printed?: string[] };
      top.__printed = [...(top.__printed ?? []), document.documentElement.outerHTML];
    };
  });
  const desk = await context.newPage();
  await openDesk(desk);
  await signIn(desk, '张伟');

  const visitor = uniqueVisitor('南阳扫码评价');
  await registerContact(desk, visitor, '申请技术合同认定登记');
  await todayRow(desk, visitor).click();
  await choose(desk, '办理事项', '技术合同认定登记');
  await desk.getByRole('button', { name: '开办件，核验材料' }).click();
  const slips = desk.getByTestId('case-card').getByTestId('slip-actions');
  await slips.getByRole('button', { name: '一次性告知单' }).click();
  const dialog = desk.getByRole('dialog', { name: /一次性告知单 · 打印预览/ });
  await expect(dialog.frameLocator('iframe[title="单据预览"]').getByText('扫码评价本次服务').first()).toBeVisible({
    timeout: 20_000,
  });
  await dialog.getByRole('button', { name: '打印', exact: true }).click();
  await expect(desk.getByText(/已打印 NYKJ-W[0-9A-Z]{4}-\d{4}-\d{6}/)).toBeVisible();
  const serial = ((await slips.getByTestId('issued-slip').textContent()) ?? '').match(
    /NYKJ-W[0-9A-Z]{4}-\d{4}-\d{6}/,
  )?.[0];
  expect(serial).toBeTruthy();

  // The slip's synced content names the page without a token; the token is this desk's alone (never synced), and
  // the paper's QR carries both.
  const slip = (await readStore<SlipRow>(desk, 'slips')).find((s) => s.serial === serial)!;
  expect(slip.content.qr.payload).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/r/${serial}$`));
  expect(slip.content.qr.caption).toBe('扫码评价本次服务');
  const kept = (await readStore<{ slipId: string; token: string }>(desk, 'slipTokens')).find(
    (t) => t.slipId === slip.slipId,
  )!;
  expect(kept.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
  const link = `${slip.content.qr.payload}/${kept.token}`;
  const events = await readStore<EventRow>(desk, 'events');
  expect(JSON.stringify(events)).not.toContain(kept.token);
  const printed = await desk.evaluate(() => (window as unknown as { __printed?: string[] }).__printed ?? []);
  expect(printed.at(-1)).toContain('扫码评价本次服务');

  // HQ knows the link only once the desk has uploaded the slip.
  // The contact drawer covers the sync indicator: close it (a press may land while focus is still moving).
  await expect(async () => {
    await desk.keyboard.press('Escape');
    await expect(desk.getByRole('dialog')).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await syncNow(desk);

  const phone = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const applicant = await phone.newPage();
  await applicant.goto(link);
  await expect(applicant.getByRole('heading', { name: '服务评价' })).toBeVisible();
  await expect(applicant.getByText('南阳市科学技术局')).toBeVisible();
  await expect(applicant.getByText('一次性告知单')).toBeVisible();
  await expect(applicant.getByText('技术合同认定登记')).toBeVisible();
  await expect(applicant.getByText('张伟')).toBeVisible();
  await expect(applicant.getByText(visitor)).toHaveCount(0);
  // No script runs on the page: the reasons appear for a bad level by CSS alone.
  await expect(applicant.getByLabel('排队等候时间长')).toBeHidden();
  await applicant.getByLabel('不满意', { exact: true }).check();
  await expect(applicant.getByLabel('排队等候时间长')).toBeVisible();
  await applicant.getByLabel('排队等候时间长').check();
  await applicant.getByLabel('意见和建议（选填）').fill('排队时间太长');
  await applicant.getByRole('button', { name: '提交评价' }).click();
  await expect(applicant.getByRole('status')).toHaveText('评价已提交，感谢您的评价！');

  // One rating per slip: the link now says so.
  await applicant.goto(link);
  await expect(applicant.getByRole('status')).toHaveText('本单据已评价，感谢您的评价');
  // A link with another token says nothing about the slip.
  await applicant.goto(link.replace(/[A-Za-z0-9_-]{22}$/, 'A'.repeat(22)));
  await expect(applicant.getByRole('status')).toHaveText('链接无效或单据尚未上传，请稍后再试');

  // The desk's next sync brings the rating, authored by HQ's page for the applicant, of the clerk who printed.
  const ratingOnDesk = async () =>
    (await readStore<EventRow>(desk, 'events'))
      .map((r) => r.event)
      .find((e) => e.aggregate === 'rating' && e.aggregateId === serial);
  await expect
    .poll(
      async () => {
        await desk.getByRole('button', { name: '立即同步' }).click();
        return (await ratingOnDesk())?.type;
      },
      { timeout: 20_000 },
    )
    .toBe('rating.given');
  expect(await ratingOnDesk()).toMatchObject({
    staffId: 'applicant',
    payload: {
      source: 'qr',
      level: 'dissatisfied',
      reasons: ['longWait'],
      comment: '排队时间太长',
      ratedStaffId: 'zhang-wei',
    },
  });

  await phone.close();
  await context.close();
});
