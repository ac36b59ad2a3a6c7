// End to end in Debian Chromium against the real server (real Redis with its own prefix, PGlite,
// BullMQ workers, the seeded knowledge base): an agent registers a complaint in the workspace, the
// center dispatches it to a lead (主办) and a co-unit (协办), both sign (签收), the co-unit submits its
// input, the lead replies, the center passes the review, the agent's callback (回访) rates it 满意 and
// it closes (办结); an agent finds a KB article by pinyin initials (ybbx) and cites it in a 即办 ticket;
// the public self-service page lists published public articles without signing in.
// Screenshots of every screen go to test/e2e/tickets/artifacts/ (gitignored).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../../../server/test/support/app.ts';
import { type ConsoleRig, startConsoleRig } from '../console/console-rig.ts';
import { launchChromium, type Person, person, shot, signIn } from './tickets-rig.ts';

const WATER = 'dept-zilaishui'; // 州自来水公司 (lead)
const HOUSING = 'dept-zhujian'; // 州住房和城乡建设局 (co-unit)

async function openTicket(page: Page, tab: string, no: string): Promise<void> {
  await page.getByRole('button', { name: tab, exact: true }).click();
  await page
    .locator('.portal-row')
    .filter({ has: page.getByText(no, { exact: true }) })
    .click();
  await page.getByRole('article', { name: `工单编号 ${no}` }).waitFor();
}

async function run(page: Page, command: string): Promise<void> {
  await page
    .getByRole('region', { name: '办理' })
    .getByRole('button', { name: command, exact: true })
    .click();
}

async function phaseIs(page: Page, phase: string): Promise<void> {
  await page.getByTestId('ticket-phase').filter({ hasText: phase }).waitFor();
}

