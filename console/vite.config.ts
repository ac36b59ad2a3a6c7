import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Dev server proxies the API and socket.io to the server (HOTLINE_SERVER, default 127.0.0.1:8080).
// In production the server serves console/dist (see README.md).
const server = process.env.HOTLINE_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 700 },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
