// rtpengine ng command builders (pure). Flags are the ones proven with sip.js in Chromium on this
// machine kind (shared/notes/test-rig.md):
//   plain RTP → WebRTC: ICE=force, DTLS=passive, SDES-off, UDP/TLS/RTP/SAVPF, rtcp-mux require, generate-mid
//   WebRTC → plain RTP: ICE=remove, RTP/AVP, rtcp-mux demux
// "Legs" are named by their SIP From/To tags; rtpengine identifies a call by the caller leg's Call-ID.

export type LegKind = 'plain' | 'webrtc';

export interface NgCommand {
  command: string;
  'call-id': string;
  [key: string]: unknown;
}

interface SdpStep {
  callId: string;
  fromTag: string;
  toTag?: string | undefined;
  sdp: string;
  /** What the party RECEIVING the produced SDP speaks. */
  target: LegKind;
  /** True when the browser originated this call (do not force DTLS=passive on its answer). */
  browserOriginated?: boolean;
  record?: { metadata: string } | undefined;
  /** Allow `play DTMF` on this call (must be on both offer and answer). */
  injectDtmf?: boolean;
}

function sdpFlags(step: SdpStep, phase: 'offer' | 'answer'): Record<string, unknown> {
  const flags = ['trust-address', ...(step.injectDtmf ? ['inject-DTMF'] : [])];
  const replace = ['origin', 'session-connection'];
  if (step.target === 'webrtc') {
    return {
      ICE: 'force',
      ...(phase === 'answer' && step.browserOriginated ? {} : { DTLS: 'passive' }),
      SDES: ['off'],
      'transport-protocol': 'UDP/TLS/RTP/SAVPF',
      'rtcp-mux': ['require'],
      flags: [...flags, 'generate-mid'],
      replace,
      // Keep G.711 on the browser leg: recordings stay decodable without an Opus decoder.
      codec: { mask: ['opus', 'G722', 'ISAC', 'ILBC', 'CN'] },
    };
  }
  return {
    ICE: 'remove',
    'transport-protocol': 'RTP/AVP',
    'rtcp-mux': ['demux'],
    flags,
    replace,
  };
}

export function offerCommand(step: SdpStep): NgCommand {
  return {
    command: 'offer',
    'call-id': step.callId,
    'from-tag': step.fromTag,
    ...(step.toTag ? { 'to-tag': step.toTag } : {}),
    sdp: step.sdp,
    ...sdpFlags(step, 'offer'),
    ...(step.record ? { 'record call': 'yes', metadata: step.record.metadata } : {}),
  };
}

export function answerCommand(step: SdpStep & { toTag: string }): NgCommand {
  return {
    command: 'answer',
    'call-id': step.callId,
    'from-tag': step.fromTag,
    'to-tag': step.toTag,
    sdp: step.sdp,
    ...sdpFlags(step, 'answer'),
  };
}

export function deleteCommand(callId: string, fromTag?: string): NgCommand {
  return { command: 'delete', 'call-id': callId, ...(fromTag ? { 'from-tag': fromTag } : {}) };
}

/** Play a WAV to the party whose SIP tag is `toPartyTag` (rtpengine selects it by `from-tag`). */
export function playMediaCommand(
  callId: string,
  toPartyTag: string,
  file: string,
  repeatTimes = 1,
): NgCommand {
  return {
    command: 'play media',
    'call-id': callId,
    'from-tag': toPartyTag,
    file,
    'repeat-times': repeatTimes,
  };
}

export function stopMediaCommand(callId: string, toPartyTag: string): NgCommand {
  return { command: 'stop media', 'call-id': callId, 'from-tag': toPartyTag };
}

/** Stop forwarding what `fromPartyTag` sends (hold: the agent does not hear the caller and vice versa). */
export function blockMediaCommand(callId: string, fromPartyTag: string): NgCommand {
  return { command: 'block media', 'call-id': callId, 'from-tag': fromPartyTag };
}

export function unblockMediaCommand(callId: string, fromPartyTag: string): NgCommand {
  return { command: 'unblock media', 'call-id': callId, 'from-tag': fromPartyTag };
}

/** RFC 2833 digits toward the party whose tag is `toPartyTag`. Requires inject-DTMF on offer and answer. */
export function playDtmfCommand(
  callId: string,
  toPartyTag: string,
  digit: string,
  durationMs = 160,
): NgCommand {
  if (!/^[0-9*#A-D]$/.test(digit)) throw new RangeError(`not a DTMF digit: ${JSON.stringify(digit)}`);
  return {
    command: 'play DTMF',
    'call-id': callId,
    'from-tag': toPartyTag,
    code: digit,
    duration: durationMs,
  };
}

export function startRecordingCommand(callId: string, metadata?: string): NgCommand {
  return { command: 'start recording', 'call-id': callId, ...(metadata ? { metadata } : {}) };
}

export function queryCommand(callId: string): NgCommand {
  return { command: 'query', 'call-id': callId };
}
