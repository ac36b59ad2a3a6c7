// sip.js user agents in Node over `ws`: a global WebSocket and a non-WebRTC session description
// handler that answers every offer with a fixed SDP (signalling tests only, no media).
import {
  type Invitation,
  Registerer,
  RegistererState,
  type SessionDescriptionHandler,
  UserAgent,
} from 'sip.js';
import { WebSocket } from 'ws';

const g = globalThis as { WebSocket?: unknown };
g.WebSocket ??= WebSocket;

export const CLIENT_SDP =
  'v=0\r\no=sipjs 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 7000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n';

export function fixedSdh(received: string[] = []): () => SessionDescriptionHandler {
  return () => ({
    close() {},
    getDescription: async () => ({ body: CLIENT_SDP, contentType: 'application/sdp' }),
    hasDescription: (ct: string) => ct === 'application/sdp',
    setDescription: async (sdp: string) => {
      received.push(sdp);
    },
    sendDtmf: () => true,
  });
}

export interface WsClient {
  ua: UserAgent;
  registerer: Registerer;
  invitations: Invitation[];
  sdps: string[];
  register(): Promise<void>;
  stop(): Promise<void>;
}

export async function wsClient(opts: {
  server: string;
  user: string;
  password?: string;
  onInvite?: (inv: Invitation) => void;
}): Promise<WsClient> {
  const invitations: Invitation[] = [];
  const sdps: string[] = [];
  const ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${opts.user}@127.0.0.1`),
    transportOptions: { server: opts.server, traceSip: false },
    authorizationUsername: opts.user,
    authorizationPassword: opts.password ?? 'secret',
    sessionDescriptionHandlerFactory: fixedSdh(sdps),
    logLevel: 'error',
    logBuiltinEnabled: false,
    delegate: {
      onInvite: (inv) => {
        invitations.push(inv);
        opts.onInvite?.(inv);
      },
    },
  });
  await ua.start();
  const registerer = new Registerer(ua, { expires: 300 });
  return {
    ua,
    registerer,
    invitations,
    sdps,
    register: () =>
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
            requestDelegate: { onReject: (r) => reject(new Error(`rejected ${r.message.statusCode}`)) },
          })
          .catch(reject);
      }),
    stop: async () => {
      await ua.stop().catch(() => {});
    },
  };
}
