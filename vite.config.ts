import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest lives at the root of the repository; the plugin emits it and links it. */
const manifest = JSON.parse(readFileSync(new URL('./manifest.webmanifest', import.meta.url), 'utf8')) as Partial<ManifestOptions>;

/** Largest file precached: the content pack (every challenge, offline) is the big one. */
const MAX_PRECACHED_BYTES = 10 * 1024 * 1024;

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // 'prompt': a new version never reloads an open page; src/pwa asks when no test is open.
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      manifest,
      includeAssets: ['icons/*.png', 'icons/*.svg', 'robots.txt'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,json,csv,txt,md,xml,ics,vcf,py,fods,fodt,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/content\//],
        maximumFileSizeToCacheInBytes: MAX_PRECACHED_BYTES,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
