// Child process of bench/gateway.ts: N simulated agent browsers (sip.js over ws, auto-answer), so the
// gateway process is measured alone. Reports each offered INVITE to the parent over IPC:
// { t: 'ready' } once all are registered, then { t: 'invite', id, at } per INVITE (at = Date.now()).
// Stops its agents and exits on { t: 'stop' } or when the parent goes away.
import { startAgent, type TestAgent } from '../../test/gateway/helpers/agent.ts';

const [server = '', secret = '', countArg = '200', idPrefix = 'b'] = process.argv.slice(2);
const send = (m: unknown) => process.send?.(m);

const agents: TestAgent[] = [];
for (let i = 0; i < Number(countArg); i++) {
  const a = await startAgent({ server, agentId: `${idPrefix}${i}`, secret });
  a.ua.delegate = {
    onInvite: (inv) => {
      const id = inv.request.getHeader('X-Hotline-Call-Id');
      if (id) send({ t: 'invite', id, at: Date.now() });
      void inv.accept().catch(() => {});
    },
  };
  await a.register();
  agents.push(a);
}
send({ t: 'ready', agentIds: agents.map((a) => a.agentId) });

const stop = async () => {
  for (const a of agents) await a.stop().catch(() => {});
  process.exit(0);
};
process.on('message', (m: { t?: string }) => {
  if (m?.t === 'stop') void stop();
});
process.on('disconnect', () => void stop());
