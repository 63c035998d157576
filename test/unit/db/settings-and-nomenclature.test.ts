import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors';
import { auditFor } from '../../../renderer/db/audit-log';
import { validateNomenclatureEntry } from '../../../src/register/nomenclature';
import { freshStore } from './helpers';

describe('institution settings', () => {
  it('starts from DASM Cluj-Napoca defaults, saves with an audit entry and refuses a bad CUI', async () => {
    const store = await freshStore();
    const initial = await store.settings.getInstitution();
    expect(initial.name).toBe('Direcția de Asistență Socială și Medicală Cluj-Napoca');
    await store.settings.saveInstitution({ ...initial, headOfInstitution: 'Ioan Popescu', cui: '4305857' });
    const entries = await auditFor(store.db, 'settings', 'institution');
    expect(entries[0]?.changes).toContainEqual({ field: 'cui', before: '', after: '4305857' });
    await expect(store.settings.saveInstitution({ ...initial, cui: '4305858' })).rejects.toThrow(ValidationError);
    expect((await store.settings.getInstitution()).cui).toBe('4305857');
  });
});

describe('service codes added by users', () => {
  it('normalises the code and refuses malformed ones or verified ones without a source', () => {
    expect(validateNomenclatureEntry({ code: '8899cz-x-ii', name: 'Serviciu', form: 'zi', targetGroup: '', verified: false, source: '' }).value.code).toBe('8899 CZ-X-II');
    expect(validateNomenclatureEntry({ code: 'CZ-1', name: 'Serviciu', form: 'zi', targetGroup: '', verified: false, source: '' }).errors.code).toMatch(/forma/);
    expect(validateNomenclatureEntry({ code: '8899 CZ-X-I', name: 'Serviciu', form: 'zi', targetGroup: '', verified: true, source: '' }).errors.source).toMatch(/actul normativ/);
  });

  it('merges a user code over the shipped list, flagged as added by a user', async () => {
    const store = await freshStore();
    await store.nomenclature.save({ code: '8790 CR-D-I', name: 'Centru de îngrijire și asistență — denumire actualizată', form: 'rezidential', targetGroup: 'adulți cu dizabilități', verified: true, source: 'HG 1433/2022' });
    const entry = (await store.nomenclature.list()).find((e) => e.code === '8790 CR-D-I');
    expect(entry).toMatchObject({ name: 'Centru de îngrijire și asistență — denumire actualizată', isCustom: true });
  });
});
