import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDatabase, describeOpenError, installedSchemaVersion, openDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';

const uniqueName = (label: string) => `migration-${label}-${Math.random().toString(36).slice(2)}`;

describe('database migrations', () => {
  it('opens a version-1 database and fills the search text added in version 2', async () => {
    const name = uniqueName('v1');
    const v1 = createDatabase(name, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('organizations').add({ id: 'o1', name: 'Asociația Șansa', cui: '18547290', locality: 'Cluj-Napoca', representativeName: 'Ana Pop', email: '', registryNumber: '12/2010', status: 'activ', version: 1 });
    await v1.table('units').add({ id: 'u1', organizationId: 'o1', name: 'Cantina Mănăștur', serviceCode: '8899 CPDH-I', locality: 'Cluj-Napoca', licenceNumber: '1', targetGroup: '' });
    v1.close();

    expect(await installedSchemaVersion(name)).toBe(1);
    const current = await openDatabase(name);
    expect(current.verno).toBe(SCHEMA_VERSION);
    const org = await current.organizations.get('o1');
    expect(org?.searchText).toContain('asociatia sansa');
    const unit = await current.units.get('u1');
    expect(unit?.searchText).toContain('cantina manastur');
    expect(unit?.searchText).toContain('asociatia sansa');
    expect(await current.nomenclature.count()).toBe(0);
    current.close();
  });

  it('refuses a database created by a newer version of the app and explains why', async () => {
    const name = uniqueName('future');
    const future = new Dexie(name);
    future.version(SCHEMA_VERSION + 5).stores({ organizations: 'id' });
    await future.open();
    future.close();

    const error = await openDatabase(name).catch((e: unknown) => e);
    expect((error as Error).name).toBe('VersionError');
    expect(describeOpenError(error)).toMatch(/versiune mai nouă/);
    // The newer database was not touched.
    expect(await installedSchemaVersion(name)).toBe(SCHEMA_VERSION + 5);
  });
});