describe('tickets and knowledge base in the console (real server, Debian Chromium)', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let attachDir: string;
  const people: Person[] = [];
  let agentS: TestSession;
  let dispatcherS: TestSession;
  beforeAll(async () => {
    attachDir = mkdtempSync(path.join(tmpdir(), 'e2e-tickets-att-'));
    rig = await startConsoleRig({ ticketAttachmentDir: attachDir, kbSeed: 'always', ticketJobLockMs: 2000 });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const p of people) await p.ctx.close().catch(() => undefined);
    await browser?.close();
    await rig?.close();
    if (attachDir) rmSync(attachDir, { recursive: true, force: true });
  });

  const open = async (roles: Parameters<ConsoleRig['server']['login']>[0], orgUnitId?: string) => {
    const s = await rig.server.login(roles, orgUnitId ? { orgUnitId } : {});
    const p = await person(browser, rig.consoleUrl);
    people.push(p);
    await signIn(p, s.username, s.password);
    return { s, p };
  };

  it('Art. 11–16: complaint registered → 主办+协办 → both 签收 → 协办 input → 答复 → 审核通过 → 回访 满意 → 办结', async () => {
    const agent = await open(['agent']);
    agentS = agent.s;
    const a = agent.p.page;
    const form = a.getByRole('form', { name: '工单登记' });
    await form.waitFor();
    await form.getByLabel('联系电话').fill('13812345678');
    await form.getByLabel('姓名').fill('张三丰');
    await form.getByText('投诉', { exact: true }).click();
    await form.getByRole('combobox', { name: '诉求分类' }).fill('供水');
    await a.keyboard.press('ArrowDown');
    await a.keyboard.press('ArrowUp');
    await a.keyboard.press('Enter');
    await form.getByLabel('县（市）').selectOption('康定市');
    await form.getByLabel('乡镇（街道）').fill('炉城镇');
    await form.getByLabel('详细地址').fill('阳光小区3栋');
    await form.getByLabel('诉求内容').fill('康定市炉城镇阳光小区连续三天停水，物业不处理');
    await a.screenshot({ path: shot('01-agent-ticket-form.png') });
    await form.getByLabel('诉求内容').press('Control+Enter');
    const done = a.getByRole('status').filter({ hasText: '已登记' });
    await done.waitFor();
    const no = /工单 (\S+) 已登记/.exec((await done.textContent()) ?? '')?.[1] as string;
    expect(no).toBeTruthy();
    await a.screenshot({ path: shot('02-agent-ticket-registered.png') });

    // the same caller rings again about the same matter: 并单 is suggested and taken
    await form.getByLabel('联系电话').fill('13812345678');
    await form.getByText('投诉', { exact: true }).click();
    await form.getByRole('combobox', { name: '诉求分类' }).fill('供水');
    await a.keyboard.press('Enter');
    await form.getByLabel('县（市）').selectOption('康定市');
    await form.getByLabel('诉求内容').fill('阳光小区还是停水，物业不管');
    await form.getByLabel('诉求内容').press('Control+Enter');
    const dup = a.getByRole('region', { name: '疑似重复工单（并单建议）' });
    await dup.getByText('同一来电号码').waitFor();
    await a.screenshot({ path: shot('02b-agent-duplicate-suggestion.png') });
    await dup
      .locator('li', { has: a.getByText(no, { exact: true }) })
      .getByRole('button', { name: '并入此单' })
      .click();
    await a
      .getByRole('status')
      .filter({ hasText: `已并入工单 ${no}` })
      .waitFor();

    // the lead unit is already looking at its inbox when the ticket is dispatched
    const lead = await open(['unit_staff'], WATER);
    const w = lead.p.page;
    await w.getByRole('button', { name: '待办工单', exact: true }).waitFor();

    const center = await open(['dispatcher']);
    dispatcherS = center.s;
    const c = center.p.page;
    await c.getByRole('button', { name: '待转办', exact: true }).waitFor();
    await openTicket(c, '待转办', no);
    await run(c, '转办');
    const dispatchForm = c.getByRole('form', { name: '转办' });
    await dispatchForm.getByLabel('转办方式 *').selectOption('multi');
    await dispatchForm.getByLabel('承办单位（主办） *').selectOption(WATER);
    await dispatchForm.getByRole('checkbox', { name: '州住房和城乡建设局' }).check();
    await c.screenshot({ path: shot('03-center-dispatch-form.png') });
    await dispatchForm.getByRole('button', { name: '提交：转办' }).click();
    await phaseIs(c, '办理中');
    await c.screenshot({ path: shot('04-center-dispatched.png') });

    await w.getByTestId('unit-notice').filter({ hasText: no }).waitFor(); // socket.io, from the dispatch job
    const row = w.locator('.portal-row').filter({ has: w.getByText(no, { exact: true }) });
    await row.waitFor();
    expect(await row.locator('[data-deadline]').getAttribute('data-deadline')).toBe('running');
    await w.screenshot({ path: shot('05-unit-inbox.png') });
    await row.click();
    await run(w, '签收');
    await w.getByRole('status').filter({ hasText: '已签收' }).waitFor();

    const co = await open(['unit_staff'], HOUSING);
    const h = co.p.page;
    await h
      .locator('.portal-row')
      .filter({ has: h.getByText(no, { exact: true }) })
      .click();
    await run(h, '签收');
    await h.getByRole('status').filter({ hasText: '已签收' }).waitFor();
    await run(h, '提交协办意见');
    await h.getByLabel('协办意见 *').fill('管网产权已核实，属自来水公司维护范围');
    await h.getByRole('button', { name: '提交：提交协办意见' }).click();
    await h.getByRole('status').filter({ hasText: '已提交协办意见' }).waitFor();

    await w.reload();
    await w
      .locator('.portal-row')
      .filter({ has: w.getByText(no, { exact: true }) })
      .click();
    await run(w, '答复');
    const reply = w.getByRole('form', { name: '答复' });
    await reply.getByRole('button', { name: '提交：答复' }).click();
    await w.getByRole('alert').filter({ hasText: '请填写' }).waitFor(); // required fields per type (Art. 14)
    await reply.getByLabel('经办人 *').fill('李四');
    await reply.getByLabel('办理结果 *').fill('已抢修恢复供水');
    await reply.getByLabel('联系诉求人方式 *').fill('电话联系');
    await reply.getByLabel('调查核实及处理情况 *').fill('管道破裂，已抢修');
    await reply.getByLabel('政策依据 *').fill('《城市供水条例》');
    await reply.getByRole('group', { name: '诉求人是否满意 *' }).getByLabel('是').check();
    // a photo of the repaired pipe (PNG magic number; the server checks type and size)
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    await reply
      .getByLabel('附件（照片、视频、文件）')
      .setInputFiles({ name: '抢修现场.png', mimeType: 'image/png', buffer: png });
    await reply.getByText('抢修现场.png').waitFor();
    await w.screenshot({ path: shot('06-unit-reply-form.png') });
    await reply.getByRole('button', { name: '提交：答复' }).click();
    await phaseIs(w, '待审核');

    await c.reload();
    await openTicket(c, '待审核', no);
    await c.screenshot({ path: shot('07-center-review.png') });
    await run(c, '审核通过');
    await phaseIs(c, '待回访');

    await a.getByRole('button', { name: '工单办理' }).click();
    await openTicket(a, '待回访', no);
    await run(a, '回访');
    const cb = a.getByRole('form', { name: '回访' });
    await cb.getByLabel('回访方式 *').selectOption('phone');
    await cb.getByRole('group', { name: '服务满意度 *' }).getByLabel('满意', { exact: true }).check();
    await cb.getByRole('group', { name: '办理结果满意度 *' }).getByLabel('满意', { exact: true }).check();
    await cb.getByRole('button', { name: '提交：回访' }).click();
    await phaseIs(a, '已办结');
    await a.getByRole('region', { name: '办理记录' }).getByText('审核通过').waitFor();
    await a.screenshot({ path: shot('08-agent-callback-closed-timeline.png') });

    const list = (await dispatcherS.inject({ method: 'GET', url: '/api/tickets?limit=10' })).json() as {
      items: { id: string; no: string }[];
    };
    const id = list.items.find((i) => i.no === no)?.id as string;
    const events = (await dispatcherS.inject({ method: 'GET', url: `/api/tickets/${id}/events` })).json();
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'requester_linked',
      'dispatched',
      'signed_for',
      'signed_for',
      'input_submitted',
      'replied',
      'review_passed',
      'callback_recorded',
    ]);
    const ticket = (await dispatcherS.inject({ method: 'GET', url: `/api/tickets/${id}` })).json();
    expect(ticket.replies[0].content.attachmentIds).toHaveLength(1);
    expect(ticket).toMatchObject({
      phase: 'closed',
      closure: 'satisfied',
      intake: { type: '投诉', callIds: [] },
    });
    expect(ticket.assignments.map((x: { unitId: string; role: string }) => [x.unitId, x.role])).toEqual([
      [WATER, 'lead'],
      [HOUSING, 'co'],
    ]);

    await w.getByRole('button', { name: 'English' }).click();
    await w.getByRole('button', { name: 'Inbox', exact: true }).waitFor();
    await w.screenshot({ path: shot('09-unit-portal-english.png') });
    await w.getByRole('button', { name: '中文' }).click();
  }, 180_000);

  it('Art. 12 (1): the agent finds an article by pinyin initials (ybbx), cites it, and the 即办 ticket records it', async () => {
    const a = people[0]?.page as Page;
    await a.getByRole('button', { name: '坐席工作台' }).click();
    const form = a.getByRole('form', { name: '工单登记' });
    await form.waitFor();
    await a.keyboard.press('F3');
    const search = a.getByRole('searchbox', { name: /搜索知识库/ });
    await expect.poll(() => search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await a.keyboard.type('ybbx');
    const hit = a.getByRole('region', { name: '知识库' }).locator('.kb-hits li').first();
    await hit.waitFor();
    const title = (await hit.locator('.kb-title').textContent()) ?? '';
    expect(title).toMatch(/(医保|医疗保险).*报销|报销.*(医保|医疗保险)/); // y-b-b-x = 医保报销
    expect(await hit.locator('mark').count()).toBeGreaterThan(0);
    await a.screenshot({ path: shot('10-agent-kb-ybbx.png') });
    await hit.getByRole('button', { name: '纠错' }).click();
    await hit.getByLabel(/错误说明/).fill('窗口电话已变更，请更新');
    await hit.getByRole('button', { name: '提交纠错' }).click();
    await hit.getByRole('status').filter({ hasText: '已提交纠错' }).waitFor();
    await hit.getByRole('button', { name: '引用' }).click();
    await form.getByTestId('cited-article').filter({ hasText: title }).waitFor();
    await form.getByLabel('联系电话').fill('13900002222');
    await form.getByText('咨询', { exact: true }).click();
    await form.getByRole('combobox', { name: '诉求分类' }).fill('社会保险');
    await a.keyboard.press('Enter');
    await form.getByLabel('县（市）').selectOption('泸定县');
    await form.getByLabel('诉求内容').fill('咨询住院费用医保报销需要哪些材料');
    await a.screenshot({ path: shot('11-agent-immediate-cited.png') });
    await a.getByRole('button', { name: 'English' }).click();
    await a.getByRole('form', { name: 'Register a ticket (工单)' }).waitFor();
    await a.screenshot({ path: shot('11b-agent-form-english.png') });
    await a.getByRole('button', { name: '中文' }).click();
    await form.waitFor();
    await form.getByRole('button', { name: /提交工单/ }).click();
    const done = a.getByRole('status').filter({ hasText: '已即办' });
    await done.waitFor();
    const no = /工单 (\S+) 已即办/.exec((await done.textContent()) ?? '')?.[1] as string;
    const list = (await agentS.inject({ method: 'GET', url: '/api/tickets?limit=10' })).json() as {
      items: { id: string; no: string }[];
    };
    const id = list.items.find((i) => i.no === no)?.id as string;
    const ticket = (await agentS.inject({ method: 'GET', url: `/api/tickets/${id}` })).json();
    const article = (
      await agentS.inject({ method: 'GET', url: `/api/kb/articles/${ticket.immediate.kbArticleId}` })
    ).json();
    expect(ticket).toMatchObject({
      phase: 'awaiting_callback',
      immediate: { kbArticleId: expect.any(String) },
    });
    expect(article.content.title).toBe(title);
    const editor = await rig.server.login(['kb_editor']);
    const corrections = (await editor.inject({ method: 'GET', url: '/api/kb/corrections' })).json() as {
      items?: { articleTitle: string; text: string }[];
    };
    const list2 = Array.isArray(corrections) ? corrections : (corrections.items ?? []);
    expect(list2).toContainEqual(
      expect.objectContaining({ articleTitle: title, text: '窗口电话已变更，请更新' }),
    );
  }, 90_000);

  it('the public self-service page (no sign-in) searches published public articles', async () => {
    const p = await person(browser, rig.consoleUrl, '#/kb');
    people.push(p);
    await p.page.getByRole('searchbox').fill('医保');
    const first = p.page.locator('.kb-hits li').first();
    await first.waitFor();
    await p.page.screenshot({ path: shot('12-public-kb-search.png') });
    await first.locator('.kb-title').click();
    await p.page.getByRole('button', { name: /返回列表/ }).waitFor();
    await p.page.screenshot({ path: shot('13-public-kb-article.png') });
    expect(await p.page.getByLabel('工号').count()).toBe(0);
  }, 60_000);
});
