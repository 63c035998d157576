// The shared-mode service (server/main.ts) bundled for Node: `npm run server` builds and starts it.
// pg stays an external dependency (node_modules); src/ and the SQL migrations are bundled in.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'server/main.ts',
    outDir: '.vite/server',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'main.js', format: 'es' } },
  },
  logLevel: 'warn',
});
