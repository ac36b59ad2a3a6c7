// THE metric definitions, part 2: formulas over interval counters (see README "Metrics").

import type { AgentTimeCounters, QueueCounters } from './rules.ts';

export interface QueueMetrics {
  /** Calls offered to the queue = entered − converted to callback. */
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  callbacks: number;
  /** answered within the SL threshold ÷ offered. */
  serviceLevel: number | null;
  /** 接通率 = answered ÷ offered. */
  answerRate: number | null;
  /** (abandoned − short abandons) ÷ (offered − short abandons). */
  abandonRate: number | null;
  /** short abandons ÷ offered. */
  shortAbandonRate: number | null;
  /** Average speed of answer (s) = Σ wait of answered ÷ answered. */
  asaSec: number | null;
  /** Average handle time (s) = (Σ talk + Σ hold + Σ wrap-up) ÷ handled. */
  ahtSec: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function queueMetrics(c: QueueCounters): QueueMetrics {
  const offered = c.entered - c.callbacks;
  return {
    offered,
    answered: c.answered,
    abandoned: c.abandoned,
    shortAbandoned: c.shortAbandoned,
    callbacks: c.callbacks,
    serviceLevel: ratio(c.answeredInSL, offered),
    answerRate: ratio(c.answered, offered),
    abandonRate: ratio(c.abandoned - c.shortAbandoned, offered - c.shortAbandoned),
    shortAbandonRate: ratio(c.shortAbandoned, offered),
    asaSec: c.answered > 0 ? c.waitAnsweredMs / c.answered / 1000 : null,
    ahtSec: c.handled > 0 ? (c.talkMs + c.holdMs + c.wrapMs) / c.handled / 1000 : null,
  };
}

/** Occupancy = (on-call + wrap-up time) ÷ (ready + reserved + on-call + wrap-up time). */
export function occupancy(t: AgentTimeCounters): number | null {
  const busy = t['on-call'] + t['wrap-up'];
  return ratio(busy, busy + t.ready + t.reserved);
}

export function addCounters<T extends Record<string, number>>(a: T, b: Readonly<T>): T {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof T)[]) out[k] = ((out[k] ?? 0) + (b[k] ?? 0)) as T[keyof T];
  return out;
}
