// Converts a generated document to PDF with LibreOffice headless and reads it back with poppler
// (pdfinfo, pdftotext), to check that the DOCX and XLSX files really open, paginate and keep
// their text. CI installs both; on a developer machine without them the callers pass over it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let available: boolean | undefined;

/** LibreOffice (soffice) and poppler (pdfinfo, pdftotext) are on the PATH. Checked once. */
export function sofficeAvailable(): boolean {
  if (available === undefined) {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
      execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

export interface RenderedPdf {
  pdfPath: string;
  pageCount: number;
  /** The PDF's text in reading order, white space folded to single spaces. */
  text: string;
}

/**
 * Writes `bytes` as `baseName` (with its extension, e.g. "lista.docx") in a fresh temporary
 * folder, converts it to PDF there and returns the page count and the text. Each call has its own
 * folder and LibreOffice profile, so test files running in parallel do not collide.
 * LibreOffice runs under an English locale (LC_ALL=en_US.UTF-8), as on a computer not set to
 * Romanian, so a test sees what such a computer prints.
 */
export function convertToPdf(bytes: Uint8Array, baseName: string): RenderedPdf {
  const dir = mkdtempSync(join(tmpdir(), 'subventii-pdf-'));
  const input = join(dir, baseName);
  writeFileSync(input, bytes);
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
    stdio: 'ignore',
    timeout: 120_000,
    env: { ...process.env, LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
  });
  const pdfPath = join(dir, baseName.replace(/\.[^.]+$/, '') + '.pdf');
  if (!existsSync(pdfPath)) throw new Error(`LibreOffice did not convert ${baseName} to PDF.`);
  // To look at the pages: SUBVENTII_PDF_DIR=/some/folder npx vitest run … keeps a copy of every file and its PDF there.
  const keep = process.env.SUBVENTII_PDF_DIR;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    copyFileSync(pdfPath, join(keep, baseName.replace(/\.[^.]+$/, '') + '.pdf'));
    copyFileSync(input, join(keep, baseName));
  }
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  // A cell's text wrapped over two lines reads as one phrase once white space is folded.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { pdfPath, pageCount, text };
}
