import { describe, expect, it } from 'vitest';
import {
  type DuplicateProbe,
  jaccard,
  suggestDuplicates,
  tokenSet,
} from '../../src/tickets/domain/duplicates.ts';
import { computeKpis } from '../../src/tickets/domain/kpi.ts';
import { tokenizeChinese } from '../../src/tickets/tokenizer.ts';
import { actors, complaintReply, DAY, HOUR, intake, Ticket } from './support/domain-harness.ts';

const tokenize = tokenizeChinese;
const probe = (over: Partial<DuplicateProbe>): DuplicateProbe => ({
  id: 'new',
  content: '康定市炉城镇阳光小区已经停水三天了，没人管',
  county: '康定市',
  township: '炉城镇',
  createdAt: '2026-03-05T00:00:00Z',
  ...over,
});
const rules = { windowMs: 7 * DAY, threshold: 0.3 };

describe('并单 duplicate detection', () => {
  it('并单: similar content in the same place within the window is suggested (jieba tokens, Jaccard)', () => {
    const a = tokenSet('阳光小区停水三天', tokenize);
    expect(a.has('停水')).toBe(true);
    expect(jaccard(a, a)).toBe(1);
    const recent = [
      probe({
        id: 'similar',
        content: '炉城镇阳光小区停水三天，物业没人管',
        createdAt: '2026-03-03T00:00:00Z',
      }),
      probe({ id: 'other-topic', content: '泸定桥景区门票价格太贵', createdAt: '2026-03-04T00:00:00Z' }),
      probe({ id: 'other-county', county: '泸定县', createdAt: '2026-03-04T00:00:00Z' }),
      probe({ id: 'too-old', createdAt: '2026-02-01T00:00:00Z' }),
      probe({ id: 'other-township', township: '姑咱镇', createdAt: '2026-03-04T00:00:00Z' }),
    ];
    const got = suggestDuplicates(probe({}), recent, tokenize, rules);
    expect(got.map((g) => g.ticketId)).toEqual(['similar']);
    expect(got[0]?.reasons).toEqual(['similar_content']);
  });
  it('并单: the same phone in the same place is suggested even with different wording', () => {
    const got = suggestDuplicates(
      probe({ phone: '13800000001' }),
      [
        probe({
          id: 'same-phone',
          phone: '13800000001',
          content: '再次反映：水还是没来',
          createdAt: '2026-03-04T00:00:00Z',
        }),
      ],
      tokenize,
      rules,
    );
    expect(got).toEqual([expect.objectContaining({ ticketId: 'same-phone', reasons: ['same_phone'] })]);
  });
  it('并单: merging archives the duplicate and keeps its requester on the primary ticket', () => {
    const primary = new Ticket(intake(), undefined, 'P').dispatchedTo('u');
    const dup = new Ticket(
      intake({ requester: { name: '赵六', phone: '13900000002', anonymous: false, confidential: false } }),
      undefined,
      'D',
    );
    dup.do('merged_into', actors.agent, { primaryId: 'P' });
    primary.do('requester_linked', actors.agent, {
      fromTicketId: 'D',
      requester: dup.state.intake.requester,
    });
    expect(dup.state).toMatchObject({ phase: 'merged', mergedInto: 'P' });
    expect(primary.state.linkedTickets).toEqual([
      { ticketId: 'D', requester: expect.objectContaining({ name: '赵六' }) },
    ]);
  });
});

describe('KPIs (Art. 26, 13)', () => {
  it('Art. 26: first-time review pass, first-time completion, resolution, satisfaction and on-time rates per unit and county', () => {
    const good = new Ticket(intake(), undefined, 'A').advance(HOUR).dispatchedTo('water');
    good.do('replied', actors.staff('water'), complaintReply).do('review_passed', actors.center);
    good.do('callback_recorded', actors.agent, { method: 'phone', service: '满意', result: '满意' });

    const late = new Ticket(intake({ location: { county: '泸定县' } }), undefined, 'B').advance(4 * HOUR);
    late
      .do('dispatched', actors.center, { mode: 'single', unitId: 'water' })
      .advance(4 * HOUR)
      .do('signed_for', actors.staff('water'));
    late
      .advance(5 * DAY)
      .do('replied', actors.staff('water'), complaintReply)
      .do('sent_back', actors.center, { reason: 'x' });
    late.do('replied', actors.staff('water'), complaintReply).do('review_passed', actors.center);
    late.do('callback_recorded', actors.agent, {
      method: 'phone',
      service: '基本满意',
      result: '不满意',
      dissatisfiedCause: 'poor_handling',
    });
    late
      .do('redispatched', actors.center)
      .do('signed_for', actors.staff('water'))
      .do('replied', actors.staff('water'), complaintReply);
    late.do('review_passed', actors.center).do('callback_recorded', actors.agent, {
      method: 'phone',
      service: '不满意',
      result: '不满意',
      dissatisfiedCause: 'poor_handling',
    });

    const byUnit = computeKpis([good.state, late.state], { groupBy: 'unit' });
    expect(byUnit.water).toMatchObject({
      tickets: 2,
      firstReviewPass: { num: 1, den: 2, rate: 0.5 },
      firstTimeCompletion: { num: 1, den: 2, rate: 0.5 },
      resolution: { num: 1, den: 2 },
      satisfaction: { num: 1, den: 2 },
      onTimeDispatch: { num: 1, den: 2 },
      onTimeSignFor: { num: 2, den: 3 }, // the 重派 assignment is signed on time
      onTimeCompletion: { num: 1, den: 2 },
    });
    const byCounty = computeKpis([good.state, late.state], { groupBy: 'county' });
    expect(Object.keys(byCounty).sort()).toEqual(['康定市', '泸定县']);
    expect(byCounty.康定市?.satisfaction.rate).toBe(1);
    const period = computeKpis([good.state, late.state], { groupBy: 'all', from: '2026-04-01T00:00:00Z' });
    expect(period).toEqual({});
  });
  it('Art. 13: an assignment still unsigned after its deadline counts as late sign-for', () => {
    const t = new Ticket().do('dispatched', actors.center, { mode: 'single', unitId: 'slow' });
    expect(computeKpis([t.state], { groupBy: 'unit' }).slow?.onTimeSignFor.den).toBe(0);
    const later = new Date(t.now.getTime() + 4 * HOUR).toISOString();
    expect(computeKpis([t.state], { groupBy: 'unit', now: later }).slow?.onTimeSignFor).toMatchObject({
      num: 0,
      den: 1,
    });
  });
});
