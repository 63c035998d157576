import { describe, expect, it } from 'vitest';
import { canonicalJson, createBackup, parseBackup, planRestore, serializeBackup } from '../../../src/backup/backup-file';

const options = { maxSchemaVersion: 2, knownTables: ['organizations', 'audit'] };

describe('backup file', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'ș' }] })).toBe(canonicalJson({ a: [{ c: 'ș', d: 2 }], b: 1 }));
  });

  it('accepts its own file, also when re-formatted, and refuses one with a changed byte', async () => {
    const file = await createBackup({ schemaVersion: 2, appVersion: '0.1.0', tables: { organizations: [{ id: 'a', name: 'Șansa' }], audit: [] } });
    expect((await parseBackup(serializeBackup(file), options)).ok).toBe(true);
    expect((await parseBackup(JSON.stringify(file, null, 2), options)).ok).toBe(true);
    const altered = await parseBackup(serializeBackup(file).replace('Șansa', 'Sansa'), options);
    expect(altered).toEqual({ ok: false, message: expect.stringMatching(/suma de control/) });
  });

  it('refuses unknown tables and newer schemas', async () => {
    const foreign = await createBackup({ schemaVersion: 2, appVersion: '0.1.0', tables: { parole: [] } });
    expect(await parseBackup(serializeBackup(foreign), options)).toEqual({ ok: false, message: expect.stringMatching(/tabel necunoscut/) });
    const newer = await createBackup({ schemaVersion: 3, appVersion: '0.2.0', tables: {} });
    expect(await parseBackup(serializeBackup(newer), options)).toEqual({ ok: false, message: expect.stringMatching(/mai nouă/) });
  });

  it('plans a restore per table and never removes from append-only tables', () => {
    const plan = planRestore(
      { organizations: [{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'c', v: 1 }], audit: [{ id: 'x' }, { id: 'y' }] },
      { organizations: [{ id: 'a', v: 1 }, { id: 'b', v: 2 }, { id: 'd', v: 1 }], audit: [{ id: 'z' }] },
      ['audit'],
    );
    expect(plan).toEqual([
      { table: 'audit', added: 1, changed: 0, removed: 0, unchanged: 0 },
      { table: 'organizations', added: 1, changed: 1, removed: 1, unchanged: 1 },
    ]);
  });
});
