import { expect, test, type Page } from '@playwright/test';
import { buildWorkingCalendar } from '../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../shared/rules/calendarData.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { choose, deskFor, registerContact, syncNow, todayRow, uniqueVisitor } from './desk.ts';

// 限时办结: a case opened from a contact, accepted with its due date in statutory working days, extended by a leader.

const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
const todayInNanyang = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) as IsoDate;

async function openCaseFor(page: Page, visitor: string, item: string) {
  await todayRow(page, visitor).click();
  await choose(page, '办理事项', item);
  await page.getByRole('button', { name: '开办件，核验材料' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('材料核验中');
}

test('a case is opened from a contact, accepted, and shows its due date in working days', async ({ browser }) => {
  const desk = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('南阳光电科技');
  await registerContact(desk, visitor, '申请技术合同认定登记');
  await openCaseFor(desk, visitor, '技术合同认定登记');

  // Acceptance is refused while required materials are missing, with a clear message.
  await desk.getByRole('button', { name: '受理（开始计时）' }).click();
  await expect(desk.getByText(/还有必需材料未收齐或不符合要求/)).toBeVisible();
  await expect(desk.getByTestId('case-status')).toHaveText('材料核验中');

  for (const received of await desk.getByRole('radio', { name: '已收' }).all()) await received.dispatchEvent('click');
  await desk.getByRole('button', { name: '受理（开始计时）' }).click();
  await expect(desk.getByTestId('case-status')).toHaveText('办理中');

  const limit = Number((await desk.getByText(/承诺时限 \d+ 个工作日/).textContent())?.match(/承诺时限 (\d+)/)?.[1]);
  const expected = calendar.addWorkingDays(todayInNanyang(), limit).date;
  await expect(desk.getByTestId('case-due')).toHaveText(`承诺办结：${expected}`);
  await expect(desk.getByTestId('case-clock')).toContainText(/正常|临近到期|今日到期/);
});

test('art. 17: an extension is requested with a reason and approved by a leader on another desk', async ({
  browser,
}) => {
  const desk = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('宛城科技');
  await registerContact(desk, visitor, '申请技术合同认定登记');
  await openCaseFor(desk, visitor, '技术合同认定登记');
  for (const received of await desk.getByRole('radio', { name: '已收' }).all()) await received.dispatchEvent('click');
  await desk.getByRole('button', { name: '受理（开始计时）' }).click();
  const dueBefore = (await desk.getByTestId('case-due').textContent())?.replace('承诺办结：', '') as IsoDate;

  await desk.getByRole('button', { name: '申请延期' }).click();
  await desk.getByLabel('延长工作日数').fill('5');
  await desk.getByRole('button', { name: '报领导批准' }).click();
  await expect(desk.getByText('申请延期必须写明理由。')).toBeVisible();
  await desk.getByLabel('延期理由').fill('需组织专家现场核查');
  await desk.getByRole('button', { name: '报领导批准' }).click();
  await expect(desk.getByText('延期 5 个工作日待领导审批：需组织专家现场核查')).toBeVisible();
  await desk.keyboard.press('Escape');
  await syncNow(desk);

  const leader = await deskFor(browser, '何建国');
  await leader.getByRole('tab', { name: '办件' }).click();
  await leader
    .getByRole('table', { name: '期限看板' })
    .getByRole('row', { name: new RegExp(visitor) })
    .click();
  await leader.getByRole('button', { name: '批准延期' }).click();
  await expect(leader.getByText(/何建国 批准延期 5 个工作日/)).toBeVisible();
  await leader.keyboard.press('Escape');
  await syncNow(leader);

  await syncNow(desk);
  await todayRow(desk, visitor).click();
  const dueAfter = calendar.addWorkingDays(dueBefore, 5).date;
  await expect(desk.getByTestId('case-due')).toHaveText(`承诺办结：${dueAfter}`);
  await expect(desk.getByText('延期已批准：请将延期原因和新的时限告知申请人（第十七条）。')).toBeVisible();
  await desk.getByRole('button', { name: '记录已告知' }).click();
  await expect(desk.getByText(/已告知延期原因和新时限/)).toBeVisible();
});

test('art. 8(二): 不予受理 is proposed to a leader, who signs in online and approves it; only then is its notice offered', async ({
  browser,
}) => {
  const desk = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('外地光电');
  await registerContact(desk, visitor, '申请技术合同认定登记');
  await openCaseFor(desk, visitor, '技术合同认定登记');
  // In person: anything missing is told at once (art. 11), so the notice is due today.
  await expect(desk.getByTestId('supplement-notice')).toContainText('应当场一次性告知补正');

  await desk.getByRole('button', { name: '拟不予受理（报领导审核）' }).click();
  await desk.getByRole('button', { name: '提交领导审核' }).click();
  await expect(desk.getByText('不予受理必须写明原因。')).toBeVisible();
  await desk.getByLabel('不予受理的原因').fill('申请人注册地不在本市');
  await desk.getByLabel('法律依据').fill('《技术合同认定登记管理办法》第六条');
  await choose(desk, '报请审核的局领导', /何建国/);
  await desk.getByRole('button', { name: '提交领导审核' }).click();
  await expect(desk.getByTestId('case-status')).toHaveText('拟不予受理，待领导审核');
  await expect(desk.getByTestId('rejection-pending')).toContainText('待 何建国 审核');
  // Not final: no rejection notice yet, and the clerk cannot decide it.
  const slips = desk.getByTestId('case-card').getByTestId('slip-actions');
  await expect(slips.getByRole('button', { name: '不予受理通知书' })).toHaveCount(0);
  await expect(desk.getByRole('button', { name: '同意不予受理' })).toHaveCount(0);
  await desk.keyboard.press('Escape');
  await syncNow(desk);

  // The leader signs in online (deskFor: leaders always do) and finds it among the rejections awaiting review.
  const leader = await deskFor(browser, '何建国');
  await leader.getByRole('tab', { name: '办件' }).click();
  await leader
    .getByRole('table', { name: '待我审核的不予受理' })
    .getByRole('row', { name: new RegExp(visitor) })
    .click();
  await leader.getByRole('button', { name: '同意不予受理' }).click();
  await expect(leader.getByTestId('case-status')).toHaveText('不予受理（领导已同意）');
  await expect(leader.getByText('何建国 已同意不予受理')).toBeVisible();
  await leader.keyboard.press('Escape');
  await syncNow(leader);
  await expect(leader.getByText(/条被退回/)).toHaveCount(0);

  await syncNow(desk);
  await todayRow(desk, visitor).click();
  await expect(desk.getByTestId('case-status')).toHaveText('不予受理（领导已同意）');
  await expect(
    desk.getByTestId('case-card').getByTestId('slip-actions').getByRole('button', { name: '不予受理通知书' }),
  ).toBeVisible();
});

test('行政许可法 §32 / art. 11: materials left for review and not answered within 5 working days count as accepted from receipt', async ({
  browser,
}) => {
  const desk = await deskFor(browser, '张伟');
  const visitor = uniqueVisitor('宛城留件');
  await registerContact(desk, visitor, '寄送材料申请技术合同认定登记');
  await todayRow(desk, visitor).click();
  await choose(desk, '办理事项', '技术合同认定登记');
  // One arrow key turns the intake from in person to left for review.
  await desk.getByRole('radio', { name: '当面核验' }).focus();
  await desk.keyboard.press('ArrowRight');
  await expect(desk.getByRole('radio', { name: '留件审查' })).toBeChecked();
  await desk.getByRole('button', { name: '开办件，核验材料' }).click();
  const received = todayInNanyang();
  const due = calendar.addWorkingDays(received, 5).date;
  await expect(desk.getByTestId('supplement-notice')).toHaveText(
    `收件日期 ${received}（留件审查）：如需补正，应于 ${due} 前一次性告知。`,
  );
  await desk.keyboard.press('Escape');

  // Two weeks later nobody has answered: the desk says the application counts as accepted from receipt.
  const later = new Date(Date.now() + 14 * 86_400_000);
  await desk.clock.setFixedTime(later);
  await desk.getByRole('tab', { name: '办件' }).click();
  await desk
    .getByRole('table', { name: '期限看板' })
    .getByRole('row', { name: new RegExp(visitor) })
    .click();
  const notice = desk.getByTestId('supplement-notice');
  // 技术合同认定登记 is not an administrative licence: the bureau's own rule, not 行政许可法 §32.
  await expect(notice).toContainText('按本局规定视为受理（自收到材料之日起计算办理时限）');
  await expect(notice).not.toContainText('行政许可法');
  await expect(desk.getByRole('button', { name: '一次性告知补正' })).toHaveCount(0);
  await expect(desk.getByRole('button', { name: '拟不予受理（报领导审核）' })).toHaveCount(0);
  await notice.getByRole('button', { name: `按视为受理登记（自 ${received} 起计时）` }).click();
  await expect(desk.getByTestId('case-status')).toHaveText('办理中');
  await expect(desk.getByText(new RegExp(`受理日期 ${received}（视为受理）`))).toBeVisible();
  // The breach stays on the record, and so does the overdue clock it started.
  const breaches = desk.getByTestId('case-card').getByTestId('case-breaches');
  await expect(breaches).toContainText('逾期未告知补正，视为受理');
  await expect(breaches).toContainText(/已超期 \d+ 个工作日/);
  await desk.getByRole('button', { name: '申请延期' }).click();
  await expect(desk.getByTestId('extension-too-late')).toContainText('不能再申请延期');
});
