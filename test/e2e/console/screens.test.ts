// Console screens in real Chromium against the real server: login (bad password, then an agent),
// the agent workspace at 1366×768, the English switch, and a shift lead's wallboard (on Beijing time
// even on a screen set to another time zone).
// Screenshots go to test/e2e/console/artifacts/ (gitignored).
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumArgs } from '../chromium.ts';
import { artifact, type ConsoleRig, launchBrowser, startConsoleRig } from './console-rig.ts';

describe('console screens (real server, Debian Chromium)', () => {
  let rig: ConsoleRig;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    rig = await startConsoleRig();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  it('login: a wrong password shows the error, an agent reaches the workspace; no page scroll at 1366×768', async () => {
    const agent = await rig.server.login(['agent']);
    const page = await browser.ctx.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(rig.consoleUrl);
    await page.getByRole('form', { name: '坐席登录' }).waitFor();
    await page.screenshot({ path: artifact('01-login.png') });
    await page.keyboard.type(agent.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password-1A');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '工号或密码错误' }).waitFor();
    await page.getByLabel('密码').fill(agent.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('phone-state').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifact('02-workspace-idle.png') });
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollHeight - window.innerHeight',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('form', { name: '坐席登录' }).waitFor();
    expect((await browser.ctx.cookies()).filter((c) => c.name === 'hotline_sid' && c.value)).toEqual([]);
    await page.close();
  });

  it('a shift lead gets the wallboard', async () => {
    const lead = await rig.server.login(['shift_lead']);
    const page = await browser.ctx.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${rig.consoleUrl}/#/wallboard`);
    await page.getByLabel('工号').fill(lead.username);
    await page.getByLabel('密码').fill(lead.password);
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: '班长监控大屏' })
      .waitFor({ timeout: 10_000 })
      .catch(async (e) => {
        await page.screenshot({ path: artifact('06-wallboard-FAILED.png') });
        throw e;
      });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: artifact('06-wallboard.png') });
    expect(await page.getByRole('button', { name: '坐席工作台' }).count()).toBe(0);
    await page.close();
  });

  it("an administrator imports next year's 节假日安排; a malformed table shows the server's error", async () => {
    const admin = await rig.server.login(['admin']);
    const page = await browser.ctx.newPage();
    page.setDefaultTimeout(10_000);
    await browser.ctx.clearCookies();
    await page.goto(`${rig.consoleUrl}/#/calendar`);
    await page.getByLabel('工号').fill(admin.username);
    await page.getByLabel('密码').fill(admin.password);
    await page.keyboard.press('Enter');
    const years = page.getByRole('region', { name: '节假日安排（工作日历）' });
    await years.locator('tr[data-year="2026"]').waitFor();
    expect(await years.locator('tr[data-year="2026"]').textContent()).toContain('内置数据');
    expect(await years.locator('tr[data-year="2027"]').count()).toBe(0);
    // chinese-days ends with 2026: from December the screen warns that 2027 is missing
    if (
      Date.now() >= Date.parse('2026-10-03T00:00:00+08:00') &&
      Date.now() < Date.parse('2027-01-01T00:00:00+08:00')
    )
      await years.getByRole('alert').filter({ hasText: '尚未导入2027年国务院节假日安排' }).waitFor();
    const form = page.getByRole('form', { name: '导入一年的安排' });
    await form.getByLabel('年份').fill('2027');
    await form.getByLabel('安排表（每行：日期,off 或 work,名称）').fill('2027-01-01,holiday,元旦');
    await form.getByRole('button', { name: '导入' }).click();
    await form.getByRole('alert').filter({ hasText: '节假日安排表格式不正确' }).waitFor();
    await form
      .getByLabel('安排表（每行：日期,off 或 work,名称）')
      .fill('2027-01-01,off,元旦\n2027-01-02,off,元旦\n2027-01-03,off,元旦\n2027-02-06,work,春节');
    await form.getByRole('button', { name: '导入' }).click();
    await form.getByRole('status').filter({ hasText: '已导入 2027 年：放假 3 天，调休上班 1 天' }).waitFor();
    await years.locator('tr[data-year="2027"]').waitFor();
    expect(await years.locator('tr[data-year="2027"]').textContent()).toContain('管理员导入');
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollHeight - window.innerHeight',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('08-calendar-admin.png') });
    await page.close();
  });

  it('the wallboard chart keeps Beijing time on a screen set to New York time', async () => {
    const b = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs({ media: false, extra: [] }),
    });
    try {
      const ctx = await b.newContext({
        timezoneId: 'America/New_York',
        locale: 'zh-CN',
        viewport: { width: 1366, height: 768 },
      });
      const page = await ctx.newPage();
      page.setDefaultTimeout(10_000);
      const lead = await rig.server.login(['shift_lead']);
      await page.goto(`${rig.consoleUrl}/#/wallboard`);
      await page.getByLabel('工号').fill(lead.username);
      await page.getByLabel('密码').fill(lead.password);
      await page.keyboard.press('Enter');
      const plot = page.locator('.u-over');
      await plot.waitFor();
      await page.waitForTimeout(1500); // a snapshot or two
      // hover the newest interval: the legend names its time (uPlot draws the axis on a canvas)
      const box = (await plot.boundingBox())!;
      await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
      const shown =
        (await page.locator('.u-legend .u-series').first().locator('.u-value').textContent()) ?? '';
      const browserHour = await page.evaluate<number>('new Date().getHours()');
      const beijing = new Date(Date.now() + 8 * 3_600_000);
      const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
      const nowMin = beijing.getUTCHours() * 60 + beijing.getUTCMinutes();
      expect(shown).toMatch(/^\d\d:\d\d$/);
      expect((nowMin - minutes(shown) + 1440) % 1440).toBeLessThanOrEqual(10); // the latest 5-minute bin
      expect(browserHour).not.toBe(beijing.getUTCHours()); // the screen's own clock really is elsewhere
      await page.screenshot({ path: artifact('07-wallboard-new-york-screen.png') });
    } finally {
      await b.close();
    }
  });
});
