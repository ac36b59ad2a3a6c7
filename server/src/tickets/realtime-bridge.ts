// Forwards in-app ticket notifications (Redis pub/sub, published by whichever process ran the
// dispatch job) to socket.io namespace `/tickets`, room `unit:<orgUnitId>`, event `ticket:notification`.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { SESSION_COOKIE } from '../auth/auth-plugin.ts';
import { can } from '../auth/policy.ts';

export async function startRealtimeBridge(app: FastifyInstance, channel: string): Promise<Redis | undefined> {
  const io = app.realtime?.io;
  if (!io) return undefined;
  const ns = io.of('/tickets');
  ns.use((socket, next) => {
    const header = socket.handshake.headers.cookie;
    const sid = header ? app.parseCookie(header)[SESSION_COOKIE] : undefined;
    app.sessions
      .get(sid)
      .then((s) => {
        if (!s || !can(s.user.roles, 'tickets.notifications')) return next(new Error('FORBIDDEN'));
        socket.join(`unit:${s.user.orgUnitId}`);
        next();
      })
      .catch(() => next(new Error('UNAUTHENTICATED')));
  });
  const sub = app.redis.duplicate({ connectionName: 'hotline-tickets-sub' });
  sub.on('message', (_ch, message) => {
    try {
      const n = JSON.parse(message) as { unitId: string };
      // Every instance receives the pub/sub message, so each emits to its own sockets only.
      ns.local.to(`unit:${n.unitId}`).emit('ticket:notification', n);
    } catch (err) {
      app.log.warn({ err }, 'bad ticket notification message');
    }
  });
  await sub.subscribe(channel);
  return sub;
}
