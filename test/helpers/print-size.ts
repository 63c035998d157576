// The smallest printed text of a PDF, from the height of its words' boxes (pdftotext -bbox): for
// Arial/Liberation Sans a word's box is about 1.3 times the font size (measured: 10 pt → 13.0).
import { execFileSync } from 'node:child_process';

export function smallestTextPoints(pdfPath: string): number {
  const xml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
  const heights = [...xml.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
  return Math.min(...heights) / 1.3;
}
