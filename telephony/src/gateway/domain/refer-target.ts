// What an agent's REFER asks for (transfers and "leave the three-way call"). Pure.
//  - Refer-To: <sip:agent-<agentId>@…>             blind transfer to another agent
//  - Refer-To: <sip:queue-<queueId>@…>             blind transfer to a queue
//  - Refer-To: <sip:…?Replaces=<callid>%3Bto-tag%3D…%3Bfrom-tag%3D…>   attended transfer: connect the
//    caller with the far end of the agent's OTHER call (a consulted agent, or the 110/119/120/122 /
//    utility line of a three-way call) and let the referring agent leave.

export type ReferTarget =
  | { kind: 'agent'; agentId: string }
  | { kind: 'queue'; queueId: string }
  | { kind: 'replaces'; callId: string; toTag: string; fromTag: string };

export function parseReferTo(value: string | undefined): ReferTarget | undefined {
  if (!value) return undefined;
  const uri = /<([^>]+)>/.exec(value)?.[1] ?? value.trim();
  const q = uri.indexOf('?');
  if (q >= 0) {
    const params = new URLSearchParams(uri.slice(q + 1));
    const replaces = params.get('Replaces') ?? params.get('replaces');
    if (!replaces) return undefined;
    const [callId = '', ...rest] = replaces.split(';');
    const get = (k: string) => rest.find((p) => p.toLowerCase().startsWith(`${k}=`))?.slice(k.length + 1);
    const toTag = get('to-tag');
    const fromTag = get('from-tag');
    if (!callId || !toTag || !fromTag) return undefined;
    return { kind: 'replaces', callId, toTag, fromTag };
  }
  const user = /^sips?:([^@;]+)@/.exec(uri)?.[1];
  const m = user ? /^(agent|queue)-([A-Za-z0-9_-]{1,64})$/.exec(user) : null;
  if (!m) return undefined;
  return m[1] === 'agent' ? { kind: 'agent', agentId: m[2]! } : { kind: 'queue', queueId: m[2]! };
}
