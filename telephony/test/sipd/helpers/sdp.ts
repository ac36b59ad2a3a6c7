export const APP_SDP =
  'v=0\r\no=app 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6200 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n';

/** The SIP user part of a request URI (`sip:busy@host` → `busy`). */
export function service(uri: string): string {
  return /^sips?:([^@]+)@/.exec(uri)?.[1] ?? '';
}
