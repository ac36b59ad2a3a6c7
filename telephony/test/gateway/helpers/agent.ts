// A simulated agent browser: sip.js in Node over ws, registered with the server-issued HMAC
// credentials, with a non-WebRTC session description handler (plain RTP SDP; no media flows).
import {
  type Invitation,
  Inviter,
  Registerer,
  RegistererState,
  type Session,
  type SessionDescriptionHandler,
  SessionState,
  UserAgent,
} from 'sip.js';
import { WebSocket } from 'ws';
import { agentPassword } from '../../../src/gateway/domain/agent-credentials.ts';

const g = globalThis as { WebSocket?: unknown };
g.WebSocket ??= WebSocket;

function sdp(port: number, direction = 'sendrecv'): string {
  return `v=0\r\no=agent 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio ${port} RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=${direction}\r\n`;
}

let nextPort = 41000;

function plainSdh(received: string[]): () => SessionDescriptionHandler {
  return () => {
    const port = nextPort++;
    return {
      close() {},
      getDescription: async (options?: { hold?: boolean }) => ({
        body: sdp(port, options?.hold ? 'sendonly' : 'sendrecv'),
        contentType: 'application/sdp',
      }),
      hasDescription: (ct: string) => ct === 'application/sdp',
      setDescription: async (s: string) => {
        received.push(s);
      },
      sendDtmf: () => true,
    } as SessionDescriptionHandler;
  };
}

export interface TestAgent {
  agentId: string;
  ua: UserAgent;
  invitations: Invitation[];
  /** Headers of every INVITE received, in order. */
  offers: Array<Record<string, string>>;
  sdps: string[];
  answer: 'auto' | 'manual' | 'reject';
  register(): Promise<void>;
  /** Start a call; `outcome` resolves with the final status (200, 403, …). */
  call(target: string, headers?: string[]): Promise<{ inviter: Inviter; outcome: Promise<number> }>;
  established(): Promise<Session>;
  stop(): Promise<void>;
}

export async function startAgent(opts: {
  server: string;
  agentId: string;
  secret: string;
  answer?: 'auto' | 'manual' | 'reject';
  /** Credential lifetime from now, seconds. */
  ttlSec?: number;
  password?: string;
}): Promise<TestAgent> {
  const username = `${opts.agentId}.${Math.floor(Date.now() / 1000) + (opts.ttlSec ?? 3600)}`;
  const invitations: Invitation[] = [];
  const offers: Array<Record<string, string>> = [];
  const sdps: string[] = [];
  const waiters: Array<(s: Session) => void> = [];
  const agent: TestAgent = {
    agentId: opts.agentId,
    ua: undefined as unknown as UserAgent,
    invitations,
    offers,
    sdps,
    answer: opts.answer ?? 'auto',
    register: async () => {},
    call: async () => undefined as never,
    established: () => new Promise((r) => waiters.push(r)),
    stop: async () => {},
  };
  const watch = (s: Session) =>
    s.stateChange.addListener((st) => {
      if (st === SessionState.Established) for (const w of waiters.splice(0)) w(s);
    });
  const ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${username}@hotline`),
    transportOptions: { server: opts.server, traceSip: process.env.GW_TEST_TRACE === '1' },
    authorizationUsername: username,
    authorizationPassword: opts.password ?? agentPassword(opts.secret, username),
    sessionDescriptionHandlerFactory: plainSdh(sdps),
    logLevel: process.env.GW_TEST_TRACE === '1' ? 'log' : 'error',
    logBuiltinEnabled: process.env.GW_TEST_TRACE === '1',
    delegate: {
      onInvite: (inv) => {
        invitations.push(inv);
        const h: Record<string, string> = {};
        for (const [name, values] of Object.entries(inv.request.headers)) {
          if (name.toLowerCase().startsWith('x-hotline'))
            h[name.toLowerCase()] = String(values[0]?.raw ?? '');
        }
        offers.push(h);
        watch(inv);
        if (agent.answer === 'auto') void inv.accept().catch(() => {});
        else if (agent.answer === 'reject') {
          agent.answer = 'manual'; // reject the first offer only
          void inv.reject({ statusCode: 486 }).catch(() => {});
        } else void inv.progress().catch(() => {});
      },
    },
  });
  agent.ua = ua;
  await ua.start();
  const registerer = new Registerer(ua, { expires: 300 });
  agent.register = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('register timeout')), 10_000);
      registerer.stateChange.addListener((s) => {
        if (s === RegistererState.Registered) {
          clearTimeout(timer);
          resolve();
        }
      });
      registerer
        .register({
          requestDelegate: {
            onReject: (r) => {
              clearTimeout(timer);
              reject(new Error(`rejected ${r.message.statusCode}`));
            },
          },
        })
        .catch(reject);
    });
  agent.call = async (target, headers = []) => {
    const inviter = new Inviter(ua, UserAgent.makeURI(target)!, { extraHeaders: headers });
    watch(inviter);
    let done: (n: number) => void = () => {};
    const outcome = new Promise<number>((r) => {
      done = r;
    });
    await inviter.invite({
      requestDelegate: {
        onAccept: (r) => done(r.message.statusCode ?? 200),
        onReject: (r) => done(r.message.statusCode ?? 0),
      },
    });
    return { inviter, outcome };
  };
  agent.stop = async () => {
    if (!ua.isConnected()) {
      // a browser that vanished (its WebSocket closed by the test): its un-REGISTER and BYE cannot
      // be delivered, and sip.js would wait out its transaction timers (~26 s) in stop()
      let t: NodeJS.Timeout | undefined;
      await Promise.race([ua.stop().catch(() => {}), new Promise((r) => (t = setTimeout(r, 500)))]);
      clearTimeout(t);
      return;
    }
    await ua.stop().catch(() => {});
  };
  return agent;
}

export function waitState(s: Session, state: SessionState, ms = 10_000): Promise<void> {
  if (s.state === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`session not ${state} (is ${s.state})`)), ms);
    s.stateChange.addListener((st) => {
      if (st === state) {
        clearTimeout(t);
        resolve();
      }
    });
  });
}
