import type { ErlangAResult } from './erlang-a.ts';
import type { ErlangCResult } from './erlang-c.ts';
export interface StaffingQuestion {
  callsPerHour: number;
  ahtSec: number;
  patienceSec: number;
  answerTarget: number;
  slSec: number;
  slTarget: number;
}
export interface StaffingPlan {
  agents: number;
  erlangC: ErlangCResult;
  erlangA: ErlangAResult;
}
export function planStaffing(_q: StaffingQuestion): StaffingPlan {
  throw new Error('not implemented yet');
}
