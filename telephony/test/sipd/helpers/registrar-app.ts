// A register handler for test apps: RFC 2617 digest challenge (qop=auth), verification, and a
// table of bindings. Stateless per connection, as drachtio may route the retry to another app.
import { createHash, randomBytes } from 'node:crypto';
import type Srf from 'drachtio-srf';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function parseDigest(h: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of h.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g))
    out[m[1] ?? ''] = m[2] ?? m[3] ?? '';
  return out;
}

export interface Registrations {
  bindings: Map<string, string>;
  challenges: number;
}

export function registerHandler(
  srf: Srf,
  passwords: Record<string, string>,
  realm = 'hotline.test',
): Registrations {
  const state: Registrations = { bindings: new Map(), challenges: 0 };
  srf.use('register', (req, res) => {
    const auth = req.get('Authorization');
    const user = /sip:([^@]+)@/.exec(req.getParsedHeader('To').uri)?.[1] ?? '';
    if (!auth) {
      state.challenges++;
      res.send(401, {
        headers: {
          'WWW-Authenticate': `Digest realm="${realm}", nonce="${randomBytes(8).toString('hex')}", qop="auth", algorithm=MD5`,
        },
      });
      return;
    }
    const d = parseDigest(auth);
    const pw = passwords[d.username ?? ''];
    const ha1 = md5(`${d.username}:${realm}:${pw}`);
    const ha2 = md5(`REGISTER:${d.uri}`);
    const expected = md5(`${ha1}:${d.nonce}:${d.nc}:${d.cnonce}:${d.qop}:${ha2}`);
    if (pw === undefined || expected !== d.response || d.username !== user) {
      res.send(403);
      return;
    }
    const contact = req.getParsedHeader('Contact')[0]?.uri ?? '';
    const expires = Number(req.get('Expires') || 300);
    if (expires === 0) state.bindings.delete(user);
    else state.bindings.set(user, contact);
    res.send(200, { headers: { Contact: `<${contact}>;expires=${expires}`, Expires: String(expires) } });
  });
  return state;
}
