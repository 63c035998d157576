// Renderer build used by Electron Forge (`npm start`, `npm run make`).
import { defineConfig } from 'vite';
import { rendererConfig } from './vite.shared.ts';

export default defineConfig(rendererConfig());
