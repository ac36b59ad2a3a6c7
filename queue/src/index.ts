// @hotline/queue — the Redis-backed automatic call distributor (ACD). See queue/README.md.

export type { Acd, AcdMetricsApi, IntervalMetrics, LiveMetrics, ReadEventsOptions } from './acd/acd.ts';
export { type CreateAcdOptions, createAcd } from './acd/create-acd.ts';
export { type AcdConfig, type AcdConfigInput, parseAcdConfig, readEnv } from './config.ts';
export {
  AGENT_STATES,
  AGENT_TRANSITIONS,
  type AgentAction,
  type AgentState,
  nextAgentState,
} from './domain/agent-state.ts';
export {
  CALL_STATES,
  CALL_TRANSITIONS,
  type CallKind,
  type CallState,
  nextCallState,
} from './domain/call-state.ts';
export { PRIORITIES, type Priority } from './domain/priority.ts';
export { LANGUAGES, type SkillLevels, TOPICS } from './domain/skills.ts';
export { AcdError, type AcdErrorCode, ERRORS, isAcdError } from './errors.ts';
export type * from './events/types.ts';
export { EVENT_TYPES } from './events/types.ts';
export { occupancy, type QueueMetrics, queueMetrics } from './metrics/formulas.ts';
export { type RecomputedCounters, recomputeFromEvents } from './metrics/recompute.ts';
export { type AgentTimeCounters, counterRules, type QueueCounters } from './metrics/rules.ts';
export { type ErlangAResult, erlangA } from './staffing/erlang-a.ts';
export { type ErlangCResult, erlangC } from './staffing/erlang-c.ts';
export { planStaffing, type StaffingPlan, type StaffingQuestion } from './staffing/plan.ts';
export { type SimulationInput, type SimulationResult, simulateQueue } from './staffing/simulate.ts';
export type * from './types.ts';
