// The smallest WebRTC agent for the media e2e test: sip.js in Chromium, registers, auto-answers with
// the (fake) microphone, and reports RTP counters from getStats. Bundled by the test with Vite.
import { Registerer, RegistererState, UserAgent } from 'sip.js';

let session;
globalThis.mediaAgent = {
  async start({ server, username, password }) {
    const ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:${username}@hotline`),
      transportOptions: { server },
      authorizationUsername: username,
      authorizationPassword: password,
      logLevel: 'error',
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: 500,
        peerConnectionConfiguration: { iceServers: [] },
      },
      delegate: {
        onInvite(inv) {
          session = inv;
          void inv.accept({
            sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
          });
        },
      },
    });
    await ua.start();
    const reg = new Registerer(ua, { expires: 300 });
    await new Promise((resolve, reject) => {
      reg.stateChange.addListener((s) => s === RegistererState.Registered && resolve());
      reg.register({
        requestDelegate: { onReject: (r) => reject(new Error(`register ${r.message.statusCode}`)) },
      });
    });
  },
  state: () => session?.state ?? 'none',
  async stats() {
    const pc = session?.sessionDescriptionHandler?.peerConnection;
    const out = { inboundPackets: 0, outboundPackets: 0, inboundLevel: 0 };
    if (!pc) return out;
    for (const s of (await pc.getStats()).values()) {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        out.inboundPackets += s.packetsReceived ?? 0;
        out.inboundLevel = Math.max(out.inboundLevel, s.audioLevel ?? 0);
      }
      if (s.type === 'outbound-rtp' && s.kind === 'audio') out.outboundPackets += s.packetsSent ?? 0;
    }
    return out;
  },
};
