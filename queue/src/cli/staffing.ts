// npm run -s staffing -- --calls-per-hour 720 --aht 180 --patience 120 --answer-target 0.95 \
//   --sl-seconds 15 --sl-target 0.8
// Prints the staffing plan as JSON (Erlang A agents needed, with Erlang C beside it). With
// --simulate N it also runs the discrete-event simulation with N calls at the planned staffing.

import { parseArgs } from 'node:util';
import { isAcdError } from '../errors.ts';
import { planStaffing } from '../staffing/plan.ts';
import { simulateQueue } from '../staffing/simulate.ts';

const USAGE =
  'usage: staffing --calls-per-hour N --aht SEC --patience SEC [--answer-target 0.95] ' +
  '[--sl-seconds 15] [--sl-target 0.8] [--simulate CALLS]';

function num(name: string, v: string | undefined, fallback?: number): number {
  if (v === undefined) {
    if (fallback === undefined) throw new Error(`missing --${name}`);
    return fallback;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${JSON.stringify(v)}`);
  return n;
}

try {
  const { values } = parseArgs({
    options: {
      'calls-per-hour': { type: 'string' },
      aht: { type: 'string' },
      patience: { type: 'string' },
      'answer-target': { type: 'string' },
      'sl-seconds': { type: 'string' },
      'sl-target': { type: 'string' },
      simulate: { type: 'string' },
    },
    strict: true,
  });
  const q = {
    callsPerHour: num('calls-per-hour', values['calls-per-hour']),
    ahtSec: num('aht', values.aht),
    patienceSec: num('patience', values.patience),
    answerTarget: num('answer-target', values['answer-target'], 0.95),
    slSec: num('sl-seconds', values['sl-seconds'], 15),
    slTarget: num('sl-target', values['sl-target'], 0.8),
  };
  const plan = planStaffing(q);
  const out: Record<string, unknown> = { ...plan };
  if (values.simulate !== undefined) {
    out.simulation = simulateQueue({ ...q, agents: plan.agents, calls: num('simulate', values.simulate) });
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
} catch (e) {
  const msg = isAcdError(e) ? `${e.code}: ${e.message}` : (e as Error).message;
  process.stderr.write(`staffing: ${msg}\n${USAGE}\n`);
  process.exitCode = 2;
}
