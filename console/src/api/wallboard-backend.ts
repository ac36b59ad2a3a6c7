// The wallboard's live feed (1 Hz snapshots) from the server's wallboard channel.
import type { WallboardSnapshot } from '../domain/wallboard-model.ts';

export interface WallboardFeed {
  subscribe(cb: (s: WallboardSnapshot) => void): () => void;
  close(): void;
}
