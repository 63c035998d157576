import { describe, expect, it } from 'vitest';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { auditFor } from '../../../renderer/db/audit-log';
import { freshStore, orgDraft, unitDraft } from './helpers';

describe('organization repository', () => {
  it('refuses an NGO with a wrong CUI check digit and stores nothing', async () => {
    const store = await freshStore();
    const error = await store.organizations.create(orgDraft({ cui: '18547291' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.cui).toMatch(/cifra de control/);
    expect(await store.db.organizations.count()).toBe(0);
    expect(await store.db.audit.count()).toBe(0);
  });

  it('normalises cedilla diacritics and writes a creation entry with the user from Settings', async () => {
    const store = await freshStore();
    await store.settings.saveInstitution({ ...(await store.settings.getInstitution()), userName: 'Ioana Pop' });
    const org = await store.organizations.create(orgDraft({ name: 'Asociaţia Şansa', cui: 'RO 13548146' }));
    expect(org.name).toBe('Asociația Șansa');
    expect(org.cui).toBe('13548146');
    expect(org.version).toBe(1);
    expect(org.id).toMatch(/^[0-9a-f-]{36}$/);
    const [entry] = await auditFor(store.db, 'organizations', org.id);
    expect(entry?.action).toBe('creare');
    expect(entry?.user).toBe('Ioana Pop');
    expect(entry?.changes).toContainEqual({ field: 'name', before: undefined, after: 'Asociația Șansa' });
  });

  it('refuses a second NGO with the same CUI, naming the first', async () => {
    const store = await freshStore();
    await store.organizations.create(orgDraft());
    await expect(store.organizations.create(orgDraft({ name: 'Alt nume' }))).rejects.toThrow(ValidationError);
    const error = (await store.organizations.create(orgDraft({ name: 'Alt nume' })).catch((e: unknown) => e)) as ValidationError;
    expect(error.fields.cui).toContain('Speranța Someșului');
  });

  it('records field-level before/after on update and bumps the version', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    const updated = await store.organizations.update(org.id, { ...orgDraft(), phone: '0264 123 456', status: 'suspendat' }, 1);
    expect(updated.version).toBe(2);
    const entries = await auditFor(store.db, 'organizations', org.id);
    expect(entries.map((e) => e.action)).toEqual(['creare', 'modificare']);
    expect(entries[1]?.changes).toEqual([
      { field: 'phone', before: '', after: '0264 123 456' },
      { field: 'status', before: 'activ', after: 'suspendat' },
    ]);
  });

  it('refuses an update made on a stale version', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    await store.organizations.update(org.id, { ...orgDraft(), notes: 'prima' }, 1);
    await expect(store.organizations.update(org.id, { ...orgDraft(), notes: 'a doua' }, 1)).rejects.toThrow(ConflictError);
  });

  it('refuses to delete an NGO that owns units and names them', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    await store.units.create(unitDraft(org.id, { name: 'Cantina socială Mănăștur', serviceCode: '8899 CPDH-I' }));
    await store.units.create(unitDraft(org.id));
    const error = await store.organizations.remove(org.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toContain('„Cantina socială Mănăștur”');
    expect((error as Error).message).toContain('„Centrul de zi „Pași Împreună””');
    expect(await store.db.organizations.count()).toBe(1);
  });

  it('deletes an NGO without units and keeps its last values in the audit log', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    await store.organizations.remove(org.id);
    expect(await store.db.organizations.count()).toBe(0);
    const entries = await auditFor(store.db, 'organizations', org.id);
    expect(entries.at(-1)?.action).toBe('stergere');
    expect(entries.at(-1)?.changes).toContainEqual({ field: 'cui', before: '18547290', after: undefined });
  });

  it('imports all rows in one transaction, or none when one fails', async () => {
    const store = await freshStore();
    await store.organizations.create(orgDraft({ cui: '4305857', name: 'Existent' }));
    const auditBefore = await store.db.audit.count();
    const batch = [orgDraft({ cui: '18547290', name: 'Unu' }), orgDraft({ cui: '13548146', name: 'Doi' }), orgDraft({ cui: '4305857', name: 'Trei (CUI existent)' })];
    const error = await store.organizations.importMany(batch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toMatch(/anulat în întregime/);
    expect(await store.db.organizations.count()).toBe(1);
    expect(await store.db.audit.count()).toBe(auditBefore);

    const ok = await store.organizations.importMany(batch.slice(0, 2));
    expect(ok).toHaveLength(2);
    expect(await store.db.organizations.count()).toBe(3);
    expect(await store.db.audit.filter((e) => e.action === 'import').count()).toBe(2);
  });
});

describe('unit repository', () => {
  it('refuses an unknown service code and an unknown owner', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    const bad = (await store.units.create(unitDraft(org.id, { serviceCode: '9999 XX-I' })).catch((e: unknown) => e)) as ValidationError;
    expect(bad.fields.serviceCode).toMatch(/nu există în nomenclator/);
    const orphan = (await store.units.create(unitDraft('no-such-id')).catch((e: unknown) => e)) as ValidationError;
    expect(orphan.fields.organizationId).toMatch(/nu există/);
  });

  it('accepts a code a user added to the nomenclature', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    await store.nomenclature.save({ code: '8899 cz-x-i', name: 'Serviciu nou', form: 'zi', targetGroup: 'familii', verified: false, source: '' });
    const unit = await store.units.create(unitDraft(org.id, { serviceCode: '8899 CZ-X-I' }));
    expect(unit.serviceCode).toBe('8899 CZ-X-I');
  });

  it('keeps unit search text in step with the owner NGO name', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    const unit = await store.units.create(unitDraft(org.id));
    expect(unit.searchText).toContain('speranta somesului');
    await store.organizations.update(org.id, { ...orgDraft(), name: 'Fundația Lumina' }, 1);
    expect((await store.units.get(unit.id))?.searchText).toContain('fundatia lumina');
  });
});
