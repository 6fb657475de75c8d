import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_PIN,
  openDesk,
  registerContact,
  signIn,
  syncNow,
  todayRow,
  typeSecret,
  uniqueVisitor,
} from './desk.ts';

// Issue 11: who did what is proven, not claimed. A leader's decision is taken online with the leader's own
// password, checked by the HQ server; the timeline says how each author was established.

const PROVEN = '已由服务器验证本人登录';
const ATTESTED = /本窗口记录（离线登录/;

/** A desk in its own browser profile (its own IndexedDB, as at another window of the hall), enrolled. */
async function newDesk(browser: Browser): Promise<{ context: BrowserContext; desk: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const desk = await context.newPage();
  await openDesk(desk);
  return { context, desk };
}

test('a clerk proposes a refusal, a leader signs in online on another desk and approves it: proven on both desks', async ({
  browser,
}) => {
  const { desk: clerkDesk } = await newDesk(browser);
  await signIn(clerkDesk, '张伟');
  const visitor = uniqueVisitor('郑');
  await registerContact(clerkDesk, visitor, '外地注册企业申请本市科技型中小企业评价');
  await todayRow(clerkDesk, visitor).click();
  await clerkDesk.getByRole('tab', { name: '拟不予办理' }).click();
  await clerkDesk.getByLabel('不予办理的理由').fill('企业注册地不在本市');
  await clerkDesk.getByLabel('依据').fill('《科技型中小企业评价办法》第六条');
  await clerkDesk.getByRole('button', { name: '提交领导审核' }).click();
  await expect(clerkDesk.getByTestId('contact-status')).toHaveText('拟不予办理，待领导审核');
  await clerkDesk.keyboard.press('Escape');
  await syncNow(clerkDesk);

  // The leader's desk, offline: a leader never signs in offline, and the matter stays where it was.
  const { context: leaderContext, desk: leaderDesk } = await newDesk(browser);
  await signIn(leaderDesk, '何建国', ''); // chosen while the directory is at hand; nothing typed yet
  await leaderContext.setOffline(true);
  await typeSecret(leaderDesk, DEMO_PASSWORD);
  await expect(leaderDesk.getByText(/局领导、监督人员和系统管理员每次登录都须联网/)).toBeVisible();
  await expect(leaderDesk.getByTestId('signed-in-staff')).toHaveCount(0);

  // Back online: the server checks the leader's own password and grants a session bound to this desk.
  await leaderContext.setOffline(false);
  await typeSecret(leaderDesk, DEMO_PASSWORD);
  await expect(leaderDesk.getByTestId('signed-in-staff')).toContainText('何建国');
  await leaderDesk.getByRole('tab', { name: /我的待办/ }).click();
  const item = leaderDesk.getByRole('table', { name: '我的待办' }).getByRole('row', { name: new RegExp(visitor) });
  await item.click();
  await leaderDesk.getByRole('button', { name: '同意不予办理' }).last().click();
  await expect(leaderDesk.getByTestId('contact-status')).toHaveText('不予办理（领导已同意）');
  const timeline = leaderDesk.getByLabel('处理记录');
  await expect(timeline.getByRole('img', { name: PROVEN })).toHaveCount(3);
  await leaderDesk.keyboard.press('Escape');
  // The server took the decision (a refused one would stay in the outbox and count as 被退回).
  await syncNow(leaderDesk);
  await expect(leaderDesk.getByText(/条被退回/)).toHaveCount(0);

  // The clerk's desk receives the decision with its proof.
  await syncNow(clerkDesk);
  await expect(todayRow(clerkDesk, visitor)).toContainText('不予办理（领导已同意）');
  await todayRow(clerkDesk, visitor).click();
  const clerkTimeline = clerkDesk.getByLabel('处理记录');
  await expect(clerkTimeline.getByText('领导审核')).toBeVisible();
  await expect(clerkTimeline.getByRole('img', { name: PROVEN })).toHaveCount(3);
});

test('a clerk who signed in here online before signs in offline; what they then do is the desk’s record', async ({
  browser,
}) => {
  const { context, desk } = await newDesk(browser);
  // The first sign-in on this desk must be online.
  await signIn(desk, '李娜', '');
  await context.setOffline(true);
  await typeSecret(desk, DEMO_PIN);
  await expect(desk.getByText(/在本窗口第一次登录须联网/)).toBeVisible();
  await context.setOffline(false);
  await typeSecret(desk, DEMO_PIN);
  await expect(desk.getByTestId('signed-in-staff')).toContainText('李娜');
  await expect(desk.getByTestId('signed-in-offline')).toHaveCount(0);
  const online = uniqueVisitor('孙');
  await registerContact(desk, online, '咨询技术合同认定登记');

  // Offline now: the desk's own verifier lets her in again, without a session.
  await desk.getByRole('button', { name: '退出登录' }).click();
  await context.setOffline(true);
  await signIn(desk, '李娜');
  await expect(desk.getByTestId('signed-in-staff')).toContainText('李娜');
  await expect(desk.getByTestId('signed-in-offline')).toHaveText('离线登录');
  const offline = uniqueVisitor('钱');
  await registerContact(desk, offline, '咨询科技型中小企业评价');

  await todayRow(desk, online).click();
  await expect(desk.getByLabel('处理记录').getByRole('img', { name: PROVEN })).toHaveCount(1);
  await desk.keyboard.press('Escape');
  await todayRow(desk, offline).click();
  await expect(desk.getByLabel('处理记录').getByRole('img', { name: ATTESTED })).toHaveCount(1);
  await desk.keyboard.press('Escape');
  await context.setOffline(false);
});
