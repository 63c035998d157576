import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { START_CHUNK_LIMIT_BYTES, startChunk } from '../../scripts/check-start-chunk.mjs';

// Issue 10: the JavaScript index.html loads stays under 600 kB; the screens (with the DataGrid),
// the documents (docx, exceljs) and the demo data load on demand. The web server of the e2e suite
// has just built dist-web/; the page it serves is the one checked.
test('the start chunk is under 600 kB and holds no screen, grid or document library', async ({ page, request }) => {
  const dist = join(process.cwd(), 'dist-web');
  const served = await (await request.get('/')).text();
  expect(served).toBe(readFileSync(join(dist, 'index.html'), 'utf8'));

  const { files, bytes } = startChunk(dist);
  expect(files.length).toBeGreaterThan(0);
  expect(bytes).toBeLessThan(START_CHUNK_LIMIT_BYTES);
  const code = files.map((f) => readFileSync(join(dist, f.file), 'utf8')).join('\n');
  expect(code).not.toContain('MuiDataGrid'); // the grid
  expect(code).not.toContain('Date demonstrative'); // the demo data set
  expect(code).not.toContain('word/document.xml'); // docx
  expect(code).not.toContain('xl/workbook.xml'); // exceljs

  // The catalog still opens: its screen and the grid arrive as chunks of their own.
  const loaded: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) loaded.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await page.goto('/#/catalog');
  await expect(page.getByRole('grid', { name: 'Catalog ONG' })).toBeVisible();
  expect(loaded.some((name) => name.startsWith('catalog-screen'))).toBe(true);
});
