import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, createDatabase, installedSchemaVersion, openDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';

describe('migration v10 → v11 (shared-mode replica tables)', () => {
  it('keeps every v10 record and adds empty replicaState and outbox tables, outside the backup', async () => {
    const name = `migration-v11-${Math.random().toString(36).slice(2)}`;
    const v10 = createDatabase(name, 10);
    await v10.open();
    await v10.table('organizations').add({ id: 'o1', name: 'Asociația Șansa', cui: '18547290', locality: 'Cluj-Napoca', representativeName: 'Ana Pop', email: '', registryNumber: '12/2010', status: 'activ', version: 3, searchText: 'asociatia sansa' });
    await v10.table('visits').add({ id: 'v1', planId: 'p1', conventionId: 'c1', unitId: 'u1', status: 'planificata', plannedDate: '2027-03-01' });
    expect(v10.tables.map((t) => t.name)).not.toContain('replicaState');
    v10.close();

    expect(await installedSchemaVersion(name)).toBe(10);
    const db = await openDatabase(name);
    expect(db.verno).toBe(SCHEMA_VERSION); // through v11 (and the versions after it)
    expect(await db.organizations.get('o1')).toMatchObject({ name: 'Asociația Șansa', version: 3 });
    expect(await db.visits.count()).toBe(1);
    expect(await db.replicaState.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    // The outbox keeps the order drafts were queued in, and finds a record's pending drafts.
    await db.outbox.add({ table: 'visits', recordId: 'v1', operation: 'put', record: { id: 'v1' }, expectedVersion: 1, queuedAt: '2027-03-01T10:00:00Z' });
    await db.outbox.add({ table: 'visits', recordId: 'v1', operation: 'put', record: { id: 'v1' }, expectedVersion: 1, queuedAt: '2027-03-01T10:05:00Z' });
    expect((await db.outbox.where('recordId').equals('v1').sortBy('seq')).map((e) => e.queuedAt)).toEqual(['2027-03-01T10:00:00Z', '2027-03-01T10:05:00Z']);
    expect(BACKUP_TABLES as readonly string[]).not.toContain('replicaState');
    expect(BACKUP_TABLES as readonly string[]).not.toContain('outbox');
    db.close();
  });
});
