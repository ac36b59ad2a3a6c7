// End to end in Debian Chromium against the real server: 退件 (Art. 17) — a unit asks to return a
// ticket ("out of scope" alone is refused), its leader signs off, the center approves and the ticket
// is back in the dispatch queue; 延期 (Art. 13) — the replying unit asks for 3 working days, the
// center approves, the unit records that it told the requester. Setup goes through the API; every
// step a person takes goes through the screens. Screenshots in test/e2e/tickets/artifacts/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../../../server/test/support/app.ts';
import { type ConsoleRig, startConsoleRig } from '../console/console-rig.ts';
import { launchChromium, type Person, person, shot, signIn } from './tickets-rig.ts';

const POLICE = 'dept-gongan';
const WATER = 'dept-zilaishui';

describe('退件 and 延期 in the unit portal (real server, Debian Chromium)', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let attachDir: string;
  const people: Person[] = [];
  let agent: TestSession;
  let dispatcher: TestSession;
  let centerPage: Page;
  beforeAll(async () => {
    attachDir = mkdtempSync(path.join(tmpdir(), 'e2e-tickets-att-'));
    rig = await startConsoleRig({ ticketAttachmentDir: attachDir, kbSeed: 'never', ticketJobLockMs: 2000 });
    browser = await launchChromium();
    agent = await rig.server.login(['agent']);
    dispatcher = await rig.server.login(['dispatcher']);
    const p = await person(browser, rig.consoleUrl);
    people.push(p);
    await signIn(p, dispatcher.username, dispatcher.password);
    centerPage = p.page;
    await centerPage.getByRole('button', { name: '待转办', exact: true }).waitFor();
  }, 180_000);
  afterAll(async () => {
    for (const p of people) await p.ctx.close().catch(() => undefined);
    await browser?.close();
    await rig?.close();
    if (attachDir) rmSync(attachDir, { recursive: true, force: true });
  });

  const unitPage = async (roles: Parameters<ConsoleRig['server']['login']>[0], orgUnitId: string) => {
    const s = await rig.server.login(roles, { orgUnitId });
    const p = await person(browser, rig.consoleUrl);
    people.push(p);
    await signIn(p, s.username, s.password);
    await p.page.getByRole('button', { name: '待办工单', exact: true }).waitFor();
    return p.page;
  };

  /** Registered by the agent and dispatched by the center through the API. */
  const dispatchedTicket = async (type: string, unitId: string) => {
    const r = await agent.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: {
        channel: 'phone',
        requester: { name: '王五', phone: '13900001111', anonymous: false, confidential: false },
        content: type === '求助' ? '家中老人走失，请求帮助寻找' : '小区供水水压不足已一周',
        location: { county: '康定市', township: '炉城镇' },
        type,
        categoryId: type === '求助' ? 'social.public-security' : 'public.water',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const { ticket } = r.json() as { ticket: { id: string; no: string } };
    const d = await dispatcher.inject({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/commands/dispatched`,
      payload: { mode: 'single', unitId },
    });
    expect(d.statusCode, d.body).toBe(200);
    return ticket;
  };

  const open = async (page: Page, no: string, tab?: string) => {
    if (tab) await page.getByRole('button', { name: tab, exact: true }).click();
    else await page.getByRole('button', { name: '刷新' }).click();
    await page
      .locator('.portal-row')
      .filter({ has: page.getByText(no, { exact: true }) })
      .click();
    await page.getByRole('article', { name: `工单编号 ${no}` }).waitFor();
  };
  const command = (page: Page, name: string) =>
    page.getByRole('region', { name: '办理' }).getByRole('button', { name, exact: true }).click();

  it('Art. 17: 退件 — "out of scope" alone is refused; leader signs off; the center approves; back to 待转办', async () => {
    const ticket = await dispatchedTicket('求助', POLICE);
    const staff = await unitPage(['unit_staff'], POLICE);
    await open(staff, ticket.no);
    await command(staff, '申请退件');
    const form = staff.getByRole('form', { name: '申请退件' });
    await form.getByLabel('理由 *').fill('不属于本单位职责范围');
    await form.getByLabel('政策依据 *').fill('《甘孜州机构职能规定》');
    await form.getByLabel('建议承办单位 *').selectOption('dept-minzheng');
    await form.getByRole('button', { name: '提交：申请退件' }).click();
    await staff.getByRole('alert').filter({ hasText: '不符合热线运行管理办法的规定' }).waitFor();
    await form.getByLabel('理由 *').fill('走失老人救助属民政部门的救助管理站职责，本单位已协助发布协查');
    await form.getByRole('button', { name: '提交：申请退件' }).click();
    await staff.getByRole('cell', { name: '退件待签批' }).waitFor();
    await staff.screenshot({ path: shot('20-unit-return-requested.png') });

    const leader = await unitPage(['unit_leader'], POLICE);
    await open(leader, ticket.no);
    await command(leader, '领导签批退件');
    await leader.getByRole('cell', { name: '退件待中心审批' }).waitFor();
    await leader.screenshot({ path: shot('21-unit-leader-signed-off.png') });

    await open(centerPage, ticket.no, '办理中');
    await command(centerPage, '同意退件');
    const approve = centerPage.getByRole('form', { name: '同意退件' });
    await approve.getByLabel('承办单位（主办） *').selectOption(POLICE);
    await approve.getByRole('button', { name: '提交：同意退件' }).click();
    await centerPage.getByTestId('ticket-phase').filter({ hasText: '待转办' }).waitFor();
    await centerPage.screenshot({ path: shot('22-center-return-approved.png') });
    const events = (
      await dispatcher.inject({ method: 'GET', url: `/api/tickets/${ticket.id}/events` })
    ).json();
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'dispatched',
      'return_requested',
      'return_signed_off',
      'return_approved',
    ]);
  }, 120_000);

  it('Art. 13: 延期 — requested by the replying unit, approved by the center, requester informed', async () => {
    const ticket = await dispatchedTicket('投诉', WATER);
    const before = (await dispatcher.inject({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json();
    const staff = await unitPage(['unit_staff'], WATER);
    await open(staff, ticket.no);
    await command(staff, '签收');
    await staff.getByRole('status').filter({ hasText: '已签收' }).waitFor();
    await command(staff, '申请延期');
    const form = staff.getByRole('form', { name: '申请延期' });
    await form.getByLabel('延期工作日数 *').fill('3');
    await form.getByLabel('理由 *').fill('需更换主管道，施工需协调停水时间');
    await form.getByRole('button', { name: '提交：申请延期' }).click();
    await staff.getByText(/3 · 需更换主管道.*待审批/).waitFor();
    await staff.screenshot({ path: shot('23-unit-extension-requested.png') });

    await open(centerPage, ticket.no, '办理中');
    await command(centerPage, '同意延期');
    await centerPage.getByText(/3 · 需更换主管道.*已同意/).waitFor();

    await open(staff, ticket.no);
    await command(staff, '已告知诉求人延期');
    const informed = staff.getByRole('form', { name: '已告知诉求人延期' });
    await informed.getByLabel('告知方式 *').fill('电话告知诉求人，已同意');
    await informed.getByRole('button', { name: '提交：已告知诉求人延期' }).click();
    await staff.getByRole('status').filter({ hasText: '已已告知诉求人延期' }).waitFor();
    await staff.screenshot({ path: shot('24-unit-extension-informed.png') });
    const after = (await dispatcher.inject({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json();
    expect(Date.parse(after.completionDueAt)).toBeGreaterThan(Date.parse(before.completionDueAt));
    expect(after.extensions).toEqual([
      expect.objectContaining({ days: 3, status: 'approved', requesterInformed: true }),
    ]);
  }, 120_000);
});
