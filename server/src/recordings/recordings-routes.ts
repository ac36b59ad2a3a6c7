// 录音 playback through the server:
//   GET /api/calls/:callId/recording/meta      duration, size, retention, the call (number masked, read audited)
//   GET /api/calls/:callId/recording?purpose=… the WAV (audio/wav) with HTTP Range, so <audio> can seek;
//                                              every GET is audited as `recording.play` (who, call, purpose, range)
// Who may: recordings-permissions.ts. Where the files are: find-recording.ts (GATEWAY_RECORDINGS_DIR).
import send from '@fastify/send';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  PLAYBACK_PURPOSES,
  RECORDING_CALL_ID_PATTERN,
  type RecordingInfo,
  RecordingInfoSchema,
} from '../contracts/recordings.ts';
import { AppError } from '../errors.ts';
import { presentPersonalData } from '../privacy/personal-data.ts';
import { type FoundRecording, findRecording, recordingWav } from './find-recording.ts';
import { assertMayPlay, loadCallHistory, recordingCallId } from './recording-access.ts';

const tags = ['recordings'];
const Params = Type.Object({ callId: Type.String({ pattern: RECORDING_CALL_ID_PATTERN }) });
const AUDIO = {
  description: 'WAV, 8 kHz 16-bit stereo (left caller, right agent side); 206 for a Range request',
  content: { 'audio/wav': { schema: { type: 'string', format: 'binary' } } },
};

const iso = (ms: string | number | undefined) => {
  const n = Number(ms);
  return ms !== undefined && ms !== '' && Number.isFinite(n) && n > 0 ? new Date(n).toISOString() : null;
};

export async function recordingsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  /** Find the recording and check the user may hear it (404 before 403: nothing to hide from the policy). */
  async function load(req: FastifyRequest, rawId: string): Promise<FoundRecording> {
    const callId = recordingCallId(rawId);
    const history = await loadCallHistory(app.db, callId);
    const found = await findRecording(app.config.recordingsDir, callId, history.arrivedAt, Date.now());
    await assertMayPlay(req, found.meta, history);
    return found;
  }

  app.get(
    '/api/calls/:callId/recording/meta',
    {
      config: { permission: 'recordings.play', auditObject: 'call' },
      schema: {
        tags,
        summary:
          '录音信息 Recording of a call: duration, size, retention (caller number masked, read audited)',
        params: Params,
        response: { 200: RecordingInfoSchema },
      },
    },
    async (req) => {
      const found = await load(req, req.params.callId);
      const { meta } = found;
      const wav = await recordingWav(found);
      const info: RecordingInfo = {
        callId: meta.callId,
        durationMs: meta.wav?.durationMs ?? 0,
        bytes: wav.bytes,
        sampleRate: meta.wav?.sampleRate ?? 8000,
        channels: meta.wav?.channels ?? [],
        filedAt: new Date(meta.filedAt).toISOString(),
        retainUntil: new Date(meta.retainUntil).toISOString(),
        arrivedAt: iso(meta.call.arrivedAt),
        answeredAt: iso(meta.call.answeredAt),
        endedAt: iso(meta.call.endedAt),
        callerNumber: meta.call.caller ?? null,
        agentId: meta.call.agentId ?? null,
        queue: meta.call.queue ?? null,
      };
      return presentPersonalData(req, {
        objectType: 'call',
        objectId: meta.callId,
        record: info,
        fields: { callerNumber: 'phone' },
      });
    },
  );

  app.get(
    '/api/calls/:callId/recording',
    {
      config: { permission: 'recordings.play', auditObject: 'call' },
      schema: {
        tags,
        summary: '播放录音 Play a call recording (audio/wav, Range; every playback audited with its purpose)',
        params: Params,
        querystring: Type.Object(
          {
            /** quality 质检 · complaint 投诉核查 · supervision 督办 · ticket 工单办理 · callback 回访 */
            purpose: Type.Enum([...PLAYBACK_PURPOSES]),
          },
          { additionalProperties: false },
        ),
        response: { 200: AUDIO, 206: AUDIO },
      },
    },
    async (req, reply) => {
      const found = await load(req, req.params.callId);
      const wav = await recordingWav(found);
      const r = await send(req.raw, `/${encodeURIComponent(wav.name)}`, {
        root: found.dir,
        acceptRanges: true,
        cacheControl: false,
        contentType: false,
        dotfiles: 'deny',
        index: false,
        etag: true,
        lastModified: true,
      });
      if (r.type === 'error') {
        r.stream.destroy();
        if (r.statusCode === 416) {
          reply.header('content-range', String(r.headers['Content-Range'] ?? `bytes */${wav.bytes}`));
          throw new AppError('RECORDING_RANGE_NOT_SATISFIABLE', { callId: found.meta.callId });
        }
        if (r.statusCode === 404) throw new AppError('RECORDING_NOT_FOUND', { callId: found.meta.callId });
        throw new AppError('BAD_REQUEST', { status: r.statusCode });
      }
      if (req.method !== 'HEAD')
        await req.audit('recording.play', 'call', found.meta.callId, {
          purpose: req.query.purpose,
          range: req.headers.range ?? null,
          status: r.statusCode,
          via: req.params.callId === found.meta.callId ? undefined : req.params.callId,
        });
      reply
        .code(r.statusCode as 200)
        .headers(r.headers)
        .header('content-type', 'audio/wav')
        .header('content-disposition', `inline; filename="${found.meta.callId}.wav"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff');
      return reply.send(r.stream);
    },
  );
}
