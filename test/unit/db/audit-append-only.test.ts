import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('audit log', () => {
  it('is append-only: no code path updates, replaces or deletes an entry', () => {
    const offenders = [...sourceFiles('renderer'), ...sourceFiles('src')].filter((file) =>
      /\baudit\s*(as [^)]*\))?\s*\.\s*(put|bulkPut|update|bulkUpdate|delete|bulkDelete|clear|modify)\s*\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('is written only by the audit module: no other file adds to it directly', () => {
    const offenders = [...sourceFiles('renderer'), ...sourceFiles('src')]
      .filter((file) => !file.endsWith(join('db', 'audit-log.ts')))
      .filter((file) => /\baudit\s*(as [^)]*\))?\s*\.\s*(add|bulkAdd)\s*\(|table\(\s*['"]audit['"]\s*\)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('is out of reach of the screens: they get repositories, never the database handle', () => {
    const offenders = ['renderer/screens', 'renderer/components', 'renderer/services']
      .flatMap(sourceFiles)
      .filter((file) => /\bstore\.db\b|from '\.\.\/(\.\.\/)?db\/(database|audit-log)'/.test(readFileSync(file, 'utf8').replace(/import type [^;]+;/g, '')));
    expect(offenders).toEqual([]);
  });
});
