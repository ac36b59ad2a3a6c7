// REGISTER from agents' browsers (sip.js over WS/WSS): digest auth, then the contact goes to Redis
// (shared by every gateway instance). The 200 carries Contact;expires and Expires: the SIP server
// caches the WebSocket connection for that contact only when the app's 200 says so.
import type Srf from 'drachtio-srf';
import { grantedExpires } from '../domain/registration-choice.ts';
import { authenticateAgent } from './agent-auth.ts';
import type { GatewayContext } from './context.ts';

export async function onRegister(
  ctx: GatewayContext,
  req: Srf.SrfRequest,
  res: Srf.SrfResponse,
): Promise<void> {
  const who = authenticateAgent(ctx, req, res);
  if (!who) return;
  const contactHeader = req.get('Contact') ?? '';
  const contact = /<([^>]+)>/.exec(contactHeader)?.[1] ?? contactHeader.split(';')[0]?.trim() ?? '';
  const expParam = /;\s*expires\s*=\s*(\d+)/i.exec(contactHeader)?.[1];
  const requested =
    expParam !== undefined ? Number(expParam) : req.has('Expires') ? Number(req.get('Expires')) : undefined;
  const nowSec = Math.floor(ctx.now() / 1000);
  if (contactHeader.trim() === '*') {
    await ctx.regs.unregister(who.agentId, '*');
    res.send(200, { headers: { Expires: '0' } });
    return;
  }
  if (!/^sips?:/.test(contact)) {
    res.send(400, 'Bad Contact', {});
    return;
  }
  const expires = grantedExpires(
    requested,
    {
      minSec: ctx.cfg.registerMinSec,
      maxSec: ctx.cfg.registerMaxSec,
      defaultSec: ctx.cfg.registerDefaultSec,
    },
    who.expiresAt,
    nowSec,
  );
  if (expires === 0) {
    await ctx.regs.unregister(who.agentId, contact);
    res.send(200, { headers: { Contact: `<${contact}>;expires=0`, Expires: '0' } });
    ctx.log.info({ agentId: who.agentId, contact }, 'agent unregistered');
    return;
  }
  await ctx.regs.register(who.agentId, contact, expires, ctx.now());
  res.send(200, { headers: { Contact: `<${contact}>;expires=${expires}`, Expires: String(expires) } });
  ctx.log.debug({ agentId: who.agentId, contact, expires }, 'agent registered');
}
