// SIP/SIPS URI parsing: just what routing needs (scheme, user, host, port, params).
import { parseParams, splitHostPort } from './headers.ts';

export interface SipUri {
  scheme: 'sip' | 'sips';
  user: string | undefined;
  host: string;
  port: number | undefined;
  params: Map<string, string | undefined>;
}

export function parseUri(raw: string): SipUri | undefined {
  const m = /^(sips?):(?:([^@]*)@)?([^;?]+)(;[^?]*)?(\?.*)?$/i.exec(raw.trim());
  if (!m) return undefined;
  const hp = splitHostPort(m[3] ?? '');
  if (!hp?.host) return undefined;
  const user = m[2] === undefined ? undefined : (m[2].split(':')[0] ?? '');
  return {
    scheme: (m[1] ?? 'sip').toLowerCase() as 'sip' | 'sips',
    user,
    host: hp.host,
    port: hp.port,
    params: parseParams(m[4] ?? ''),
  };
}

/** Lower-case transport param of a URI (`udp` when absent). */
export function uriTransport(uri: SipUri): string {
  return (uri.params.get('transport') ?? (uri.scheme === 'sips' ? 'tls' : 'udp')).toLowerCase();
}

/** `user@host` key used to find a registered client's connection. */
export function aorKey(uri: SipUri): string {
  return `${uri.user ?? ''}@${uri.host}`.toLowerCase();
}

/** The URI without parameters or headers (used to build a To from a R-URI). */
export function bareUri(raw: string): string {
  const u = parseUri(raw);
  if (!u) return raw;
  const hostPort = u.port === undefined ? u.host : `${u.host}:${u.port}`;
  return `${u.scheme}:${u.user === undefined ? '' : `${u.user}@`}${hostPort}`;
}
