import { describe, expect, it } from 'vitest';
import {
  answerCommand,
  offerCommand,
  playDtmfCommand,
  playMediaCommand,
} from '../../src/gateway/media/ng-commands.ts';

describe('rtpengine ng command builders', () => {
  it('offers plain RTP to a WebRTC browser with the proven flags and recording', () => {
    const c = offerCommand({
      callId: 'c1',
      fromTag: 'f',
      sdp: 'v=0',
      target: 'webrtc',
      record: { metadata: 'hotline-call-id:h1' },
    });
    expect(c).toMatchObject({
      command: 'offer',
      ICE: 'force',
      DTLS: 'passive',
      SDES: ['off'],
      'transport-protocol': 'UDP/TLS/RTP/SAVPF',
      'rtcp-mux': ['require'],
      'record call': 'yes',
    });
    expect(c.flags).toContain('generate-mid');
  });
  it('answers toward a plain RTP party with ICE removed and rtcp demuxed', () => {
    const c = answerCommand({ callId: 'c1', fromTag: 'f', toTag: 't', sdp: 'v=0', target: 'plain' });
    expect(c).toMatchObject({
      command: 'answer',
      ICE: 'remove',
      'transport-protocol': 'RTP/AVP',
      'rtcp-mux': ['demux'],
    });
  });
  it('does not force DTLS=passive on answers to browser-originated calls', () => {
    const c = answerCommand({
      callId: 'c',
      fromTag: 'f',
      toTag: 't',
      sdp: 'v=0',
      target: 'webrtc',
      browserOriginated: true,
    });
    expect(c.DTLS).toBeUndefined();
  });
  it('builds play media and rejects non-DTMF digits', () => {
    expect(playMediaCommand('c', 'f', '/p/hold.wav', 99)).toEqual({
      command: 'play media',
      'call-id': 'c',
      'from-tag': 'f',
      file: '/p/hold.wav',
      'repeat-times': 99,
    });
    expect(playDtmfCommand('c', 'f', '5').code).toBe('5');
    expect(() => playDtmfCommand('c', 'f', '55')).toThrow(RangeError);
  });
});
