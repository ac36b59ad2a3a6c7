// Deterministic mutations of valid SIP messages for the fuzz test (seeded PRNG, reproducible).

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SDP =
  'v=0\r\no=f 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n';

export function validMessage(rnd: () => number, i: number, via: string): string {
  const methods = ['INVITE', 'OPTIONS', 'REGISTER', 'BYE', 'INFO', 'ACK', 'CANCEL', 'NOTIFY', 'MESSAGE'];
  const method = methods[Math.floor(rnd() * methods.length)] ?? 'OPTIONS';
  const body = method === 'INVITE' ? SDP : method === 'MESSAGE' ? 'hello 你好' : '';
  const toTag = method === 'BYE' || method === 'INFO' || rnd() < 0.1 ? `;tag=t${i}` : '';
  const lines = [
    `${method} sip:fuzz${i}@127.0.0.1 SIP/2.0`,
    `Via: SIP/2.0/${via} 127.0.0.1:9;branch=z9hG4bKfuzz${i}x${Math.floor(rnd() * 1e9)}`,
    'Max-Forwards: 70',
    `From: <sip:f@127.0.0.1>;tag=f${i}`,
    `To: <sip:fuzz${i}@127.0.0.1>${toTag}`,
    `Call-ID: fuzz-${i}-${Math.floor(rnd() * 1e9)}@127.0.0.1`,
    `CSeq: ${1 + (i % 50)} ${method}`,
    'Contact: <sip:f@127.0.0.1:9>',
  ];
  if (body)
    lines.push(
      method === 'INVITE' ? 'Content-Type: application/sdp' : 'Content-Type: text/plain;charset=utf-8',
    );
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export type Mutation = (msg: Buffer, rnd: () => number) => Buffer<ArrayBufferLike>;

const text =
  (f: (s: string, rnd: () => number) => string): Mutation =>
  (m, rnd) =>
    Buffer.from(f(m.toString('latin1'), rnd), 'latin1');

export const MUTATIONS: Record<string, Mutation> = {
  truncated: (m, rnd) => m.subarray(0, Math.floor(rnd() * m.length)),
  duplicatedHeaders: text((s, rnd) => {
    const lines = s.split('\r\n');
    const i = 1 + Math.floor(rnd() * 7);
    lines.splice(i, 0, lines[i] ?? '', `CSeq: ${Math.floor(rnd() * 9)} BYE`);
    return lines.join('\r\n');
  }),
  badContentLength: text((s, rnd) => {
    const v = ['-1', '99999999', 'abc', '4294967296', '', '1e3', String(Math.floor(rnd() * 5000))][
      Math.floor(rnd() * 7)
    ];
    return s.replace(/Content-Length: \d+/, `Content-Length: ${v}`);
  }),
  hugeHeader: text((s, rnd) =>
    s.replace('\r\n', `\r\nX-Huge: ${'A'.repeat(1000 + Math.floor(rnd() * 70_000))}\r\n`),
  ),
  invalidUtf8: (m, rnd) => {
    const b = Buffer.from(m);
    for (let k = 0; k < 8; k++)
      b[Math.floor(rnd() * b.length)] = [0xff, 0xc3, 0x80, 0xfe, 0xed][k % 5] ?? 0xff;
    return b;
  },
  wrongCSeq: text((s, rnd) => {
    const v = ['0 INVITE', 'x BYE', '99999999999 INVITE', '1 FOO', '', '-5 ACK', '1'][Math.floor(rnd() * 7)];
    return s.replace(/CSeq: [^\r]*/, `CSeq: ${v}`);
  }),
  missingHeader: text((s, rnd) => {
    const h = ['Via', 'From', 'To', 'Call-ID', 'CSeq'][Math.floor(rnd() * 5)];
    return s.replace(new RegExp(`${h}: [^\\r]*\\r\\n`), '');
  }),
  badStartLine: text((s, rnd) => {
    const v = [
      'INVITE  SIP/2.0',
      'SIP/2.0 99 Weird',
      'HELLO',
      'SIP/2.0 200',
      'INVITE sip:x SIP/3.0',
      '\0\0\0',
    ][Math.floor(rnd() * 6)];
    return s.replace(/^[^\r]*/, v ?? '');
  }),
  byteFlips: (m, rnd) => {
    const b = Buffer.from(m);
    for (let k = 0; k < 1 + Math.floor(rnd() * 20); k++)
      b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
    return b;
  },
  badVia: text((s) => s.replace(/Via: [^\r]*/, 'Via: SIP/2.0/UDP ;branch=;;;rport=abc')),
  foldedAndEmpty: text((s) => s.replace('\r\nMax-Forwards: 70', '\r\nMax-Forwards:\r\n 70\r\n:\r\nX-Empty:')),
};

export function mutate(valid: string, rnd: () => number): { name: string; bytes: Buffer } {
  const names = Object.keys(MUTATIONS);
  let bytes: Buffer = Buffer.from(valid, 'utf8');
  const first = names[Math.floor(rnd() * names.length)] ?? 'truncated';
  bytes = (MUTATIONS[first] as Mutation)(bytes, rnd);
  if (rnd() < 0.3) {
    const second = names[Math.floor(rnd() * names.length)] ?? 'truncated';
    bytes = (MUTATIONS[second] as Mutation)(bytes, rnd);
    return { name: `${first}+${second}`, bytes };
  }
  return { name: first, bytes };
}
