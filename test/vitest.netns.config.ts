// The real-media scenarios (e2e/media/*.netns.ts). They need a private network namespace (only lo),
// so the `test` project does not collect them: e2e/media/run-in-netns.sh runs them with this config
// inside `unshare -n`, and e2e/media/netns-suite.test.ts (in the `test` project) runs that script and
// reports each scenario. One file at a time (each starts its own sipd, gateway, rtpengine, Chromium),
// in one worker without isolation so the generated voice prompts and the agent bundle are made once.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'media-netns',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['e2e/media/**/*.netns.ts'],
    fileParallelism: false,
    isolate: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
