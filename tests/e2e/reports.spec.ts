import { expect, test, type Page, type Request } from '@playwright/test';
import ExcelJS from 'exceljs';
import { choose, deskFor, openDesk, registerContact, signIn, syncNow, todayRow, uniqueVisitor } from './desk.ts';
import { printPdf } from './slipPdf.ts';

// Issue 15 (art. 4): the bureau's supervisor reads the month's report online — a transfer sent two months ago and
// never accepted is a red card (art. 8(3), late beyond the yellow limit), which opens its record; a figure drills
// down to its records; the figures and the warning list export to Excel (read back here); a clerk has no tab, and
// HQ refuses the clerk's own session when it asks for the report anyway.

/** A Tuesday to Thursday in the middle of the month two months back, in Beijing: its next working day is close. */
function sendDay(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 14));
  while (![2, 3, 4].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

async function readXlsx(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  return { workbook, name: download.suggestedFilename() };
}

test('a supervisor reads the month: a red card opens its record, a figure drills down, exports to Excel, the 月报 prints', async ({
  browser,
}) => {
  const day = sendDay();
  const clerk = await deskFor(browser, '张伟');
  const heard: Request[] = [];
  clerk.on('request', (r) => heard.push(r));
  // The transfer is sent on `day` at 10:00 Beijing (the desk's clock says so) and nobody ever accepts it.
  await clerk.clock.setFixedTime(new Date(`${day}T02:00:00Z`));
  const visitor = uniqueVisitor('督查');
  await registerContact(clerk, visitor, '咨询高新技术企业认定的申报条件');
  await todayRow(clerk, visitor).click();
  await clerk.getByRole('tab', { name: '转办' }).click();
  await choose(clerk, '承办科室', '高新技术发展及产业化科');
  await choose(clerk, '承办人', /刘洋/);
  await clerk.getByRole('button', { name: '确认转办' }).click();
  await expect(clerk.getByTestId('contact-status')).toHaveText('已转办，待承接');
  await clerk.keyboard.press('Escape');
  await syncNow(clerk);

  // A clerk has no 督查报表 tab; asked anyway with the clerk's own proofs, HQ refuses (403) before reading anything.
  await expect(clerk.getByRole('tab', { name: '督查报表' })).toHaveCount(0);
  await clerk.getByRole('tab', { name: '投诉处理' }).click();
  await expect.poll(() => heard.some((r) => r.headers()['x-staff-session'])).toBe(true);
  const proof = heard.findLast((r) => r.headers()['x-staff-session'])!.headers();
  const asked = await clerk.request.get(`/reports?from=${day}&to=${day}&groupBy=bureau`, {
    headers: {
      authorization: proof.authorization!,
      'x-device-id': proof['x-device-id']!,
      'x-staff-session': proof['x-staff-session']!,
    },
  });
  expect(asked.status()).toBe(403);
  expect(await asked.json()).toMatchObject({ code: 'not-allowed' });
  expect((await clerk.request.get(`/reports?from=${day}&to=${day}&groupBy=bureau`)).status()).toBe(401);

  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // The browser build prints through the browser's own dialog, which a headless test cannot drive: keep what the
  // print frame was asked to print instead (the init script runs in every frame, the print frame too).
  await context.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { __printed?: string[] };
      top.__printed = [...(top.__printed ?? []), document.documentElement.outerHTML];
    };
  });
  const supervisor = await context.newPage();
  await openDesk(supervisor);
  await signIn(supervisor, '黄秀英');
  await supervisor.getByRole('tab', { name: '督查报表' }).click();
  await expect(supervisor.getByTestId('reports-period')).toContainText('至');
  await supervisor.getByLabel('所在日期').fill(day);
  const month = `${day.slice(0, 8)}01`;
  await expect(supervisor.getByTestId('reports-period')).toContainText(`${month} 至`);
  await expect(supervisor.getByTestId('reports-freshness')).toContainText('统计截至');
  // The figures open first; the warning list is the next tab.
  await expect(supervisor.getByTestId('reports-figures')).toBeVisible();
  await supervisor.getByRole('tab', { name: /^预警与红黄牌（[1-9]/ }).click();

  // The red card: level in words, the duty, the person and department, the article, the rule.
  const card = supervisor
    .locator('[data-level="red"]')
    .filter({ hasText: '转办未在次一工作日内承接' })
    .filter({ hasText: '刘洋' });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('红牌');
  await expect(card).toContainText('高新技术发展及产业化科');
  await expect(card).toContainText('第八条第（三）项');
  await expect(card).toContainText('超期超过黄牌上限');
  await expect(supervisor.getByTestId('warning-count-red')).toContainText(/红牌 [1-9]/);
  await card.focus();
  await supervisor.keyboard.press('Enter');
  const drawer = supervisor.getByRole('dialog');
  await expect(drawer).toContainText(visitor);
  await expect(drawer.getByTestId('contact-status')).toHaveText('已转办，待承接');
  await supervisor.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await supervisor.getByRole('tab', { name: '指标' }).click();

  // The figure behind it: 已转办 at the window, one of one, and the drill-down lists that contact.
  const transferred = supervisor.getByRole('button', { name: /^已转办，政务服务窗口：1 \/ 1/ });
  await transferred.click();
  const drill = supervisor.getByTestId('drill');
  await expect(drill.getByTestId('drill-summary')).toHaveText('共 1 条，显示第 1–1 条');
  const row = drill.getByRole('row').filter({ hasText: day });
  await expect(row).toContainText('张伟');
  await expect(row).toContainText('来访；已转办');
  // What tells it from another visit that day: the time registered and the matter's first words, from this desk.
  await expect(row.getByTestId('drill-distinction')).toHaveText(/^\d{2}:\d{2} \S/);
  const drillFile = await readXlsx(supervisor, '导出本页明细（Excel）');
  const drillSheet = drillFile.workbook.worksheets[0]!;
  expect(drillSheet.name).toBe('已转办');
  expect(drillSheet.getRow(2).getCell(1).value).toBe(day);
  expect(drillSheet.getRow(2).getCell(2).value).toBe('张伟');
  await supervisor.keyboard.press('Escape');
  // Its denominator is every contact registered at the window: a drill-down of its own.
  await supervisor.getByRole('button', { name: /^已转办，政务服务窗口：分母 1（登记总数）/ }).click();
  await expect(supervisor.getByRole('dialog', { name: '登记总数 · 政务服务窗口' })).toBeVisible();
  await expect(supervisor.getByTestId('drill-summary')).toHaveText('共 1 条，显示第 1–1 条');
  await supervisor.keyboard.press('Escape');

  const figures = await readXlsx(supervisor, '导出指标表（Excel）');
  expect(figures.name.startsWith(`督查指标_${month}_`)).toBe(true);
  const sheet = figures.workbook.getWorksheet('督查指标')!;
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    '板块',
    '指标',
    '按科室',
    '分子',
    '分母',
    '比率',
    '平均（工作日）',
    '中位数（工作日）',
  ]);
  const rows = (sheet.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1));
  expect(rows.find((r) => r[1] === '已转办' && r[2] === '政务服务窗口')?.slice(0, 6)).toEqual([
    '登记事项的办理结果',
    '已转办',
    '政务服务窗口',
    1,
    1,
    1,
  ]);
  expect(rows.find((r) => r[1] === '次一工作日内承接' && r[2] === '高新技术发展及产业化科')?.slice(3, 6)).toEqual([
    0, 1, 0,
  ]);

  // A count is shown alone (its denominator is itself), and every department has its row, idle ones with zeros.
  expect(rows.find((r) => r[1] === '登记总数' && r[2] === '政务服务窗口')?.slice(3, 6)).toEqual([
    1,
    undefined,
    undefined,
  ]);
  const transferredRows = rows.filter((r) => r[1] === '已转办');
  expect(transferredRows.length).toBeGreaterThan(2);
  expect(transferredRows.filter((r) => r[3] === 0 && r[4] === 0).length).toBeGreaterThan(0);

  await supervisor.getByRole('tab', { name: /^预警与红黄牌/ }).click();
  const warnings = await readXlsx(supervisor, '导出预警清单（Excel）');
  const warningRows = (warnings.workbook.getWorksheet('预警与红黄牌')!.getSheetValues().slice(2) as unknown[][]).map(
    (r) => r.slice(1),
  );
  const red = warningRows.find((r) => r[1] === '转办未在次一工作日内承接' && r[4] === '刘洋');
  expect(red?.slice(0, 6)).toEqual([
    '红牌',
    '转办未在次一工作日内承接',
    '超期超过黄牌上限',
    '第八条第（三）项',
    '刘洋',
    '高新技术发展及产业化科',
  ]);
  // A card's day is when the lapse began and its days are days late, each in its own column (not 到期日/剩余).
  expect(red?.[6]).toBeUndefined();
  expect(red?.[7]).toBeUndefined();
  expect(red?.[8]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(typeof red?.[9]).toBe('number');
  expect(red?.[9] as number).toBeGreaterThan(3);

  // The monthly report, printed by the slips' one path: the HTML handed to the print frame, laid out as A4 PDF.
  await supervisor.getByRole('button', { name: '打印月报' }).click();
  const preview = supervisor.getByRole('dialog', { name: '督查月报预览' });
  // Printable once the report is laid out in the preview frame.
  await expect(preview.locator('iframe[title="月报预览"]')).toHaveAttribute('srcdoc', /刘洋/, { timeout: 20_000 });
  await expect(preview.getByRole('button', { name: '打印', exact: true })).toBeEnabled();
  await preview.getByRole('button', { name: '打印', exact: true }).click();
  await expect(supervisor.getByText('月报已打印。')).toBeVisible();
  const printed = await supervisor.evaluate(() => (window as unknown as { __printed?: string[] }).__printed ?? []);
  expect(printed).toHaveLength(1);
  const reportPage = await context.newPage();
  await reportPage.setContent(printed[0]!);
  await reportPage.evaluate(() => document.fonts.ready);
  const pdf = await printPdf(reportPage, 'reports-e2e-month', printed[0]!);
  expect([Math.round(pdf.widthPt), Math.round(pdf.heightPt)]).toEqual([595, 842]);
  expect(pdf.pages).toBeGreaterThanOrEqual(2);
  for (const words of ['督查月报', month, '红牌1张', '刘洋', '高新技术发展及产业化科', '政务服务窗口']) {
    expect(pdf.text, words).toContain(words);
  }
});
