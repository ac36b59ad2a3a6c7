// The smallest WebRTC agent for the media e2e tests: sip.js in Chromium. It registers, answers offers
// (or ignores / rejects them), places calls with extra headers (three-way, 回访 callback, refused
// numbers), transfers (REFER to a URI, or with Replaces to leave a three-way call), mixes a three-way
// call in WebAudio like the console does, hangs up, and reports RTP counters and audio levels from
// getStats. Its microphone is Chromium's fake capture device (a WAV tone) or, with `toneHz`, a WebAudio
// oscillator, so two agents in one browser sound different. Bundled by the test with Vite.
import { Inviter, Registerer, RegistererState, SessionState, UserAgent, Web } from 'sip.js';

/** label → session: "in" is the latest offer received, "out" the latest call placed. */
const sessions = {};
/** Every INVITE received: its X-Hotline-* headers and what became of it. */
const offers = [];
/** Remote audio is played so Chromium decodes it and getStats reports audioLevel (headless: no sound). */
const players = {};
/**
 * The fake microphone plays a steady test tone: Chromium's noise suppression and gain control would
 * fade it out within seconds (they take a constant tone for noise), so audio processing is off.
 */
const MEDIA = {
  constraints: {
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    video: false,
  },
};
let ua;
let answerMode = 'auto';
let mixer;

function oscillatorMic(hz) {
  return async () => {
    const ctx = new AudioContext();
    await ctx.resume();
    const osc = ctx.createOscillator();
    osc.frequency.value = hz;
    const gain = ctx.createGain();
    gain.gain.value = 0.5;
    const dest = ctx.createMediaStreamDestination();
    osc.connect(gain).connect(dest);
    osc.start();
    return dest.stream;
  };
}

function play(label, session) {
  const sdh = session.sessionDescriptionHandler;
  if (!sdh) return;
  let el = players[label];
  if (!el) {
    el = new Audio();
    el.autoplay = true;
    players[label] = el;
  }
  el.srcObject = sdh.remoteMediaStream;
  void el.play().catch(() => undefined);
}

function track(label, session, offer) {
  sessions[label] = session;
  session.stateChange.addListener((s) => {
    if (s === SessionState.Established) play(label, session);
    if (offer) offer.state = s;
  });
}

function hotlineHeaders(request) {
  const h = {};
  for (const [name, values] of Object.entries(request.headers)) {
    if (name.toLowerCase().startsWith('x-hotline')) h[name.toLowerCase()] = String(values[0]?.raw ?? '');
  }
  return h;
}

function onInvite(inv) {
  const offer = { headers: hotlineHeaders(inv.request), state: inv.state };
  offers.push(offer);
  track('in', inv, offer);
  if (answerMode === 'auto') {
    void inv.accept({ sessionDescriptionHandlerOptions: MEDIA });
  } else if (answerMode === 'reject') {
    void inv.reject({ statusCode: 486 });
  } else {
    void inv.progress(); // rings and never answers
  }
}

function session(label) {
  const s = sessions[label];
  if (!s) throw new Error(`no session "${label}"`);
  return s;
}

async function stats(label) {
  const out = { inboundPackets: 0, outboundPackets: 0, inboundLevel: 0, inboundEnergy: 0 };
  const pc = sessions[label]?.sessionDescriptionHandler?.peerConnection;
  if (!pc) return out;
  for (const s of (await pc.getStats()).values()) {
    if (s.type === 'inbound-rtp' && s.kind === 'audio') {
      out.inboundPackets += s.packetsReceived ?? 0;
      out.inboundLevel = Math.max(out.inboundLevel, s.audioLevel ?? 0);
      out.inboundEnergy += s.totalAudioEnergy ?? 0;
    }
    if (s.type === 'outbound-rtp' && s.kind === 'audio') out.outboundPackets += s.packetsSent ?? 0;
  }
  return out;
}

globalThis.mediaAgent = {
  /** Register with the gateway. answer: "auto" | "ignore" (ring, never answer) | "reject" (486). */
  async start({ server, username, password, toneHz, answer = 'auto' }) {
    answerMode = answer;
    ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:${username}@hotline`),
      transportOptions: { server },
      authorizationUsername: username,
      authorizationPassword: password,
      logLevel: 'error',
      sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory(
        toneHz ? oscillatorMic(toneHz) : undefined,
      ),
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: 500,
        peerConnectionConfiguration: { iceServers: [] },
      },
      delegate: { onInvite },
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
  setAnswer(mode) {
    answerMode = mode;
  },
  offers: () => offers,
  state: (label = 'in') => sessions[label]?.state ?? 'none',
  /** Place a call; resolves with the final status (200, 403, …) and the INVITE's Call-ID. */
  async call(target, headers = []) {
    const inviter = new Inviter(ua, UserAgent.makeURI(target), {
      extraHeaders: headers,
      sessionDescriptionHandlerOptions: MEDIA,
    });
    track('out', inviter);
    const status = await new Promise((resolve, reject) => {
      inviter
        .invite({
          requestDelegate: {
            onAccept: (r) => resolve(r.message.statusCode ?? 200),
            onReject: (r) => resolve(r.message.statusCode ?? 0),
          },
        })
        .catch(reject);
    });
    return { status, callId: inviter.request.callId };
  },
  /** Blind transfer (REFER) of a session to a URI such as sip:agent-b@hotline. */
  async transfer(target, label = 'in') {
    await session(label).refer(UserAgent.makeURI(target));
  },
  /** Leave a three-way call: REFER the caller's session with Replaces for the third party's. */
  async leave() {
    await session('in').refer(session('out'));
  },
  /** Three-way mixing (rtpengine 10.5 cannot mix): each far party hears the microphone and the other. */
  async mix() {
    const a = session('in').sessionDescriptionHandler;
    const b = session('out').sessionDescriptionHandler;
    const ctx = new AudioContext();
    await ctx.resume();
    const src = (s) => ctx.createMediaStreamSource(s);
    const mic = src(a.localMediaStream);
    const fromCaller = src(a.remoteMediaStream);
    const fromThird = src(b.remoteMediaStream);
    const toCaller = ctx.createMediaStreamDestination();
    const toThird = ctx.createMediaStreamDestination();
    mic.connect(toCaller);
    mic.connect(toThird);
    fromThird.connect(toCaller);
    fromCaller.connect(toThird);
    const sender = (pc) => pc.getSenders().find((x) => x.track?.kind === 'audio');
    await sender(a.peerConnection).replaceTrack(toCaller.stream.getAudioTracks()[0]);
    await sender(b.peerConnection).replaceTrack(toThird.stream.getAudioTracks()[0]);
    mixer = ctx;
  },
  /** RFC 4733 telephone-events on the session's RTP (RTCDTMFSender), e.g. "5". */
  async dtmf(tones, label = 'in') {
    const ok = session(label).sessionDescriptionHandler.sendDtmf(tones, { duration: 160, interToneGap: 80 });
    if (!ok) throw new Error('the browser could not send DTMF (no telephone-event negotiated)');
  },
  async hangup(label = 'in') {
    const s = session(label);
    if (s.state === SessionState.Established) await s.bye();
    else if (s.state === SessionState.Establishing && s instanceof Inviter) await s.cancel();
  },
  stats,
  async stop() {
    await mixer?.close().catch(() => undefined);
    await ua?.stop().catch(() => undefined);
  },
};
