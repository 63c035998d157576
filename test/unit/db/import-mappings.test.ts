// The mapping of a file layout, remembered in the settings table through the settings repository.
import { describe, expect, it } from 'vitest';
import { freshStore } from './helpers';

describe('remembered import mappings', () => {
  it('are kept per kind and layout, audited when they change, not when saved again unchanged', async () => {
    const store = await freshStore();
    expect(await store.settings.getImportMappings('organizations')).toEqual({});
    await store.settings.rememberImportMapping('organizations', '3-abc', { mapping: ['name', 'cui', '@adresa'], defaults: { county: 'Cluj', notes: ' ' } });
    await store.settings.rememberImportMapping('organizations', '3-abc', { mapping: ['name', 'cui', '@adresa'], defaults: { county: 'Cluj' } });
    const saved = await store.settings.getImportMappings('organizations');
    expect(saved['3-abc']).toMatchObject({ mapping: ['name', 'cui', '@adresa'], defaults: { county: 'Cluj' } });
    expect(await store.settings.getImportMappings('units')).toEqual({});
    const entries = await store.db.audit.filter((e) => e.entity === 'settings').toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'creare', label: 'Asocierea coloanelor la import' });

    await store.settings.rememberImportMapping('organizations', '3-abc', { mapping: ['name', 'cui', null], defaults: {} });
    expect((await store.settings.getImportMappings('organizations'))['3-abc']!.mapping).toEqual(['name', 'cui', null]);
    expect(await store.db.audit.filter((e) => e.entity === 'settings' && e.action === 'modificare').count()).toBe(1);
  });
});
