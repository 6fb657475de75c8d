import { expect, test } from '@playwright/test';
import { deskFor, ratingsOfVisitor, registerContact, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// Issue 13 item 3, 好差评 at the window: the pad (评价器) is the desk's page at #/pad in a second window of the same
// browser profile, facing the applicant. The clerk asks for a rating; the applicant rates once (一次一评) or declines.

test('the applicant rates the service 不满意 with a reason on the pad, and the desk shows it', async ({ browser }) => {
  const desk = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('周');
  await registerContact(desk, visitor, '咨询高新技术企业认定');
  await todayRow(desk, visitor).click();
  const rating = desk.getByRole('region', { name: '服务评价（好差评）' });

  // No pad open yet: the desk says so instead of waiting for ever.
  await rating.getByRole('button', { name: '请服务对象评价' }).click();
  await expect(rating.getByText('评价器没有响应。请先打开评价器，再请服务对象评价。')).toBeVisible();

  const pad = await desk.context().newPage();
  await pad.goto('/#/pad');
  await expect(pad.getByRole('heading', { name: '请对本次服务进行评价' })).toBeVisible();

  await rating.getByRole('button', { name: '请服务对象评价' }).click();
  await expect(rating.getByTestId('rating-state')).toHaveText('等待评价……');
  // Who served them, and nothing about the applicant.
  await expect(pad.getByTestId('pad-staff-name')).toHaveText('张伟');
  await expect(pad.getByText('政务服务窗口 · 科员')).toBeVisible();
  await expect(pad.getByText(visitor)).toHaveCount(0);

  await pad.getByRole('radio', { name: '不满意', exact: true }).click();
  await pad.getByLabel('排队等候时间长').check();
  await pad.getByLabel('意见和建议（可不填）').fill('排队时间太长');
  await pad.getByRole('button', { name: '提交评价' }).click();
  await expect(pad.getByRole('status')).toHaveText('感谢您的评价！');

  await expect(rating.getByTestId('rating-state')).toHaveText('已评价：不满意');
  await expect(rating.getByText('排队等候时间长')).toBeVisible();
  // 一次一评: nothing on the desk asks for another rating of this service.
  await expect(rating.getByRole('button', { name: '请服务对象评价' })).toHaveCount(0);

  // The pad goes back to waiting for the next applicant; the rating travels with the desk's next sync.
  await expect(pad.getByRole('heading', { name: '请对本次服务进行评价' })).toBeVisible();
  await expect(pad.getByTestId('pad-staff-name')).toHaveCount(0);
  await desk.keyboard.press('Escape');
  await syncNow(desk);
});

test('the applicant declines on the pad: the service is 未评 and cannot be rated afterwards', async ({ browser }) => {
  const desk = await deskFor(browser, '张伟');
  const pad = await desk.context().newPage();
  await pad.goto('/#/pad');
  const visitor = uniqueVisitor('吴');
  await registerContact(desk, visitor, '咨询科技型中小企业评价');
  await todayRow(desk, visitor).click();
  const rating = desk.getByRole('region', { name: '服务评价（好差评）' });

  await rating.getByRole('button', { name: '请服务对象评价' }).click();
  await expect(pad.getByTestId('pad-staff-name')).toHaveText('张伟');
  await pad.getByRole('button', { name: '不评价' }).click();
  await expect(pad.getByRole('status')).toHaveText('您选择了不评价，感谢您的配合。');
  await expect(rating.getByTestId('rating-state')).toHaveText('未评（服务对象不评价）');
  await expect(rating.getByRole('button', { name: '请服务对象评价' })).toHaveCount(0);

  // A request for an already rated service (say, from a desk that did not see the rating yet) is refused by the pad.
  // This visitor's own rating (the desk's log also holds other tests' ratings, QR ones filed under a slip serial).
  const [own] = await ratingsOfVisitor(desk, visitor);
  const contactId = own?.contactId;
  expect(contactId).toBeTruthy();
  await expect(pad.getByRole('heading', { name: '请对本次服务进行评价' })).toBeVisible();
  const answer = await desk.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const channel = new BroadcastChannel('firstdesk-rating-pad');
        channel.onmessage = (event: MessageEvent<{ kind: string; requestId: string }>) => {
          if (event.data.requestId !== 'again') return;
          channel.close();
          resolve(event.data.kind);
        };
        channel.postMessage({
          kind: 'rate',
          requestId: 'again',
          contactId: id,
          ratedStaffId: 'zhang-wei',
          recorderStaffId: 'zhang-wei',
        });
      }),
    contactId,
  );
  expect(answer).toBe('alreadyRated');
  await expect(pad.getByTestId('pad-staff-name')).toHaveCount(0);
  await expect(pad.getByRole('radio', { name: '非常满意' })).toHaveCount(0);
});
