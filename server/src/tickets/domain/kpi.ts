// The assessment KPIs of Art. 26 plus on-time rates of Art. 13 — ONE definition each, computed from
// states derived from the event log, grouped per unit or per county, over a period (by creation time).
import type { TicketState } from './state.ts';

export interface Ratio {
  num: number;
  den: number;
  rate: number | null;
}
export interface Kpis {
  tickets: number;
  /** 一次性审核通过率: first review passed / tickets reviewed. */
  firstReviewPass: Ratio;
  /** 一次性办结率: closed without 重派 / closed (办结). */
  firstTimeCompletion: Ratio;
  /** 诉求解决率: final result rating 满意/基本满意 / rated (甄别-upheld disputes excluded). */
  resolution: Ratio;
  /** 群众满意率: final service rating 满意/基本满意 / rated (甄别-upheld disputes excluded). */
  satisfaction: Ratio;
  onTimeDispatch: Ratio;
  onTimeSignFor: Ratio;
  onTimeCompletion: Ratio;
}

export type KpiGroupBy = 'unit' | 'county' | 'all';
export interface KpiQuery {
  groupBy: KpiGroupBy;
  from?: string;
  to?: string;
  /** Assignments still unsigned after their due time count as late (pass the query time). */
  now?: string;
}

class Acc {
  num = 0;
  den = 0;
  add(ok: boolean) {
    this.den++;
    if (ok) this.num++;
  }
  ratio(): Ratio {
    return {
      num: this.num,
      den: this.den,
      rate: this.den ? Math.round((this.num / this.den) * 10000) / 10000 : null,
    };
  }
}

const KEYS = [
  'firstReviewPass',
  'firstTimeCompletion',
  'resolution',
  'satisfaction',
  'onTimeDispatch',
  'onTimeSignFor',
  'onTimeCompletion',
] as const;
type Bucket = { tickets: number } & Record<(typeof KEYS)[number], Acc>;
const GOOD = ['满意', '基本满意'];

function bucket(map: Map<string, Bucket>, key: string): Bucket {
  let b = map.get(key);
  if (!b) {
    b = { tickets: 0, ...Object.fromEntries(KEYS.map((k) => [k, new Acc()])) } as Bucket;
    map.set(key, b);
  }
  return b;
}

export function computeKpis(states: readonly TicketState[], q: KpiQuery): Record<string, Kpis> {
  const map = new Map<string, Bucket>();
  for (const s of states) {
    if ((q.from && s.createdAt < q.from) || (q.to && s.createdAt >= q.to)) continue;
    const owner =
      q.groupBy === 'county' ? s.intake.location.county : q.groupBy === 'all' ? 'all' : s.replyingUnitId;
    const b = owner ? bucket(map, owner) : undefined;
    if (b) {
      b.tickets++;
      if (s.dispatchedAt) b.onTimeDispatch.add(s.dispatchedAt <= s.dispatchDueAt);
      if (s.reviews[0]) b.firstReviewPass.add(s.reviews[0].passed);
      if (s.phase === 'closed' && s.closure !== 'not_accepted')
        b.firstTimeCompletion.add(s.redispatches === 0);
      if (s.replies[0]) b.onTimeCompletion.add(s.replies[0].onTime);
      const final = s.callbacks[s.callbacks.length - 1];
      if (final && s.dispute?.status !== 'upheld') {
        b.satisfaction.add(GOOD.includes(final.service));
        b.resolution.add(GOOD.includes(final.result));
      }
    }
    for (const a of s.assignments) {
      const key = q.groupBy === 'unit' ? a.unitId : owner;
      if (!key || a.status === 'withdrawn') continue;
      if (a.signedAt) bucket(map, key).onTimeSignFor.add(a.signedAt <= a.signDueAt);
      else if (q.now && q.now > a.signDueAt) bucket(map, key).onTimeSignFor.add(false);
    }
  }
  const out: Record<string, Kpis> = {};
  for (const [k, b] of map) {
    out[k] = { tickets: b.tickets, ...Object.fromEntries(KEYS.map((key) => [key, b[key].ratio()])) } as Kpis;
  }
  return out;
}
