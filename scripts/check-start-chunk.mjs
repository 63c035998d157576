// The start chunk: the JavaScript that the built index.html loads before anything is on screen
// (its module script and the modules it preloads). Issue 10: under 600 kB uncompressed; the
// screens, the DataGrid, demo data and documents are loaded on demand.
// `node scripts/check-start-chunk.mjs [dist-web]` prints the files and fails above the limit; the
// e2e suite (test/e2e/start-chunk.spec.ts) and the browser benchmarks run the same check.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const START_CHUNK_LIMIT_BYTES = 600 * 1000;

/** The JS files index.html loads (script src and modulepreload href) and their sizes in bytes. */
export function startChunk(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const files = [...new Set(urls)].map((url) => ({ file: url, bytes: statSync(join(distDir, url)).size }));
  return { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dist = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist-web'));
  const { files, bytes } = startChunk(dist);
  for (const f of files) console.log(`${(f.bytes / 1000).toFixed(1).padStart(9)} kB  ${f.file}`);
  const ok = files.length > 0 && bytes < START_CHUNK_LIMIT_BYTES;
  console.log(`${(bytes / 1000).toFixed(1).padStart(9)} kB  start chunk (limit ${START_CHUNK_LIMIT_BYTES / 1000} kB): ${ok ? 'ok' : 'TOO BIG'}`);
  if (!ok) process.exit(1);
}
