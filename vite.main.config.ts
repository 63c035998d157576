// Main process bundle (.vite/build/main.cjs). Electron Forge's Vite plugin merges in the entry,
// the CommonJS output, the externals (electron, Node built-ins) and the MAIN_WINDOW_VITE_* defines.
import { defineConfig } from 'vite';

// https://vitejs.dev/config
export default defineConfig({});
