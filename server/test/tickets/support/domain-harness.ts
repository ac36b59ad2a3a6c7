// Test harness for the pure lifecycle: a fake SLA clock (unit test of pure logic only) and a log.
import type { Actor, TicketEvent } from '../../../src/tickets/domain/events.ts';
import { parseIntake, type TicketIntake } from '../../../src/tickets/domain/fields.ts';
import { decide, decideCreate, evolve } from '../../../src/tickets/domain/lifecycle.ts';
import type { DecideContext, TicketSla } from '../../../src/tickets/domain/sla-port.ts';
import type { TicketState } from '../../../src/tickets/domain/state.ts';

const H = 3_600_000;
const D = 24 * H;
/** Wall-clock stand-in for working time: 1 working hour = 1 h, 1 working day = 24 h. */
export const fakeSla: TicketSla = {
  dueAt(clock, start, t) {
    const ms = start.getTime();
    switch (clock) {
      case 'dispatch':
      case 'sign_for':
        return new Date(ms + 3 * H);
      case 'return_window':
        return new Date(ms + D);
      case 'special_notify':
        return new Date(ms + 3 * 60_000);
      case 'special_first_response':
        return new Date(ms + (t.priority === '特殊紧急事项' ? 2 : 4) * H);
      case 'special_progress':
        return new Date(ms + (t.priority === '特殊紧急事项' ? 12 : 24) * H);
      case 'completion':
        if (t.priority === '特殊紧急事项') return new Date(ms + 24 * H);
        if (t.priority === '特殊事项') return new Date(ms + 48 * H);
        return new Date(ms + (t.type === '咨询' ? 2 : 5) * D);
    }
  },
  addWorkingDays: (start, days) => new Date(start.getTime() + days * D),
  extension: { maxDays: 5, maxCount: 2, noticeWorkingDays: 1 },
};

export const actors = {
  agent: { id: 'agent-1', role: 'agent' },
  center: { id: 'center-1', role: 'center' },
  authority: { id: 'auth-1', role: 'authority' },
  system: { id: 'system', role: 'system' },
  office: { id: 'office-1', role: 'county_office', unitId: 'kangding-office' },
  staff: (unitId: string): Actor => ({ id: `${unitId}-staff`, role: 'unit_staff', unitId }),
  leader: (unitId: string): Actor => ({ id: `${unitId}-leader`, role: 'unit_leader', unitId }),
  head: (unitId: string): Actor => ({ id: `${unitId}-head`, role: 'unit_head', unitId }),
} satisfies Record<string, Actor | ((u: string) => Actor)>;

export function intake(over: Record<string, unknown> = {}): TicketIntake {
  return parseIntake(
    {
      channel: 'phone',
      requester: { name: '张三', phone: '13800000001', anonymous: false, confidential: false },
      content: '康定市炉城镇某小区连续三天停水，物业不处理',
      location: { county: '康定市', township: '炉城镇', address: '某小区' },
      type: '投诉',
      categoryId: 'public.water',
      ...over,
    },
    () => true,
  );
}

export const complaintReply = {
  handler: '李四',
  summary: '已协调恢复供水',
  contactMethod: '电话联系诉求人',
  investigation: '现场核查，管道破裂，已抢修',
  policyBasis: '《城市供水条例》',
  requesterSatisfied: true,
};

/** A ticket under test: applies commands through decide + evolve, with a controllable clock. */
export class Ticket {
  events: TicketEvent[] = [];
  state: TicketState;
  now: Date;
  callbackWindowMs = 7 * D;
  constructor(i: TicketIntake = intake(), start = new Date('2026-03-02T01:00:00Z'), id = 'T1') {
    this.now = start;
    const e = decideCreate(id, i, actors.agent, this.ctx());
    this.events.push(e);
    this.state = evolve(undefined, e);
  }
  ctx(): DecideContext {
    return {
      now: this.now,
      sla: fakeSla,
      rules: { callbackWindowMs: this.callbackWindowMs, duplicateWindowMs: 7 * D, duplicateSimilarity: 0.5 },
    };
  }
  advance(ms: number): this {
    this.now = new Date(this.now.getTime() + ms);
    return this;
  }
  do(command: string, actor: Actor, input: Record<string, unknown> = {}): this {
    const e = decide(this.state, command, input, actor, this.ctx());
    this.events.push(e);
    this.state = evolve(this.state, e);
    return this;
  }
  /** dispatch to one unit + sign for it. */
  dispatchedTo(unitId: string): this {
    return this.do('dispatched', actors.center, { mode: 'single', unitId }).do(
      'signed_for',
      actors.staff(unitId),
    );
  }
}

export const HOUR = H;
export const DAY = D;
