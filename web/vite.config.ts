import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = fileURLToPath(new URL('..', import.meta.url));
const apiServer = 'http://127.0.0.1:3000';

// Run from the repository root: `npx vite --config web/vite.config.ts` (dev) or `npx vite build --config web/vite.config.ts`.
export default defineConfig({
  root: webDir,
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // The app imports schemas and labels from ../common.
    fs: { allow: [repoDir] },
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/metrics': apiServer,
    },
  },
});
