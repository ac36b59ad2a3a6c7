// 录音 through the server (server/src/contracts/recordings.ts): the metadata as JSON, the audio as a
// URL for <audio src> (same-origin cookie; the server answers Range requests so the player can seek).
import type { PlaybackPurpose, RecordingInfo } from '../../../server/src/contracts/recordings.ts';
import { api } from '../api/http.ts';
import { config } from '../config.ts';

export type { PlaybackPurpose, RecordingInfo };

/** The purposes the server accepts (contracts/recordings.ts PLAYBACK_PURPOSES), in menu order. */
export const PURPOSES: readonly PlaybackPurpose[] = [
  'quality',
  'complaint',
  'supervision',
  'ticket',
  'callback',
];

export interface RecordingsApi {
  meta(callId: string): Promise<RecordingInfo>;
  audioUrl(callId: string, purpose: PlaybackPurpose): string;
}

export const recordingsApi: RecordingsApi = {
  meta: (callId) => api<RecordingInfo>('GET', `/api/calls/${encodeURIComponent(callId)}/recording/meta`),
  audioUrl: (callId, purpose) =>
    `${config.apiBase}/api/calls/${encodeURIComponent(callId)}/recording?purpose=${encodeURIComponent(purpose)}`,
};
