// Thin adapter over npm rtpengine-client (ng protocol over UDP). A timeout means rtpengine is down
// (GW_MEDIA_UNAVAILABLE); a {result:"error"} reply means it refused the command (GW_MEDIA_REFUSED).
// UDP has no connection: when rtpengine comes back, the next command simply works.
// @ts-expect-error rtpengine-client ships no type declarations
import rtpengineClient from 'rtpengine-client';
import { TelephonyError } from '../../errors.ts';
import type { NgCommand } from './ng-commands.ts';

export interface NgReply {
  result: string;
  sdp?: string;
  duration?: number;
  'error-reason'?: string;
  [key: string]: unknown;
}

export interface MediaEngine {
  send(cmd: NgCommand): Promise<NgReply>;
  close(): void;
}

const METHOD_BY_COMMAND: Record<string, string> = {
  offer: 'offer',
  answer: 'answer',
  delete: 'delete',
  query: 'query',
  ping: 'ping',
  'start recording': 'startRecording',
  'stop recording': 'stopRecording',
  'block media': 'blockMedia',
  'unblock media': 'unblockMedia',
  'play media': 'playMedia',
  'stop media': 'stopMedia',
  'play DTMF': 'playDTMF',
  'block DTMF': 'blockDTMF',
  'unblock DTMF': 'unblockDTMF',
};

type ClientLike = Record<string, (port: number, host: string, opts?: object) => Promise<NgReply>> & {
  close(): void;
  on(ev: 'error', cb: (e: unknown) => void): void;
};

export function createMediaEngine(target: { host: string; port: number; timeoutMs: number }): MediaEngine {
  const Client = (rtpengineClient as unknown as { Client: new (o: object) => ClientLike }).Client;
  const client = new Client({ localAddress: '127.0.0.1', timeout: target.timeoutMs });
  client.on('error', () => {}); // late replies after a timeout: already reported by the timeout
  return {
    async send(cmd: NgCommand): Promise<NgReply> {
      const method = METHOD_BY_COMMAND[cmd.command];
      if (!method) throw new RangeError(`unsupported rtpengine command ${cmd.command}`);
      const { command: _ignored, ...opts } = cmd;
      let reply: NgReply;
      try {
        reply = await client[method]!(target.port, target.host, opts);
      } catch (e) {
        throw new TelephonyError(
          'GW_MEDIA_UNAVAILABLE',
          `rtpengine ${cmd.command}: ${(e as Error).message ?? e}`,
        );
      }
      if (reply.result === 'error') {
        throw new TelephonyError(
          'GW_MEDIA_REFUSED',
          `rtpengine ${cmd.command}: ${reply['error-reason'] ?? 'error'}`,
        );
      }
      return reply;
    },
    close: () => client.close(),
  };
}
