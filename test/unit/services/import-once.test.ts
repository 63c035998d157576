// The import as the dialog runs it: the rows are validated once (the worker's preview, here its
// main-thread twin), the valid drafts go to the repository as they are, and the write
// transaction still refuses what the database no longer allows, changing nothing.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors';
import { readAndPreviewInWorker } from '../../../renderer/io/import-client';
import { commitImport, importContext } from '../../../renderer/services/imports';
import { freshStore, orgDraft } from '../db/helpers';
import { issueTuples } from '../import/helpers';

const CSV = [
  'Denumire;CUI;Localitate;Județ',
  'Asociația Bună;18547290;Cluj-Napoca;Cluj',
  'Asociația CUI greșit;18547291;Cluj-Napoca;Cluj',
  ';13548146;Dej;Cluj',
  'Asociația Deja în catalog;4305857;Turda;Cluj',
  'Fundația Bună;14235864;Florești;Cluj',
].join('\n');

describe('import validated once, stored as validated', () => {
  it('refuses the bad rows (row, column, reason), stores only the valid ones with one audit entry each, and a later conflict changes nothing', async () => {
    const store = await freshStore();
    await store.organizations.create(orgDraft({ name: 'Existent', cui: '4305857' }));
    const before = { organizations: await store.db.organizations.count(), audit: await store.db.audit.count() };

    const read = await readAndPreviewInWorker(new TextEncoder().encode(CSV), 'catalog.csv', 'organizations', await importContext(store, 'organizations'));
    const issues = issueTuples(read.preview.issues);
    expect(issues.map(([row, column]) => [row, column])).toEqual([
      [3, 'CUI'],
      [4, 'Denumire'],
      [5, 'CUI'],
    ]);
    expect(issues[0]![3]).toMatch(/cifra de control greșită/);
    expect(issues[1]![3]).toMatch(/denumire/i);
    expect(issues[2]![3]).toBe('CUI-ul 4305857 există deja în catalog.');
    // Reading and checking the file wrote nothing.
    expect(await store.db.organizations.count()).toBe(before.organizations);

    const drafts = read.preview.validRows.map((r) => r.draft);
    expect(drafts.map((d) => d.name)).toEqual(['Asociația Bună', 'Fundația Bună']);
    expect(await commitImport(store, 'organizations', drafts)).toBe(2);
    expect(await store.db.organizations.count()).toBe(before.organizations + 2);
    expect(await store.db.audit.filter((e) => e.action === 'import').count()).toBe(2);

    // The same rows again (their CUIs are in the catalog now): refused whole, nothing written.
    const after = { organizations: await store.db.organizations.count(), audit: await store.db.audit.count() };
    const error = await commitImport(store, 'organizations', drafts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toMatch(/nicio înregistrare nu a fost modificată.*CUI-ul 18547290 aparține deja ONG-ului „Asociația Bună”/);
    expect({ organizations: await store.db.organizations.count(), audit: await store.db.audit.count() }).toEqual(after);
  });
});
