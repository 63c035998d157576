// The same renderer served as a plain web application (`npm run web`, `npm run build:web`).
import { defineConfig, mergeConfig } from 'vite';
import { rendererConfig } from './vite.shared.ts';

export default defineConfig(
  mergeConfig(rendererConfig(), {
    base: './',
    build: { outDir: 'dist-web', emptyOutDir: true },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  }),
);
