export interface ErlangAResult {
  agents: number;
  answerRate: number;
  abandonRate: number;
  serviceLevel: number;
  asa: number;
}
export function erlangA(_a: {
  agents: number;
  callsPerHour: number;
  ahtSec: number;
  patienceSec: number;
  slSec: number;
}): ErlangAResult {
  throw new Error('not implemented yet');
}
