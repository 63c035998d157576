// The same renderer served as a plain web application (`npm run web`, `npm run build:web`).
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import { contentTypeFor, IMMUTABLE, isContentHashed } from './server/cache-policy.ts';
import { rendererConfig } from './vite.shared.ts';

/**
 * `vite preview` answers every file with "Cache-Control: no-cache", so the browser asks again for
 * each of the build's files at every start. The service does not (server/cache-policy.ts): the
 * preview serves the content-hashed files as it does, so that it and the browser benchmarks load
 * the build as a workstation does.
 */
function serviceCachePolicy(): Plugin {
  return {
    name: 'subventii-preview-cache-policy',
    configurePreviewServer(server) {
      const root = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        if ((req.method !== 'GET' && req.method !== 'HEAD') || !isContentHashed(pathname)) return next();
        const file = join(root, pathname);
        const info = file.startsWith(root) ? statSync(file, { throwIfNoEntry: false }) : undefined;
        if (!info?.isFile()) return next();
        res.writeHead(200, { 'content-type': contentTypeFor(extname(file)), 'content-length': info.size, 'cache-control': IMMUTABLE });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
      });
    },
  };
}

export default defineConfig(
  mergeConfig(rendererConfig(), {
    base: './',
    plugins: [serviceCachePolicy()],
    build: { outDir: 'dist-web', emptyOutDir: true },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  }),
);
