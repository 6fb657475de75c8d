import { expect, test, type Page } from '@playwright/test';
import { choose, deskFor, registerContact, storeCount, syncNow, uniqueVisitor } from './desk.ts';

// Issue 14: a complaint taken at a clerk's desk reaches HQ and leaves the desk; a leader orders an investigation
// and names an investigator; the investigator records a finding, closes the findings and invites the accused, who
// states their side; the leader decides it founded, tells the complainant and closes it, and the measure is on the
// accused's record — each online with their own proven session. The clerk's tab never lists it.

async function openComplaints(page: Page) {
  await page.getByRole('tab', { name: '投诉处理' }).click();
}

async function openComplaint(page: Page, accused: string) {
  await openComplaints(page);
  const row = page.getByRole('table', { name: '投诉件一览' }).getByRole('row', { name: new RegExp(accused) });
  await expect(row).toHaveCount(1);
  await row.click();
  return page.getByRole('dialog', { name: '投诉件' });
}

/** The complaint outbox of this desk, read from IndexedDB: what still waits for HQ. */
const queuedOnDesk = (page: Page) => storeCount(page, 'complaintOutbox');

test('a complaint goes from a clerk’s desk to closure: investigated, the accused heard, decided, told, on the record', async ({
  browser,
}) => {
  test.setTimeout(240_000); // four desks enrol and sign in
  const account = uniqueVisitor('申请科技型中小企业评价时窗口人员推诿');

  // The clerk, at the window: the intake works from the keyboard and is reported to HQ.
  const clerk = await deskFor(browser, '张伟');
  await clerk.setViewportSize({ width: 1366, height: 768 });
  // The complainant's own visit, registered earlier at this window: the complaint names it (linked, not copied).
  const visitor = uniqueVisitor('刘建国');
  await registerContact(clerk, visitor, '申请科技型中小企业评价');
  await openComplaints(clerk);
  await clerk.getByRole('button', { name: /登记投诉/ }).click();
  const intake = clerk.getByRole('form', { name: '投诉受理登记' });
  // Saved empty: every problem is named at once, and nothing is queued.
  await intake.getByRole('button', { name: '登记并上报' }).click();
  await expect(intake.getByText('请写明投诉事项。')).toBeVisible();
  await expect(intake.getByText('请至少填写一名被投诉人或一个被投诉科室。')).toBeVisible();
  await expect(intake.getByText('请填写投诉人姓名；不愿留名的，请勾选“匿名投诉”。')).toBeVisible();
  expect(await queuedOnDesk(clerk)).toBe(0);
  await intake.getByLabel('投诉人姓名').fill('刘建国');
  await intake.getByLabel('联系电话').fill('13800138000');
  await choose(clerk, '被投诉人', /^刘洋/);
  await intake.getByLabel('投诉事项').fill(account);
  const picker = intake.getByRole('combobox', { name: '涉及的登记、办件和告知单' });
  await picker.fill(visitor);
  await expect(intake.getByRole('option', { name: new RegExp(visitor) })).toBeVisible();
  await picker.press('Enter');
  // Enter in the picker links the record; it does not send the complaint half-written.
  await expect(intake.getByRole('list', { name: '涉及的登记、办件和告知单' })).toContainText(visitor);
  await expect(picker).toHaveValue('');
  expect(await queuedOnDesk(clerk)).toBe(0);
  // A day HQ would refuse (more than 60 days ago) is refused here, with the reason, before anything is queued.
  const receivedOn = intake.getByLabel('受理日期');
  const todayIs = await receivedOn.inputValue();
  await expect(receivedOn).toHaveAttribute('max', todayIs);
  await receivedOn.fill('2020-01-01');
  await intake.getByRole('button', { name: '登记并上报' }).click();
  await expect(intake.getByText('受理日期早于今天前60日，市局不予接收，请核对受理日期。')).toBeVisible();
  expect(await queuedOnDesk(clerk)).toBe(0);
  await receivedOn.fill(todayIs);
  // × with a complaint typed asks first; 继续填写 keeps everything.
  await clerk.locator('.mantine-Drawer-close').click();
  const discard = clerk.getByRole('dialog', { name: '放弃已填写的内容？' });
  await expect(discard.getByRole('button', { name: '继续填写' })).toBeFocused();
  await discard.getByRole('button', { name: '继续填写' }).click();
  await expect(intake.getByLabel('投诉事项')).toHaveValue(account);
  await intake.getByLabel('投诉事项').press('Control+Enter');
  await expect(clerk.getByTestId('complaint-outbox-last')).toBeVisible();
  await syncNow(clerk);
  await expect(clerk.getByTestId('complaint-outbox-last')).toContainText('已上报市局');
  await expect.poll(() => queuedOnDesk(clerk)).toBe(0);
  // The clerk may take complaints in but not read them: no list holds it, nothing of it is on the screen.
  await expect(clerk.getByTestId('complaints-empty')).toBeVisible();
  await expect(clerk.getByText(account)).toHaveCount(0);

  // The leader: the complaint is in their list, owed by them; they order the investigation.
  const leader = await deskFor(browser, '何建国');
  await leader.setViewportSize({ width: 1366, height: 768 });
  const drawer = await openComplaint(leader, '刘洋');
  await expect(drawer.getByTestId('complaint-account')).toHaveText(account);
  // The visit it concerns, labelled from the record this desk holds.
  await expect(drawer.getByRole('list', { name: '涉及的登记、办件和告知单' })).toContainText(visitor);
  await expect(drawer.getByTestId('complaint-drawer-status')).toHaveText('已受理');
  await expect(drawer.getByTestId('clock-acceptance')).toBeVisible();
  const order = drawer.getByRole('form', { name: '立案调查' });
  // The accused is never offered as investigator.
  await order.getByRole('combobox', { name: '调查人员' }).click();
  await expect(leader.getByRole('option', { name: /^刘洋/ })).toHaveCount(0);
  await leader.getByRole('option', { name: /^黄秀英/ }).click();
  await order.getByRole('button', { name: '立案调查' }).click();
  await expect(drawer.getByTestId('complaint-drawer-status')).toHaveText('调查核实中');
  // Each reading is logged at HQ, and a leader sees the log.
  await expect(drawer.getByRole('table', { name: '查阅记录' })).toContainText('何建国');
  // The register is tamper-evident: HQ checks the acts' hash chain for a leader on every read.
  await expect(drawer.getByTestId('complaint-chain')).toContainText('办理记录校验完整');

  // The investigator: records a finding, then closes the findings.
  const investigator = await deskFor(browser, '黄秀英');
  await investigator.setViewportSize({ width: 1366, height: 768 });
  const work = await openComplaint(investigator, '刘洋');
  await expect(work.getByTestId('complaint-drawer-status')).toHaveText('调查核实中');
  const findingForm = work.getByRole('form', { name: '记录调查核实情况' });
  await findingForm.getByLabel('调查核实情况').fill('调取登记记录，申请人两次到窗口均未获一次性告知');
  // The evidence: the same visit's record, picked from the keyboard.
  const evidence = findingForm.getByRole('combobox', { name: '证据材料' });
  await evidence.fill(visitor);
  await expect(findingForm.getByRole('option', { name: new RegExp(visitor) })).toBeVisible();
  await evidence.press('Enter');
  await findingForm.getByRole('button', { name: '记录调查核实情况' }).click();
  await expect(work.getByText('调取登记记录，申请人两次到窗口均未获一次性告知')).toBeVisible();
  await expect(work.getByRole('list', { name: '证据材料' })).toContainText(visitor);
  await work.getByRole('button', { name: '调查终结', exact: true }).first().click();
  const closeForm = work.getByRole('form', { name: '调查终结' });
  await closeForm.getByLabel('调查结论').fill('未一次性告知补正材料，情况属实');
  await closeForm.getByRole('button', { name: '调查终结' }).click();
  await expect(work.getByTestId('complaint-drawer-status')).toHaveText('调查终结');

  // 陈述申辩 before any decision: the investigator invites the accused, who states their side on their own desk.
  await work.getByRole('button', { name: '告知陈述申辩', exact: true }).first().click();
  const invite = work.getByRole('form', { name: '告知陈述申辩' });
  await invite.getByRole('button', { name: '告知陈述申辩' }).click();
  await expect(work.getByText(/告知 刘洋 陈述申辩/)).toBeVisible();
  const accused = await deskFor(browser, '刘洋');
  await openComplaints(accused);
  await accused.getByRole('tab', { name: /我的陈述申辩/ }).click();
  // The accused sees no list of complaints to work, only their own invitation.
  await expect(accused.getByText('刘建国')).toHaveCount(0);
  await accused.getByRole('button', { name: '查看并陈述申辩' }).click();
  await expect(accused.getByText(account)).toBeVisible();
  const statement = accused.getByRole('form', { name: '陈述申辩' });
  await statement.getByLabel('陈述申辩意见').fill('当日系统故障，未能一次打印告知单');
  await statement.getByRole('button', { name: '提交陈述申辩' }).click();
  await expect(accused.getByText('您的陈述申辩：当日系统故障，未能一次打印告知单')).toBeVisible();

  // Back at the leader's desk, the list says the decision is now theirs to make.
  await leader.keyboard.press('Escape');
  await leader.getByRole('button', { name: '刷新' }).click();
  const row = leader.getByRole('table', { name: '投诉件一览' }).getByRole('row', { name: /刘洋/ });
  await expect(row.getByTestId('complaint-status')).toHaveText('调查终结');
  await expect(row).toContainText('待您办理');
  // 处理决定: founded, 批评教育 for the accused; then the complainant is told and the complaint closed.
  const decide = await openComplaint(leader, '刘洋');
  await decide.getByRole('button', { name: '作出处理决定', exact: true }).first().click();
  const decision = decide.getByRole('form', { name: '作出处理决定' });
  await decision.getByText('投诉属实，予以责任追究').click();
  // A founded complaint about staff names measures for one of them: said under the table before anything is sent.
  await expect(decision.getByText(/应对被投诉人中至少一人作出追究责任的处理/)).toBeVisible();
  // The findings named no art. 32 ground: the leader chooses one, nothing is chosen for them.
  await decision.getByRole('button', { name: '作出处理决定' }).click();
  await expect(decision.getByText('请选择认定的第三十二条情形。')).toBeVisible();
  await expect(decision.getByRole('alert').filter({ hasText: '请勾选处理措施' })).toBeVisible();
  await choose(leader, '认定情形', /第三十二条第（三）项/);
  await decision.getByRole('group', { name: '刘洋 的问责处理措施' }).getByLabel('批评教育、公开检讨').check();
  await expect(decision.getByText(/应对被投诉人中至少一人作出追究责任的处理/)).toHaveCount(0);
  await decision.getByLabel('理由').fill('经局领导研究，投诉反映问题属实，予以批评教育');
  // The gravity is the leader's choice, never a silent 一般.
  await decision.getByRole('button', { name: '作出处理决定' }).click();
  await expect(decision.getByText('请选择情节。')).toBeVisible();
  await choose(leader, '刘洋 的情节', '一般');
  // × with a reason written asks first; 继续填写 (the default) keeps it.
  await leader.locator('.mantine-Drawer-close').click();
  const keepDecision = leader.getByRole('dialog', { name: '放弃已填写的内容？' });
  await expect(keepDecision).toBeVisible();
  await keepDecision.getByRole('button', { name: '继续填写' }).click();
  await expect(keepDecision).toHaveCount(0);
  // A stray Escape does not throw the decision being written away.
  await decision.getByLabel('理由').press('Escape');
  await expect(decision.getByLabel('理由')).toHaveValue('经局领导研究，投诉反映问题属实，予以批评教育');
  await decision.getByRole('button', { name: '作出处理决定' }).click();
  await expect(decide.getByTestId('complaint-drawer-status')).toHaveText('已作出处理决定');
  await decide.getByRole('form', { name: '告知投诉人' }).getByRole('button', { name: '告知投诉人' }).click();
  await expect(decide.getByTestId('complaint-drawer-status')).toHaveText('已告知投诉人');
  await decide.getByRole('form', { name: '办结' }).getByRole('button', { name: '办结' }).click();
  await expect(decide.getByTestId('complaint-drawer-status')).toHaveText('已办结');
  await expect(decide.getByTestId('clock-telling')).toContainText('按期完成');
  await leader.keyboard.press('Escape');
  // The measure is on the accused's record for the leaders and supervisors (art. 33).
  await leader.getByRole('tab', { name: '过错追究记录' }).click();
  await expect(leader.getByRole('table', { name: '过错追究记录' }).getByRole('row', { name: /刘洋/ })).toContainText(
    '批评教育、公开检讨',
  );
  // The page fits a 1366×768 desk without a sideways scroll.
  const overflow = await leader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
