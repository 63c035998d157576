// An import's rows are written in chunks of 1,000, each with its audit entries, the next chunk
// asked for while the one before it is still being written (issue 10: awaiting every step left
// IndexedDB idle between them), all in the import's one transaction.
import { describe, expect, it } from 'vitest';
import { validateOrganization } from '../../../src/catalog/organization';
import { DomainError } from '../../../src/errors';
import type { StoredOrganization } from '../../../renderer/db/database';
import { addImported } from '../../../renderer/db/repositories/import-transaction';
import { freshStore, orgDraft } from './helpers';

const ROWS = 2_500;

/** Validated drafts with distinct CUIs (the import worker checked them; the repository does not again). */
function drafts(count: number) {
  const base = validateOrganization(orgDraft()).value;
  return Array.from({ length: count }, (_, i) => ({ ...base, cui: String(10_000_000 + i), name: `Asociația Import ${i + 1}` }));
}

describe('an import written in chunks', () => {
  it('asks for the next chunk before the one before it is written; progress after each chunk, in order; one audit entry per record, with the user', async () => {
    const store = await freshStore();
    await store.settings.saveInstitution({ ...(await store.settings.getInstitution()), userName: 'Ioana Pop' });
    // A stored NGO's shape, then ROWS records of it with their own ids, CUIs and names.
    const [shape] = await store.organizations.importMany(drafts(1), undefined, { validated: true });
    const many: StoredOrganization[] = Array.from({ length: ROWS }, (_, i) => ({ ...shape!, id: `rand-${i}`, cui: String(20_000_000 + i), name: `ONG ${i + 1}` }));
    const steps: string[] = [];
    let asked = 0;
    const table = {
      bulkAdd(items: StoredOrganization[]) {
        const chunk = ++asked;
        steps.push(`asked ${chunk}`);
        return store.db.organizations.bulkAdd(items).then((keys) => {
          steps.push(`written ${chunk}`);
          return keys;
        });
      },
    };
    const progress: number[] = [];
    const auditBefore = await store.db.audit.count();
    await store.db.transaction('rw', [store.db.organizations, store.db.audit, store.db.settings], () =>
      addImported(store.db, table, 'organizations', many, '2026-12-07T10:00:00.000Z', (done, total) => {
        expect(total).toBe(ROWS);
        progress.push(done);
      }),
    );
    // The second chunk was asked for while the first was still being written.
    expect(steps.indexOf('asked 2')).toBeLessThan(steps.indexOf('written 1'));
    expect(steps.filter((s) => s.startsWith('asked'))).toHaveLength(3);
    expect(progress).toEqual([1_000, 2_000, 2_500]);
    expect(await store.db.organizations.where('id').startsWith('rand-').count()).toBe(ROWS);
    const entries = await store.db.audit.where('at').equals('2026-12-07T10:00:00.000Z').toArray();
    expect(entries).toHaveLength(ROWS);
    expect(await store.db.audit.count()).toBe(auditBefore + ROWS);
    expect(new Set(entries.map((e) => e.entityId)).size).toBe(ROWS);
    expect(entries.every((e) => e.user === 'Ioana Pop' && e.action === 'import' && e.entity === 'organizations')).toBe(true);
    expect(entries.find((e) => e.entityId === 'rand-2499')?.label).toBe('ONG 2500');
  });

  it('a row of the third chunk that fails rolls back the two chunks before it and their audit entries', async () => {
    const store = await freshStore();
    const rows = drafts(ROWS);
    // The same CUI in the first chunk and in the third (as two rows of a file the worker let through).
    rows[2_300] = { ...rows[2_300]!, cui: rows[10]!.cui };
    const auditBefore = await store.db.audit.count();
    const progress: number[] = [];
    const error = await store.organizations.importMany(rows, (done) => progress.push(done), { validated: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toMatch(/^Importul a eșuat și a fost anulat în întregime; nicio înregistrare nu a fost modificată\. Motiv: o înregistrare intră în conflict/);
    expect(await store.db.organizations.count()).toBe(0);
    expect(await store.db.audit.count()).toBe(auditBefore);
    expect(progress.at(-1) ?? 0).toBeLessThan(ROWS);
  });
});
