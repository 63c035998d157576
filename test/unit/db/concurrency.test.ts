import { describe, expect, it } from 'vitest';
import { closeOnUpgrade, createDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';
import { describeStorageError } from '../../../renderer/db/storage-errors';
import { createStore } from '../../../renderer/db/store';
import { ConflictError } from '../../../src/errors';
import { faultyStore } from './fault-injection';
import { freshStore, orgDraft } from './helpers';

const CODE = { code: '8790 CR-D-I', name: 'Centru — denumire actualizată', form: 'rezidential' as const, targetGroup: 'adulți cu dizabilități', verified: true, source: 'HG 1433/2022' };
const KEY = 'hcl788.nivel_mediu_lunar.centre_de_zi';

describe('every editable record carries a version and every write checks it', () => {
  it('settings: a window that read an older version gets the conflict message, and nothing is written over', async () => {
    const store = await freshStore();
    const first = await store.settings.getInstitutionVersioned();
    const second = await store.settings.getInstitutionVersioned();
    expect(first.version).toBe(0);
    await store.settings.saveInstitution({ ...first.value, headOfService: 'Maria Ionescu' }, first.version);
    const stale = await store.settings.saveInstitution({ ...second.value, headOfService: 'Ion Pop' }, second.version).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as Error).message).toMatch(/modificate între timp în altă fereastră .* Modificările dvs. au rămas în formular/);
    expect((await store.settings.getInstitution()).headOfService).toBe('Maria Ionescu');
    expect((await store.settings.getInstitutionVersioned()).version).toBe(1);
  });

  it('nomenclature: a code added meanwhile in another window is not overwritten', async () => {
    const store = await freshStore();
    await store.nomenclature.save(CODE, 0);
    await expect(store.nomenclature.save({ ...CODE, name: 'Altă denumire' }, 0)).rejects.toThrow(ConflictError);
    await store.nomenclature.save({ ...CODE, name: 'A doua denumire' }, await store.nomenclature.versionOf(CODE.code));
    expect(await store.nomenclature.versionOf(CODE.code)).toBe(2);
    expect((await store.nomenclature.list()).find((e) => e.code === CODE.code)?.name).toBe('A doua denumire');
  });

  it('parameter values: a value for the same date saved meanwhile is a conflict', async () => {
    const store = await freshStore();
    await store.parameters.save({ key: KEY, validFrom: '01.01.2027', value: '650', source: { act: 'HCL 1/2027' } }, 0);
    await expect(store.parameters.save({ key: KEY, validFrom: '01.01.2027', value: '700', source: { act: 'HCL 1/2027' } }, 0)).rejects.toThrow(/între timp/);
    expect((await store.parameters.userValues())[0]?.value).toBe(65_000);
    expect(await store.parameters.versionOf(KEY, '2027-01-01')).toBe(1);
  });
});

describe('a second window or tab', () => {
  it('closes its connection when another one upgrades the database, and asks to reload; it never writes into the newer schema', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const db = createDatabase(name);
    await db.open();
    const store = createStore(db);
    let asked = 0;
    closeOnUpgrade(db, () => asked++);
    // Another window with a newer release opens the same database with a higher version.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, (SCHEMA_VERSION + 1) * 10);
      request.onupgradeneeded = () => request.result.createObjectStore('tabelNou');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the old window kept its connection open'));
    });
    expect(asked).toBe(1);
    expect(db.isOpen()).toBe(false);
    const error = await store.organizations.create(orgDraft()).catch((e: unknown) => e);
    expect(describeStorageError(error)).toMatch(/Conexiunea cu baza de date a fost închisă|Reîncărcați pagina/);
  });
});

describe('storage errors in Romanian, with what to do', () => {
  it('a full disk during a write: the change is undone and the message says what to do', async () => {
    const { store, faults } = await faultyStore();
    faults.failAt(0);
    // The browser's own error for a full quota, thrown by the storage layer.
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const original = store.db.organizations.add.bind(store.db.organizations);
    store.db.organizations.add = (() => Promise.reject(quota)) as never;
    const error = await store.organizations.create(orgDraft()).catch((e: unknown) => e);
    store.db.organizations.add = original;
    expect(describeStorageError(error)).toMatch(/Spațiul de stocare al aplicației este plin: modificarea nu a fost salvată .* Eliberați spațiu/);
    expect(await store.db.organizations.count()).toBe(0);
    expect(await store.db.audit.count()).toBe(0);
  });

  it('names constraint and version errors, also when wrapped by an abort', () => {
    expect(describeStorageError({ name: 'ConstraintError' })).toMatch(/există deja una cu aceeași cheie/);
    expect(describeStorageError({ name: 'AbortError', inner: { name: 'VersionError' } })).toMatch(/versiune mai nouă a aplicației/);
    expect(describeStorageError(new Error('altceva'))).toBeNull();
  });
});
