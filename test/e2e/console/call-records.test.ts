// 通话记录 in Debian Chromium against the real server (PGlite, Redis): a shift lead sees today's calls
// with masked numbers and the 整理 disposition, filters 放弃, unmasks one number with a reason (in the
// audit log), switches to English; an agent sees only the calls they answered and cannot unmask
// another's. Screenshots: test/e2e/console/artifacts/calls-*.png (gitignored).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, type ConsoleRig, launchBrowser, startConsoleRig } from './console-rig.ts';

describe('通话记录 screen (real server, Debian Chromium)', () => {
  let rig: ConsoleRig;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let agentId = '';
  beforeAll(async () => {
    rig = await startConsoleRig();
    browser = await launchBrowser();
    const agent = await rig.server.login(['agent'], { username: 'calls-agent' });
    agentId = agent.userId;
    // today's history as the history writer leaves it: two calls the agent answered, one abandoned
    const ago = (min: number) => new Date(Date.now() - min * 60_000);
    const base = {
      priority: 'normal',
      kind: 'inbound',
      queue: '12345',
      callback_number: null,
      hold_ms: null,
    };
    await rig.server.app.db
      .insertInto('call_record')
      .values([
        {
          ...base,
          call_id: 'e2e-c1',
          caller_number: '13800000101',
          arrived_at: ago(30),
          answered_at: ago(29.9),
          abandoned_at: null,
          ended_at: ago(27),
          agent_id: agentId,
          wait_ms: 6000,
          talk_ms: 174000,
          ended_by: 'caller',
          outcome: 'completed',
        },
        {
          ...base,
          call_id: 'e2e-c2',
          priority: 'elderly',
          caller_number: '13800000102',
          arrived_at: ago(20),
          answered_at: ago(19.8),
          abandoned_at: null,
          ended_at: ago(15),
          agent_id: agentId,
          wait_ms: 12000,
          talk_ms: 288000,
          ended_by: 'agent',
          outcome: 'completed',
        },
        {
          ...base,
          call_id: 'e2e-c3',
          queue: '12345-zang',
          caller_number: '13800000103',
          arrived_at: ago(10),
          answered_at: null,
          abandoned_at: ago(9.5),
          ended_at: null,
          agent_id: null,
          wait_ms: 30000,
          talk_ms: null,
          ended_by: null,
          outcome: 'abandoned',
        },
      ])
      .execute();
    await rig.server.app.db
      .insertInto('call_disposition')
      .values({
        call_id: 'e2e-c2',
        agent_id: agentId,
        disposition: 'ticket-created',
        ticket_no: 'GZ-2026-000321',
        note: '',
      })
      .execute();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  async function signIn(username: string, password: string): Promise<Page> {
    await browser.ctx.clearCookies();
    const page = await browser.ctx.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${rig.consoleUrl}/#/calls`);
    await page.getByLabel('工号').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: '通话记录' }).locator('tbody tr').first().waitFor();
    return page;
  }
  const row = (page: Page, callId: string) => page.locator(`tr[data-call-id="${callId}"]`);

  it('a shift lead: masked list with 整理, filter 放弃, 查看号码 with a reason (audited), English', async () => {
    const lead = await rig.server.login(['shift_lead']);
    const page = await signIn(lead.username, lead.password);
    const table = page.getByRole('region', { name: '通话记录' });
    await table.getByText('共 3 条').waitFor();
    expect(await row(page, 'e2e-c1').locator('td').nth(1).textContent()).toContain('138****0101');
    expect(await row(page, 'e2e-c2').textContent()).toContain('已生成工单（转办） GZ-2026-000321');
    expect(await row(page, 'e2e-c2').textContent()).toContain('优先');
    // the agent by 工号, not by the internal id
    expect(await row(page, 'e2e-c1').locator('td').nth(3).textContent()).toContain('calls-agent');
    expect(await row(page, 'e2e-c1').locator('td').nth(3).textContent()).not.toContain(agentId);
    expect(await row(page, 'e2e-c3').textContent()).toContain('放弃');
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollHeight - window.innerHeight',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('calls-01-lead.png') });

    await page.getByLabel('通话结果').selectOption('abandoned');
    await page.getByRole('button', { name: '查询' }).click();
    await table.getByText('共 1 条').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    await row(page, 'e2e-c3').getByRole('button', { name: '查看号码' }).click();
    await row(page, 'e2e-c3').getByLabel('查看事由（记入审计日志）').fill('放弃来电回拨核实');
    await row(page, 'e2e-c3').getByRole('button', { name: '确定' }).click();
    await row(page, 'e2e-c3').getByText('13800000103').waitFor();
    await page.screenshot({ path: artifact('calls-02-unmasked.png') });
    const audit = await rig.server.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', lead.userId)
      .where('action', '=', 'pii.unmask')
      .execute();
    expect(audit.map((a) => [a.object_id, (a.detail as { reason?: string }).reason])).toEqual([
      ['e2e-c3', '放弃来电回拨核实'],
    ]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Call records', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Wrap-up' }).waitFor();
    expect(await row(page, 'e2e-c3').textContent()).toContain('Abandoned');
    await page.screenshot({ path: artifact('calls-03-english.png') });
    await page.getByRole('button', { name: '中文' }).click();
    await page.close();
  });

  it('an agent sees only the calls they answered and cannot unmask another call', async () => {
    const agent = await rig.server.login(['agent'], { username: 'calls-agent-2' });
    const other = await rig.server.app.db
      .insertInto('call_record')
      .values({
        call_id: 'e2e-c4',
        queue: '12345',
        priority: 'normal',
        kind: 'inbound',
        caller_number: '13800000104',
        callback_number: null,
        arrived_at: new Date(Date.now() - 5 * 60_000),
        answered_at: new Date(Date.now() - 4.9 * 60_000),
        abandoned_at: null,
        ended_at: null,
        agent_id: agent.userId,
        wait_ms: 3000,
        talk_ms: null,
        hold_ms: null,
        ended_by: null,
        outcome: 'answered',
      })
      .execute();
    expect(other).toHaveLength(1);
    const page = await signIn(agent.username, agent.password);
    const table = page.getByRole('region', { name: '通话记录' });
    await table.getByText('仅显示本人接听的通话').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await row(page, 'e2e-c4').textContent()).toContain('通话中');
    expect(await row(page, 'e2e-c1').count()).toBe(0);
    await page.screenshot({ path: artifact('calls-04-agent.png') });
    // the server refuses another agent's call even when asked directly
    const r = await page.evaluate<{ status: number; code: string }>(`(async () => {
      const me = await (await fetch('/api/auth/me', { credentials: 'include' })).json();
      const res = await fetch('/api/calls/e2e-c1/unmask', {
        method: 'POST', credentials: 'include',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ reason: '核实' }),
      });
      return { status: res.status, code: (await res.json()).error?.code };
    })()`);
    expect(r.status).toBe(403);
    expect(r.code).toBe('CALL_NOT_YOURS');
    await page.close();
  });
});
