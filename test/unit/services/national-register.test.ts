// Updates from the national register, on a real IndexedDB (fake-indexeddb): audited, the register's
// date on the record, refused whole when stale or invalid.
import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../renderer/db/audit-log';
import { applyRegisterUpdate, compareNationalRegister } from '../../../renderer/services/national-register';
import type { NationalService } from '../../../src/register/national-register';
import { freshStore, orgDraft, unitDraft } from '../db/helpers';

const service = (cui: string, extra: Partial<NationalService> = {}): NationalService => ({
  rowNumber: 7, providerCui: cui, providerName: '', serviceCode: '8891 CZ-C-IV', serviceName: '', licenceNumber: '0020001', licenceDate: '2025-02-01',
  licenceExpiryDate: '2030-01-31', address: 'str. Memorandumului nr. 1, Cluj-Napoca', locality: 'Cluj-Napoca', county: 'Cluj', ...extra,
});

describe('applying an update from the national register', () => {
  it('writes the register’s licence through the unit repository, notes the register and its date, and audits the change', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    const unit = await store.units.create(unitDraft(org.id, { street: 'str. Memorandumului nr. 1' }));
    const [difference] = await compareNationalRegister(store, undefined, [service(org.cui)]);
    expect(difference?.kind).toBe('licence_differs');
    await applyRegisterUpdate(store, difference!.update!, '2026-11-30');
    const after = await store.units.get(unit.id);
    expect(after).toMatchObject({ licenceNumber: '0020001', licenceIssueDate: '2025-02-01', licenceExpiryDate: '2030-01-31', version: unit.version + 1 });
    expect(after?.notes).toMatch(/ediția din 30\.11\.2026: Nr\. licenței, Data eliberării licenței, Data expirării licenței\.$/);
    const log = await auditFor(store.db, 'units', unit.id);
    const changed = log.at(-1)!.changes.map((c) => c.field);
    expect(changed).toEqual(expect.arrayContaining(['licenceNumber', 'licenceIssueDate', 'licenceExpiryDate', 'notes']));
  });

  it('refuses a record changed since the comparison, and register values the record’s rules refuse, changing nothing', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    const unit = await store.units.create(unitDraft(org.id, { street: 'str. Memorandumului nr. 1' }));
    const diffs = await compareNationalRegister(store, undefined, [service(org.cui, { serviceCode: '9999 XX-Y', licenceNumber: unit.licenceNumber, licenceDate: unit.licenceIssueDate, licenceExpiryDate: unit.licenceExpiryDate })]);
    const code = diffs.find((d) => d.kind === 'service_code_differs')!;
    await expect(applyRegisterUpdate(store, code.update!, '2026-11-30')).rejects.toThrow(/„9999 XX-Y” nu există în nomenclatorul HG 867\/2015\. Nu s-a modificat nimic\./);
    expect(await store.units.get(unit.id)).toEqual(unit);

    await store.units.update(unit.id, { ...unit, capacity: 30 }, unit.version);
    const [stale] = await compareNationalRegister(store, undefined, [service(org.cui)]);
    await store.units.update(unit.id, { ...(await store.units.get(unit.id))!, capacity: 31 }, stale!.update!.version);
    const before = await store.units.get(unit.id);
    await expect(applyRegisterUpdate(store, stale!.update!, '2026-11-30')).rejects.toThrow(/modificat între timp; nu s-a modificat nimic/);
    expect(await store.units.get(unit.id)).toEqual(before);
  });
});
