// Preload bundle (.vite/build/preload.cjs). Electron Forge's Vite plugin merges in the entry and the
// single-file CommonJS output; everything but 'electron' is bundled, as a sandboxed preload requires.
import { defineConfig } from 'vite';

// https://vitejs.dev/config
export default defineConfig({});
