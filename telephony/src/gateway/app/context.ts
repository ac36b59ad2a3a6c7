// Everything a gateway request handler needs, built once by startGateway (app/gateway.ts).
import type { Acd } from '@hotline/queue';
import type Srf from 'drachtio-srf';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../../config.ts';
import type { CallRecords } from '../adapters/call-records.ts';
import type { CallerHistory } from '../adapters/caller-history.ts';
import type { RegistrationStore } from '../adapters/registrations.ts';
import type { DigestSettings } from '../domain/digest-auth.ts';
import type { OutboundPolicy } from '../domain/outbound-policy.ts';
import type { TrunkAcl } from '../domain/trunk-acl.ts';
import type { MediaSink } from '../media/media-sink.ts';
import type { MediaEngine } from '../media/rtpengine.ts';
import type { CallRegistry } from './call-registry.ts';
import type { InboundCall } from './inbound-call.ts';

export interface GatewayContext {
  cfg: Readonly<GatewayConfig>;
  srf: Srf;
  redis: Redis;
  acd: Acd;
  media: MediaEngine;
  sink: MediaSink;
  regs: RegistrationStore;
  records: CallRecords;
  /** Repeat callers and recent abandons, by number (routing only). */
  history: CallerHistory;
  acl: TrunkAcl;
  digest: DigestSettings;
  policy: OutboundPolicy;
  calls: CallRegistry;
  log: Logger;
  now: () => number;
  prompt: (name: string) => string;
  /** Set by stop(): the process is going away; its calls are left for the next process to adopt
   * (a failed agent ping during shutdown is not a vanished browser). */
  stopping?: boolean;
  /** REFER from an agent leg (transfers, leaving a three-way call): set by app/gateway.ts. */
  onRefer?: (call: InboundCall, req: Srf.SrfRequest, res: Srf.SrfResponse) => Promise<void>;
}
