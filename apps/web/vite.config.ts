import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './vite-plugins/precompress';
import { technicianPrecache } from './vite-plugins/technician-precache';

// The API server runs on :3000 and, in production, serves dist/ itself; in development the
// dev server forwards /api (including the realtime WebSocket) so cookies stay same-origin.
export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    // The technician app works offline: src/field-sw.ts precaches the app shell (registered by the technician portal),
    // only the technician's own files: the other portals stay on the network.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'field-sw.ts',
      injectRegister: null,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,wasm,png,svg,woff2,webmanifest}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        manifestTransforms: [technicianPrecache(fileURLToPath(new URL('./dist', import.meta.url)))],
      },
      manifest: {
        name: 'ChargeCars Monteur',
        short_name: 'Monteur',
        description: 'De dag van de monteur: bezoeken, checklist, onderdelen en handtekening, ook zonder bereik.',
        lang: 'nl-NL',
        start_url: '/technician',
        scope: '/',
        display: 'standalone',
        background_color: '#f9fafb',
        theme_color: '#05603a',
        icons: [
          { src: '/field-icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/field-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
    }),
    precompress(),
  ],
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
    rolldownOptions: {
      output: {
        // Everything the entry imports statically is loaded on every page anyway: one file instead of six
        // means fewer round trips on a slow link (HTTP/1.1 opens at most six at a time) and compresses better.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
});
