import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['queue', 'server', 'telephony', 'console', 'test'],
  },
});
