// Rows from an import preview are validated once, in the worker: the repository stores them as
// given, and still checks them against the database inside the write transaction.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors';
import { validateOrganization } from '../../../src/catalog/organization';
import { validateUnit } from '../../../src/register/unit';
import { NOMENCLATURE } from '../../../src/register/nomenclature';
import { freshStore, orgDraft, unitDraft } from './helpers';

describe('importMany of validated rows', () => {
  it('organizations: no second validation (a draft the rules would change is stored as given), one audit entry each', async () => {
    const store = await freshStore();
    const draft = validateOrganization(orgDraft({ cui: '18547290', name: 'Asociația Unu' })).value;
    // Proof that validation is not run again: the rules would clean this name, the worker would have.
    const raw = { ...draft, name: '  Asociaţia   Unu ' };
    const [stored] = await store.organizations.importMany([raw], undefined, { validated: true });
    expect(stored!.name).toBe('  Asociaţia   Unu ');
    expect(await store.db.audit.filter((e) => e.action === 'import').count()).toBe(1);
    // Without the flag the repository validates (and cleans) as before.
    const [checked] = await store.organizations.importMany([{ ...draft, cui: '13548146', name: '  Asociaţia   Doi ' }]);
    expect(checked!.name).toBe('Asociația Doi');
  });

  it('organizations: a CUI that is already in the catalog refuses the whole import, naming it; nothing is stored', async () => {
    const store = await freshStore();
    await store.organizations.create(orgDraft({ cui: '4305857', name: 'Existent' }));
    const batch = [orgDraft({ cui: '18547290', name: 'Unu' }), orgDraft({ cui: '4305857', name: 'Doi' })].map((d) => validateOrganization(d).value);
    const auditBefore = await store.db.audit.count();
    const error = await store.organizations.importMany(batch, undefined, { validated: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toBe(
      'Importul a eșuat și a fost anulat în întregime; nicio înregistrare nu a fost modificată. Motiv: CUI-ul 4305857 aparține deja ONG-ului „Existent” (adăugat între timp). Alegeți fișierul din nou.',
    );
    expect(await store.db.organizations.count()).toBe(1);
    expect(await store.db.audit.count()).toBe(auditBefore);
  });

  it('units: an owner deleted meanwhile or a unit added meanwhile refuses the whole import; otherwise stored with the owner in the search text', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft({ cui: '18547290', name: 'Asociația Lumina' }));
    const valid = (name: string, organizationId = org.id) => validateUnit(unitDraft(organizationId, { name }), { nomenclature: NOMENCLATURE }).value;

    const orphan = await store.units.importMany([valid('Centrul A'), valid('Centrul B', 'sters-intre-timp')], undefined, { validated: true }).catch((e: unknown) => e);
    expect((orphan as Error).message).toMatch(/Motiv: ONG-ul unității „Centrul B” nu mai există în catalog/);
    expect(await store.db.units.count()).toBe(0);

    await store.units.create(unitDraft(org.id, { name: 'Centrul de zi Lumina' }));
    const twice = await store.units.importMany([valid('Centrul A'), valid('CENTRUL DE ZI LUMINA')], undefined, { validated: true }).catch((e: unknown) => e);
    expect((twice as Error).message).toMatch(/Motiv: unitatea „CENTRUL DE ZI LUMINA” există deja în registru la ONG-ul „Asociația Lumina”/);
    expect(await store.db.units.count()).toBe(1);

    const stored = await store.units.importMany([valid('Centrul A')], undefined, { validated: true });
    expect(stored[0]!.searchText).toContain('lumina');
    expect(await store.db.units.count()).toBe(2);
  });
});
