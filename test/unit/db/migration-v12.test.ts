import { describe, expect, it } from 'vitest';
import { applyRestore, exportBackupText, previewRestore } from '../../../renderer/db/backup';
import { createDatabase, installedSchemaVersion, openDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';
import { createBackup, serializeBackup, type BackupFile } from '../../../src/backup/backup-file';
import { emptyVisit, LEGACY_TEAM_ROLE } from '../../../src/monitoring/visit';
import { frozenAwardFixture } from './convention-fixture';
import { freshStore } from './helpers';

describe('schema 12: a visit team with each member’s function', () => {
  it('the database upgrade turns the names of v11 visits (and of their drafts in the outbox) into members with the legacy function, keeping the version', async () => {
    const name = `migration-v12-${Math.random().toString(36).slice(2)}`;
    const v11 = createDatabase(name, 11);
    await v11.open();
    await v11.table('visits').add({ id: 'v1', conventionId: 'c1', unitId: 'u1', status: 'efectuata', plannedDate: '2025-03-01', team: ['Ana Pop', 'Ion Rus'], version: 4 });
    await v11.table('visits').add({ id: 'v2', conventionId: 'c1', unitId: 'u1', status: 'planificata', plannedDate: '2025-04-01', team: [], version: 1 });
    await v11.table('outbox').add({ table: 'visits', recordId: 'v1', operation: 'put', record: { id: 'v1', team: ['Ana Pop'] }, expectedVersion: 4, queuedAt: '2025-03-01T10:00:00Z' });
    await v11.table('outbox').add({ table: 'scoreSheets', recordId: 's1', operation: 'put', record: { id: 's1', team: ['neatins'] }, expectedVersion: 1, queuedAt: '2025-03-01T10:01:00Z' });
    v11.close();

    expect(await installedSchemaVersion(name)).toBe(11);
    const db = await openDatabase(name);
    expect(db.verno).toBe(SCHEMA_VERSION); // through v12 (and the versions after it)
    expect(await db.visits.get('v1')).toMatchObject({ version: 4, team: [{ name: 'Ana Pop', role: LEGACY_TEAM_ROLE }, { name: 'Ion Rus', role: LEGACY_TEAM_ROLE }] });
    expect((await db.visits.get('v2'))?.team).toEqual([]);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox[0]!.record['team']).toEqual([{ name: 'Ana Pop', role: 'membru al echipei de monitorizare' }]);
    expect(outbox[1]!.record['team']).toEqual(['neatins']);
    db.close();
  });

  it('a backup of schema 11 restores with its visits’ names as members with the legacy function', async () => {
    const { store: source, unit, draft } = await frozenAwardFixture();
    const c = await source.conventions.createFromAward(draft());
    const visit = await source.monitoring.planVisit(emptyVisit({ conventionId: c.id, unitId: unit.id, plannedDate: '2027-05-10', team: [{ name: 'Ana Pop', role: 'consilier' }] }));
    const file = JSON.parse(await exportBackupText(source.db, '0.0.9')) as BackupFile;
    expect(file.schemaVersion).toBe(SCHEMA_VERSION);
    // As a release of schema 11 wrote it: the team as names.
    for (const row of file.tables['visits']!) row['team'] = ['Ana Pop', 'Ion Rus'];
    const text = serializeBackup(await createBackup({ schemaVersion: 11, appVersion: file.appVersion, createdAt: file.createdAt, tables: file.tables }));

    const target = await freshStore();
    const preview = await previewRestore(target.db, text);
    expect(preview.file.upgradedFrom?.schemaVersion).toBe(11);
    await applyRestore(target.db, preview);
    expect((await target.db.visits.get(visit.id))?.team).toEqual([{ name: 'Ana Pop', role: LEGACY_TEAM_ROLE }, { name: 'Ion Rus', role: LEGACY_TEAM_ROLE }]);
  });
});
