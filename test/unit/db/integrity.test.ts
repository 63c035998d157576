import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES } from '../../../renderer/db/database';
import { deleteRecord, dependantTables } from '../../../renderer/db/integrity';
import { referencesTo, TABLE_BY_NAME, TABLE_DESCRIPTORS } from '../../../src/backup/schema';
import { DomainError } from '../../../src/errors';
import { freshStore, orgDraft, unitDraft } from './helpers';

/** A record that holds `value` at `path` ("units[].unitId" → { units: [{ unitId: value }] }). */
function rowWith(path: string, value: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const isArray = head!.endsWith('[]');
  const key = isArray ? head!.slice(0, -2) : head!;
  const inner: unknown = rest.length === 0 ? value : rowWith(rest.join('.'), value);
  if (key === '') return (isArray ? [inner] : inner) as Record<string, unknown>;
  return { [key]: isArray ? [inner] : inner };
}

describe('referential integrity (every table)', () => {
  it('describes every table of the backup, and no other', () => {
    expect(TABLE_DESCRIPTORS.map((t) => t.name).sort()).toEqual([...BACKUP_TABLES].sort());
    for (const t of TABLE_DESCRIPTORS) for (const r of t.references) expect(TABLE_BY_NAME.has(r.table), `${t.name} → ${r.table}`).toBe(true);
  });

  for (const table of BACKUP_TABLES) {
    const references = referencesTo(table).filter((r) => !(r.from.name === table));
    if (TABLE_BY_NAME.get(table)!.isAppendOnly) {
      it(`${table}: an entry is never deleted (append-only)`, async () => {
        const store = await freshStore();
        await store.db.table(table).add({ id: 'intrare' });
        await expect(store.db.transaction('rw', [store.db.table(table)], async () => { await deleteRecord(store.db, table, 'intrare'); })).rejects.toThrow(/doar se adaugă/);
        expect(await store.db.table(table).get('intrare')).toBeDefined();
      });
      continue;
    }
    if (references.length === 0) {
      it(`${table}: a record nothing points at can be deleted`, async () => {
        const store = await freshStore();
        const key = TABLE_BY_NAME.get(table)!.key;
        await store.db.table(table).add({ [key]: 'tinta' });
        await store.db.transaction('rw', [store.db.table(table), ...dependantTables(store.db, table)], async () => { await deleteRecord(store.db, table, 'tinta'); });
        expect(await store.db.table(table).get('tinta')).toBeUndefined();
      });
      continue;
    }
    for (const { from, reference } of references) {
      it(`${table}: a delete is refused while ${from.name}.${reference.path} points at the record, inside the write transaction`, async () => {
        const store = await freshStore();
        const key = TABLE_BY_NAME.get(table)!.key;
        await store.db.table(table).add({ [key]: 'tinta', name: 'Ținta' });
        await store.db.table(from.name).add({ ...rowWith(reference.path, 'tinta'), [from.key]: 'dependent', name: 'Dependentul' });
        const error = await store.db
          .transaction('rw', [store.db.table(table), ...dependantTables(store.db, table)], async () => { await deleteRecord(store.db, table, 'tinta', 'Ținta'); })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect((error as Error).message).toContain('„Ținta”');
        expect((error as Error).message).toContain(from.nouns[0]);
        expect(await store.db.table(table).get('tinta')).toBeDefined();
        // Once the dependant is gone, the delete goes through.
        await store.db.table(from.name).delete('dependent');
        await store.db.transaction('rw', [store.db.table(table), ...dependantTables(store.db, table)], async () => { await deleteRecord(store.db, table, 'tinta'); });
        expect(await store.db.table(table).get('tinta')).toBeUndefined();
      });
    }
  }
});

