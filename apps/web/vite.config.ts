import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { precompress } from './vite-plugins/precompress';

// The API server runs on :3000 and, in production, serves dist/ itself; in development the
// dev server forwards /api (including the realtime WebSocket) so cookies stay same-origin.
export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/bench/web-bundle.ts reads the manifest to measure each portal's initial JS.
    manifest: true,
  },
});
