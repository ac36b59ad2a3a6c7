// Estimated wait for a caller at `position` (1 = next): every staffed agent finishes one call per
// average handle time, so the position-th caller is reached after position/staffed handle times.

export function estimatedWaitSec(position: number, staffedAgents: number, ahtSec: number): number {
  if (position <= 0) return 0;
  return Math.ceil((position * ahtSec) / Math.max(1, staffedAgents));
}