describe('deleting through the repositories', () => {
  it('refuses to delete an NGO that units, requests and a member link point at, naming them all', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    const unit = await store.units.create(unitDraft(org.id));
    await store.db.requests.add({ id: 'r1', roundId: 'x', organizationId: org.id, registration: { year: 2027, sequence: 3 }, units: [{ unitId: unit.id }] } as never);
    await store.db.commissionMembers.add({ id: 'm1', name: 'Ana Pop', commissionId: 'c', ngoLinks: [{ organizationId: org.id, kind: 'fondator', note: '' }] } as never);
    const error = await store.organizations.remove(org.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const message = (error as Error).message;
    expect(message).toContain('ONG-ul „Asociația Speranța Someșului” nu poate fi șters: îl folosesc');
    expect(message).toContain('1 unitate licențiată („Centrul de zi „Pași Împreună””)');
    expect(message).toContain('1 cerere de subvenție (nr. 3/2027)');
    expect(message).toContain('1 membru al comisiei („Ana Pop”)');
    expect(message).toContain('„Radiat”');
    expect(await store.db.organizations.count()).toBe(1);
  });

  it('refuses to delete a unit used in a request, and deletes it once the request no longer names it', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    const unit = await store.units.create(unitDraft(org.id));
    await store.db.requests.add({ id: 'r1', roundId: 'x', organizationId: 'o', registration: { year: 2027, sequence: 7 }, units: [{ unitId: unit.id }] } as never);
    await expect(store.units.remove(unit.id)).rejects.toThrow('Unitatea „Centrul de zi „Pași Împreună”” nu poate fi ștearsă: o folosesc 1 cerere de subvenție (nr. 7/2027)');
    await store.db.requests.update('r1', { units: [] });
    await store.units.remove(unit.id);
    expect(await store.db.units.count()).toBe(0);
  });

  it('refuses to delete a round with requests, a commission used by a round, a grid used by sheets and a member who scored', async () => {
    const store = await freshStore();
    await store.db.rounds.add({ id: 'round', name: 'Runda 2027' } as never);
    await store.db.requests.add({ id: 'req', roundId: 'round', organizationId: 'o', registration: { year: 2027, sequence: 1 }, units: [] } as never);
    await expect(store.rounds.remove('round')).rejects.toThrow(/Runda de finanțare „Runda 2027” nu poate fi ștearsă: o folosesc 1 cerere de subvenție/);

    await store.db.commissions.add({ id: 'com', name: 'Comisia 2027' } as never);
    await store.db.roundEvaluations.add({ id: 'ev', roundId: 'round', commissionId: 'com', gridId: 'g' } as never);
    await expect(store.commissions.remove('com')).rejects.toThrow(/Comisia „Comisia 2027” nu poate fi ștearsă: o folosesc 1 evaluare a rundei/);

    await store.db.scoringGrids.add({ id: 'g', name: 'Grila locală' } as never);
    await store.db.commissionMembers.add({ id: 'mem', name: 'Ion Pop', commissionId: 'com', ngoLinks: [] } as never);
    await store.db.scoreSheets.add({ id: 's', gridId: 'g', memberId: 'mem', requestId: 'req', sessionId: 'x', roundId: 'round' } as never);
    await expect(store.grids.remove('g')).rejects.toThrow(/Grila „Grila locală” nu poate fi ștearsă: o folosesc .*1 fișă de evaluare/);
    await expect(store.members.remove('mem')).rejects.toThrow(/Membrul comisiei „Ion Pop” nu poate fi șters: îl folosesc 1 fișă de evaluare/);
    expect(await store.db.rounds.count()).toBe(1);
    expect(await store.db.commissions.count()).toBe(1);
    expect(await store.db.scoringGrids.count()).toBe(1);
    expect(await store.db.commissionMembers.count()).toBe(1);
    expect((await store.db.audit.toArray()).filter((e) => e.action === 'stergere')).toEqual([]);
  });
});

describe('records that end their life are archived, never removed', () => {
  it('an NGO becomes „Radiat” with the date and the reason, audited, and keeps its units', async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    await store.units.create(unitDraft(org.id));
    await expect(store.organizations.archive(org.id, '', org.version)).rejects.toThrow(DomainError);
    const archived = await store.organizations.archive(org.id, 'Dizolvată prin hotărâre judecătorească', org.version);
    expect(archived).toMatchObject({ status: 'radiat', archiveReason: 'Dizolvată prin hotărâre judecătorească', version: 2 });
    expect(archived.archivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await store.db.units.count()).toBe(1);
    const entry = (await store.db.audit.toArray()).find((e) => e.entityId === org.id && e.action === 'modificare');
    expect(entry?.changes).toContainEqual({ field: 'status', before: 'activ', after: 'radiat' });
    // A stale window cannot archive over a newer version.
    await expect(store.organizations.archive(org.id, 'altă dată', 1)).rejects.toThrow(/modificat între timp/);
  });

  it('a unit becomes „Închisă” with the date and the reason', async () => {
    const store = await freshStore();
    const unit = await store.units.create(unitDraft((await store.organizations.create(orgDraft())).id));
    const archived = await store.units.archive(unit.id, 'Licența nu a fost reînnoită', unit.version);
    expect(archived).toMatchObject({ status: 'inchisa', archiveReason: 'Licența nu a fost reînnoită' });
    expect(await store.db.units.count()).toBe(1);
  });
});
