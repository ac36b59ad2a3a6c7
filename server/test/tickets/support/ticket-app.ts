// A real app (real Redis, PGlite, BullMQ workers) for the tickets API tests, with users per role.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Config } from '../../../src/config.ts';
import { startTestApp, type TestApp, type TestSession } from '../../support/app.ts';
import type { DbTarget } from '../../support/db.ts';

export interface TicketTestApp extends TestApp {
  dir: string;
}

export async function startTicketApp(
  target: DbTarget = { name: 'pglite' },
  overrides: Partial<Config> = {},
): Promise<TicketTestApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tickets-att-'));
  const t = await startTestApp(target, {
    ticketAttachmentDir: dir,
    ticketAttachmentMaxBytes: 64 * 1024,
    ticketJobLockMs: 2000,
    ...overrides,
  });
  const close = t.close;
  return {
    ...t,
    dir,
    close: async () => {
      await close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const complaint = {
  channel: 'phone',
  requester: { name: '张三丰', phone: '13812345678', anonymous: false, confidential: false },
  content: '康定市炉城镇阳光小区连续三天停水，物业不处理',
  location: { county: '康定市', township: '炉城镇', address: '阳光小区3栋' },
  type: '投诉',
  categoryId: 'public.water',
  callIds: ['call-1'],
};

export const fullReply = {
  handler: '李四',
  summary: '已抢修恢复供水',
  contactMethod: '电话联系',
  investigation: '管道破裂，已抢修',
  policyBasis: '《城市供水条例》',
  requesterSatisfied: true,
};

export async function act(
  s: TestSession,
  id: string,
  command: string,
  payload: Record<string, unknown> = {},
) {
  return s.inject({ method: 'POST', url: `/api/tickets/${id}/commands/${command}`, payload });
}

export async function ok(s: TestSession, id: string, command: string, payload: Record<string, unknown> = {}) {
  const r = await act(s, id, command, payload);
  expect(r.statusCode, `${command}: ${r.body}`).toBe(200);
  return r.json();
}

/** Polls until fn returns a truthy value (jobs run asynchronously on real Redis). */
export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
