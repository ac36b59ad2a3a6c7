// While a caller waits there is no second party: rtpengine still needs an answer for the call, so
// the "far side" is parked on a UDP socket of ours that swallows RTP. Prompts and hold music are
// played toward the caller by rtpengine meanwhile. One sink per gateway process.
import dgram from 'node:dgram';

export interface MediaSink {
  port: number;
  /** An SDP answer that points the far side of a parked call at the sink. */
  parkSdp(): string;
  close(): Promise<void>;
}

export async function openMediaSink(host = '127.0.0.1'): Promise<MediaSink> {
  const sock = dgram.createSocket('udp4');
  sock.on('message', () => {});
  sock.on('error', () => {});
  await new Promise<void>((resolve) => sock.bind(0, host, resolve));
  const port = sock.address().port;
  return {
    port,
    parkSdp: () =>
      [
        'v=0',
        `o=- 1 1 IN IP4 ${host}`,
        's=hotline-park',
        `c=IN IP4 ${host}`,
        't=0 0',
        `m=audio ${port} RTP/AVP 0 8 101`,
        'a=rtpmap:0 PCMU/8000',
        'a=rtpmap:8 PCMA/8000',
        'a=rtpmap:101 telephone-event/8000',
        'a=fmtp:101 0-16',
        'a=sendrecv',
        '',
      ].join('\r\n'),
    close: () => new Promise<void>((resolve) => sock.close(() => resolve())),
  };
}
