import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../renderer/db/audit-log';
import { applyRestore, exportBackupText, previewRestore } from '../../../renderer/db/backup';
import { ValidationError } from '../../../src/errors';
import { freshStore } from './helpers';

const KEY = 'hcl788.nivel_mediu_lunar.centre_de_zi';

describe('legal parameters stored by users', () => {
  it('a value "de completat" is refused until a user adds next year’s level, which then applies from its date', async () => {
    const store = await freshStore();
    const before = (await store.parameters.store()).amountAt(KEY, '2027-01-01');
    expect(before.ok).toBe(false);
    expect(!before.ok && before.message).toMatch(/de completat/);

    await store.parameters.save({ key: KEY, validFrom: '01.01.2027', value: '650,00', source: { act: 'HCL 1/2027', article: 'anexa 1' }, note: 'nivel pentru 2027' });
    const params = await store.parameters.store();
    expect(params.amountAt(KEY, '2027-01-01')).toEqual({ ok: true, value: 65_000 });
    expect(params.amountAt(KEY, '2026-12-31').ok).toBe(false);
    expect(params.history(KEY).at(-1)).toMatchObject({ origin: 'utilizator', validFrom: '2027-01-01', source: { act: 'HCL 1/2027' } });
  });

  it('keeps every change in the audit log and refuses a value without its act', async () => {
    const store = await freshStore();
    await store.parameters.save({ key: KEY, validFrom: '01.01.2027', value: '650', source: { act: 'HCL 1/2027' } });
    await store.parameters.save({ key: KEY, validFrom: '01.01.2027', value: '655', source: { act: 'HCL 1/2027' } });
    const entries = await auditFor(store.db, 'parameterValues', `${KEY}@2027-01-01`);
    expect(entries.map((e) => e.action)).toEqual(['creare', 'modificare']);
    expect(entries[1]?.changes).toContainEqual({ field: 'value', before: 65_000, after: 65_500 });
    await expect(store.parameters.save({ key: KEY, validFrom: '01.01.2028', value: '700', source: { act: '' } })).rejects.toThrow(ValidationError);
  });

  it('travel with the backup', async () => {
    const source = await freshStore();
    await source.parameters.save({ key: KEY, validFrom: '01.01.2027', value: '650', source: { act: 'HCL 1/2027' } });
    const target = await freshStore();
    await applyRestore(target.db, (await previewRestore(target.db, await exportBackupText(source.db, '0.1.0'))).file);
    expect((await target.parameters.store()).amountAt(KEY, '2027-06-01')).toEqual({ ok: true, value: 65_000 });
  });
});
