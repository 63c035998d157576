import { describe, expect, it } from 'vitest';
import { applyRestore, exportBackupText, previewRestore } from '../../../renderer/db/backup';
import { BACKUP_TABLES, createDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';
import { createBackup, serializeBackup, type BackupFile } from '../../../src/backup/backup-file';
import { BACKUP_UPGRADE_STEPS, OLDEST_UPGRADABLE_SCHEMA } from '../../../src/backup/upgrade';
import { emptyFundingRound } from '../../../src/rounds/funding-round';
import { freshStore, orgDraft, unitDraft } from './helpers';

async function populated() {
  const store = await freshStore();
  const org = await store.organizations.create(orgDraft());
  await store.units.create(unitDraft(org.id));
  await store.rounds.create({ ...emptyFundingRound(2027), name: 'Runda 2027', budget: 100_000_00 as never, submissionStart: '01.08.2026', submissionEnd: '30.09.2026' });
  return store;
}

/** The current backup rewritten as a release of `schemaVersion` would have written it: the tables added since left out. */
async function asWrittenBy(schemaVersion: number, change: (file: BackupFile) => void = () => {}): Promise<string> {
  const file = JSON.parse(await exportBackupText((await populated()).db, '0.0.9')) as BackupFile;
  for (const step of BACKUP_UPGRADE_STEPS) {
    if (step.toVersion > schemaVersion) for (const name of step.addedTables) delete file.tables[name];
  }
  file.schemaVersion = schemaVersion;
  change(file);
  return serializeBackup(await createBackup({ schemaVersion, appVersion: file.appVersion, createdAt: file.createdAt, tables: file.tables }));
}

describe('a backup made by an earlier release is brought up to date before it is restored', () => {
  it('has one step for every schema version after the oldest upgradable, and the steps add exactly the tables the migrations added', async () => {
    expect(BACKUP_UPGRADE_STEPS.map((s) => s.toVersion)).toEqual(Array.from({ length: SCHEMA_VERSION - OLDEST_UPGRADABLE_SCHEMA }, (_, i) => OLDEST_UPGRADABLE_SCHEMA + 1 + i));
    const oldest = createDatabase(`upgrade-oldest-${Math.random().toString(36).slice(2)}`, OLDEST_UPGRADABLE_SCHEMA);
    await oldest.open();
    const tablesThen = new Set(oldest.tables.map((t) => t.name));
    oldest.close();
    const addedSince = BACKUP_TABLES.filter((t) => !tablesThen.has(t));
    expect(BACKUP_UPGRADE_STEPS.flatMap((s) => s.addedTables).sort()).toEqual([...addedSince].sort());
  });

  it(`restores a copy of schema ${OLDEST_UPGRADABLE_SCHEMA}: its records come back, the tables added since start empty, and the log says so`, async () => {
    const text = await asWrittenBy(OLDEST_UPGRADABLE_SCHEMA);
    expect(Object.keys((JSON.parse(text) as BackupFile).tables)).not.toContain('conventions');
    const store = await freshStore();
    const preview = await previewRestore(store.db, text);
    expect(preview.file.schemaVersion).toBe(SCHEMA_VERSION);
    expect(preview.file.upgradedFrom?.schemaVersion).toBe(OLDEST_UPGRADABLE_SCHEMA);
    await applyRestore(store.db, preview);
    expect((await store.organizations.list()).map((o) => o.name)).toEqual(['Asociația Speranța Someșului']);
    expect(await store.db.units.count()).toBe(1);
    expect(await store.db.conventions.count()).toBe(0);
    const entry = (await store.db.audit.toArray()).find((e) => e.action === 'restaurare');
    expect(entry?.changes?.find((c) => c.field === 'schema')).toMatchObject({ before: `versiunea ${OLDEST_UPGRADABLE_SCHEMA}` });
  });

  it('refuses, as damaged, an old copy holding a table its schema did not have', async () => {
    const text = await asWrittenBy(OLDEST_UPGRADABLE_SCHEMA, (f) => (f.tables['settlements'] = []));
    const store = await freshStore();
    await expect(previewRestore(store.db, text)).rejects.toThrow('conține tabelul „settlements”, apărut în versiunea 8');
    expect(await store.db.organizations.count()).toBe(0);
  });

  it('refuses a copy older than the oldest upgradable schema with the reason, touching nothing', async () => {
    const text = await asWrittenBy(OLDEST_UPGRADABLE_SCHEMA - 1);
    const store = await freshStore();
    await store.organizations.create(orgDraft({ cui: '4305857', name: 'Rămâne neatins' }));
    await expect(previewRestore(store.db, text)).rejects.toThrow(`versiunea ${OLDEST_UPGRADABLE_SCHEMA - 1}, mai veche decât cele pe care aplicația le poate aduce la zi`);
    expect((await store.organizations.list()).map((o) => o.name)).toEqual(['Rămâne neatins']);
    expect(await store.db.safetyBackups.count()).toBe(0);
  });

  it('still checks an upgraded copy against the full schema', async () => {
    const text = await asWrittenBy(OLDEST_UPGRADABLE_SCHEMA, (f) => (f.tables['units']![0]!['organizationId'] = 'nu-exista'));
    await expect(previewRestore((await freshStore()).db, text)).rejects.toThrow('nu respectă schema');
  });
});
