// Converts a generated document to PDF with LibreOffice headless and reads it back with poppler,
// to check that Word-format files really open and paginate. CI installs both (.ci/run).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function sofficeAvailable(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface RenderedPdf {
  pdfPath: string;
  pageCount: number;
  text: string;
}

/** Writes `bytes` as `<baseName>`, converts it to PDF in a fresh folder and extracts page count and text. */
export function convertToPdf(bytes: Uint8Array, fileName: string): RenderedPdf {
  const dir = mkdtempSync(join(tmpdir(), 'subventii-doc-'));
  const input = join(dir, fileName);
  writeFileSync(input, bytes);
  const profile = `file://${join(dir, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'ignore', timeout: 120_000 });
  const pdfPath = input.replace(/\.[^.]+$/, '.pdf');
  readFileSync(pdfPath); // throws when LibreOffice could not convert the file
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const pageCount = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  // Reading order, white space folded: a cell's text wrapped over two lines reads as one phrase.
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { pdfPath, pageCount, text };
}
