export interface ErlangCResult {
  agents: number;
  probWait: number;
  serviceLevel: number;
  asa: number;
  occupancy: number;
}
export function erlangC(_a: {
  agents: number;
  callsPerHour: number;
  ahtSec: number;
  slSec: number;
}): ErlangCResult {
  throw new Error('not implemented yet');
}
