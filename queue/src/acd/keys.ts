// Redis key names (the layout is documented in queue/README.md). The Lua side derives the same
// names from the prefix (redis/lua/lib.lua).

export interface Keys {
  prefix: string;
  events: string;
  agents: string;
  ready: string;
  staffed: string;
  queues: string;
  agent(id: string): string;
  call(id: string): string;
  queue(name: string): string;
  arrivals(name: string): string;
  metrics(bucketStartMs: number): string;
}

export function keysFor(prefix: string): Keys {
  return {
    prefix,
    events: `${prefix}:events`,
    agents: `${prefix}:agents`,
    ready: `${prefix}:ready`,
    staffed: `${prefix}:staffed`,
    queues: `${prefix}:queues`,
    agent: (id) => `${prefix}:agent:${id}`,
    call: (id) => `${prefix}:call:${id}`,
    queue: (name) => `${prefix}:q:${name}`,
    arrivals: (name) => `${prefix}:arr:${name}`,
    metrics: (b) => `${prefix}:m:${b}`,
  };
}
