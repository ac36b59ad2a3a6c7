// Console screens in real Chromium against the real server: login (bad password, then an agent),
// the agent workspace at 1366×768, the English switch, and a shift lead's wallboard.
// Screenshots go to test/e2e/console/artifacts/ (gitignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
