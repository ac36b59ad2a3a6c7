// API contract: call recordings (录音) — GET /api/calls/:callId/recording/meta (JSON below) and
// GET /api/calls/:callId/recording?purpose=… (audio/wav, HTTP Range). The console imports types only.
import Type, { type Static } from 'typebox';

/**
 * The hotline call id a recording is filed under ("20261128T213712-9f2c4a1b"); a transferred call's
 * queue id ("<callId>.t1") names the same call. Letters, digits, '_' and '-' only: never a path.
 */
export const RECORDING_CALL_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}(\\.t[0-9]{1,3})?$';

/** Why a recording is played (recorded in the audit log with every playback). */
export const PLAYBACK_PURPOSES = ['quality', 'complaint', 'supervision', 'ticket', 'callback'] as const;
export type PlaybackPurpose = (typeof PLAYBACK_PURPOSES)[number];

const Iso = Type.Union([Type.String(), Type.Null()]);
export const RecordingInfoSchema = Type.Object({
  callId: Type.String(),
  durationMs: Type.Integer(),
  /** Size of the WAV in bytes. */
  bytes: Type.Integer(),
  sampleRate: Type.Integer(),
  /** WAV channel order: ['caller', 'hotline'] — left the caller, right the agent side. */
  channels: Type.Array(Type.String()),
  filedAt: Type.String(),
  /** Deleted after this instant (regulation: kept at least 2 years). */
  retainUntil: Type.String(),
  arrivedAt: Iso,
  answeredAt: Iso,
  endedAt: Iso,
  /** Masked (138****5678) for every role that does not read personal data in plain. */
  callerNumber: Type.Union([Type.String(), Type.Null()]),
  agentId: Type.Union([Type.String(), Type.Null()]),
  queue: Type.Union([Type.String(), Type.Null()]),
});
export type RecordingInfo = Static<typeof RecordingInfoSchema>;
