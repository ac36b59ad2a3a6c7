// socket.io on the fastify server: cookie-session auth, Redis adapter, the /agent and /wallboard
// namespaces, the queue-event relay and the wallboard ticker.
import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Namespace, Server, type Socket } from 'socket.io';
import { agentViewToPush } from '../agent/agent-view.ts';
import { changeAgentState } from '../agent/change-agent-state.ts';
import { SESSION_COOKIE } from '../auth/auth-plugin.ts';
import { can, type Permission } from '../auth/policy.ts';
import type { Session } from '../auth/session-store.ts';
import { loadIntervalSeries } from '../calls/interval-series.ts';
import type {
  AgentClientToServer,
  AgentServerToClient,
  WallboardServerToClient,
} from '../contracts/realtime.ts';
import { AppError, ERRORS } from '../errors.ts';
import { agentPushFor } from './agent-push.ts';
import { startEventRelay } from './event-relay.ts';
import { Wallboard } from './wallboard.ts';

export interface Realtime {
  io: Server;
  wallboard: Wallboard;
  /** Disconnect every socket of a session, on every instance (logout, revocation). */
  disconnectSession(sid: string): Promise<void>;
}

function authError(code: 'UNAUTHENTICATED' | 'FORBIDDEN') {
  const err = new Error(ERRORS[code].en) as Error & { data: { code: string } };
  err.data = { code };
  return err;
}

function guard(app: FastifyInstance, ns: Namespace, permission: Permission) {
  ns.use((socket, next) => {
    const header = socket.handshake.headers.cookie;
    const sid = header ? app.parseCookie(header)[SESSION_COOKIE] : undefined;
    app.sessions
      .get(sid)
      .then((s) => {
        if (!s) return next(authError('UNAUTHENTICATED'));
        if (!can(s.user.roles, permission)) return next(authError('FORBIDDEN'));
        socket.data.session = s;
        socket.join(`session:${s.sid}`);
        next();
      })
      .catch(() => next(authError('UNAUTHENTICATED')));
  });
}

export const realtimePlugin = fp(
  async (app: FastifyInstance) => {
    const io = new Server(app.server, { serveClient: false, transports: ['websocket', 'polling'] });
    const pub = app.redis.duplicate({ connectionName: 'hotline-sio-pub' });
    const sub = app.redis.duplicate({ connectionName: 'hotline-sio-sub' });
    io.adapter(createAdapter(pub, sub, { key: `${app.config.redisPrefix}socket.io` }));

    const agentNs = io.of('/agent') as Namespace<AgentClientToServer, AgentServerToClient>;
    const wallNs = io.of('/wallboard') as Namespace<Record<string, never>, WallboardServerToClient>;
    guard(app, agentNs as Namespace, 'agent.use');
    guard(app, wallNs as Namespace, 'wallboard.view');

    const wallboard = new Wallboard(app.acd, {
      intervalMs: app.config.wallboardIntervalMs,
      answerRateTarget: app.config.answerRateTarget,
      queues: app.config.wallboardQueues.split(',').filter(Boolean),
      emitSnapshot: (s) => wallNs.local.emit('wallboard:snapshot', s),
      emitLive: (l) => wallNs.local.emit('wallboard:live', l),
      onError: (err) => app.log.error({ err }, 'wallboard'),
      intervals: (now) => loadIntervalSeries(app.db, now),
    });

    agentNs.on('connection', (socket: Socket<AgentClientToServer, AgentServerToClient>) => {
      const s = socket.data.session as Session;
      socket.join(`agent:${s.user.id}`);
      app.acd
        .getAgent(s.user.id)
        .then((a) => socket.emit('agent:state', agentViewToPush(a, s.user.id)))
        .catch((err) => app.log.error({ err }, 'agent initial state'));
      socket.on('agent:set-state', (req, ack) => {
        if (typeof ack !== 'function') return;
        changeAgentState(app.acd, s.user.id, req)
          .then((value) => ack({ ok: true, value }))
          .catch((e: unknown) => {
            const code = e instanceof AppError ? e.code : 'INTERNAL';
            if (!(e instanceof AppError)) app.log.error({ err: e }, 'agent:set-state');
            ack({ ok: false, error: { code, message: ERRORS[code].en } });
          });
      });
    });
    wallNs.on('connection', (socket) => {
      const last = wallboard.latest();
      if (last) socket.emit('wallboard:snapshot', last);
    });

    const relay = startEventRelay(
      app.redis,
      app.acd.eventsKey,
      (events) => {
        for (const e of events) {
          const p = agentPushFor(e, app.acd.config.wrapUpSec * 1000);
          if (p) agentNs.local.to(`agent:${p.agentId}`).emit(p.event, p.payload as never);
        }
        wallboard.onEvents(events);
      },
      (err) => app.log.error({ err }, 'queue event relay'),
    );
    wallboard.start();

    const realtime: Realtime = {
      io,
      wallboard,
      async disconnectSession(sid) {
        agentNs.in(`session:${sid}`).disconnectSockets(true);
        wallNs.in(`session:${sid}`).disconnectSockets(true);
      },
    };
    app.realtime = realtime;
    app.addHook('preClose', async () => {
      wallboard.stop();
      await relay.stop();
      io.local.disconnectSockets(true);
      await new Promise<void>((r) => io.close(() => r()));
      // quit (not disconnect): the adapter may still have UNSUBSCRIBEs in flight.
      await Promise.allSettled([pub.quit(), sub.quit()]);
    });
  },
  { name: 'hotline-realtime', dependencies: ['@fastify/cookie'] },
);
