import { describe, expect, it } from 'vitest';
import { applyRestore, exportBackupText, listSafetyBackups, previewRestore, SAFETY_BACKUPS_KEPT, safetyBackupText } from '../../../renderer/db/backup';
import { loadDemoBase, loadDemoData } from '../../../renderer/db/demo';
import { SCHEMA_VERSION } from '../../../renderer/db/database';
import { createBackup, MAX_BACKUP_BYTES, serializeBackup, type BackupFile } from '../../../src/backup/backup-file';
import { emptyFundingRound } from '../../../src/rounds/funding-round';
import { expectAllOrNothing } from './fault-injection';
import { freshStore, orgDraft, unitDraft } from './helpers';

async function populated() {
  const store = await freshStore();
  const org = await store.organizations.create(orgDraft());
  await store.units.create(unitDraft(org.id));
  await store.rounds.create({ ...emptyFundingRound(2027), name: 'Runda 2027', budget: 100_000_00 as never, submissionStart: '01.08.2026', submissionEnd: '30.09.2026' });
  return store;
}

/** The file with `change` applied to its tables and a checksum made anew (as a careful forger would). */
async function forged(text: string, change: (file: BackupFile) => void): Promise<string> {
  const file = JSON.parse(text) as BackupFile;
  change(file);
  return serializeBackup(await createBackup({ schemaVersion: file.schemaVersion, appVersion: file.appVersion, createdAt: file.createdAt, tables: file.tables }));
}

async function target() {
  const store = await freshStore();
  await store.organizations.create(orgDraft({ cui: '4305857', name: 'Rămâne neatins' }));
  return store;
}

async function expectUntouched(store: Awaited<ReturnType<typeof target>>) {
  expect((await store.organizations.list()).map((o) => o.name)).toEqual(['Rămâne neatins']);
  expect(await store.db.safetyBackups.count()).toBe(0);
}

describe('a backup is checked against the full schema before anything is shown', () => {
  it('refuses a file with a missing table instead of emptying that table', async () => {
    const text = await forged(await exportBackupText((await populated()).db, '0.1.0'), (f) => delete f.tables['units']);
    const store = await target();
    await expect(previewRestore(store.db, text)).rejects.toThrow('lipsește tabelul „Unități licențiate”');
    await expectUntouched(store);
  });

  it.each([
    ['a capacity written as text', (f: BackupFile) => (f.tables['units']![0]!['capacity'] = 'douăzeci'), /„Unități licențiate”, înregistrarea 1: câmpul „capacity” nu este un număr/],
    ['a budget in lei with decimals instead of integer bani', (f: BackupFile) => (f.tables['rounds']![0]!['budget'] = 1000.5), /câmpul „budget” nu este o sumă în bani/],
    ['an unknown status', (f: BackupFile) => (f.tables['organizations']![0]!['status'] = 'sters'), /câmpul „status” are o valoare necunoscută/],
    ['a date in another format', (f: BackupFile) => (f.tables['units']![0]!['licenceIssueDate'] = '15.01.2024'), /câmpul „licenceIssueDate” nu este o dată validă/],
    ['a missing id', (f: BackupFile) => delete f.tables['organizations']![0]!['id'], /câmpul „id” lipsește/],
    ['a field that is not in the schema', (f: BackupFile) => (f.tables['organizations']![0]!['parola'] = 'x'), /câmpul „parola” nu face parte din schema/],
    ['a unit of an NGO that is not in the file', (f: BackupFile) => (f.tables['units']![0]!['organizationId'] = 'nu-exista'), /câmpul „organizationId” trimite la „nu-exista”, care nu există în tabelul „ONG-uri”/],
    ['two records with the same key', (f: BackupFile) => f.tables['organizations']!.push({ ...f.tables['organizations']![0]! }), /se repetă/],
    ['an audit entry without a time', (f: BackupFile) => (f.tables['audit']![0]!['at'] = 'ieri'), /„Jurnal modificări \(doar se adaugă\)”, înregistrarea 1: câmpul „at” nu este un moment de timp valid/],
  ])('refuses %s, naming the table, the record and the field', async (_name, change, message) => {
    const text = await forged(await exportBackupText((await populated()).db, '0.1.0'), change);
    const store = await target();
    await expect(previewRestore(store.db, text)).rejects.toThrow(message);
    await expectUntouched(store);
  });

  it('refuses __proto__, constructor and prototype keys anywhere in the file', async () => {
    const text = await exportBackupText((await populated()).db, '0.1.0');
    const store = await target();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const poisoned = text.replace('"notes":""', `"notes":"","${key}":{"isAdmin":true}`);
      await expect(previewRestore(store.db, poisoned)).rejects.toThrow(`cheia interzisă „tables.organizations[0].${key}”`);
    }
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    await expectUntouched(store);
  });

  it('refuses an older schema with the reason, before any confirmation', async () => {
    const older = SCHEMA_VERSION - 1;
    const text = await forged(await exportBackupText((await populated()).db, '0.1.0'), (f) => (f.schemaVersion = older));
    const store = await target();
    await expect(previewRestore(store.db, text)).rejects.toThrow(`schema bazei de date versiunea ${older}, mai veche decât a aplicației (${SCHEMA_VERSION})`);
    await expectUntouched(store);
  });

  it('refuses a file over 512 MiB before reading it, saying the limit', async () => {
    const store = await target();
    const huge = { length: MAX_BACKUP_BYTES + 1 } as unknown as Uint8Array;
    await expect(previewRestore(store.db, huge)).rejects.toThrow('mai mare de 512 MiB');
    await expectUntouched(store);
  });

  it('accepts the whole demo data set, and shows the tables in Romanian', async () => {
    const source = await freshStore();
    await loadDemoData(source.db, '2026-11-23');
    const preview = await previewRestore((await freshStore()).db, await exportBackupText(source.db, '0.1.0'));
    expect(preview.plan.find((p) => p.table === 'commissionMembers')?.added).toBeGreaterThan(0);
    expect(preview.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('restore: audited, undoable, all or nothing', () => {
  it('logs the counts per table and the SHA-256 of the file, and keeps a safety copy of the data before', async () => {
    const text = await exportBackupText((await populated()).db, '0.1.0');
    const store = await target();
    const preview = await previewRestore(store.db, text);
    await applyRestore(store.db, preview);
    const entry = (await store.db.audit.toArray()).find((e) => e.action === 'restaurare')!;
    expect(entry.changes).toContainEqual({ field: 'sha256', after: preview.fileSha256 });
    expect(entry.changes).toContainEqual({ field: 'organizations', after: '1 adăugate, 0 modificate, 1 eliminate, 0 neschimbate' });
    expect(entry.changes).toContainEqual({ field: 'units', after: '1 adăugate, 0 modificate, 0 eliminate, 0 neschimbate' });

    const [copy] = await listSafetyBackups(store.db);
    expect(copy?.reason).toBe('inainte_de_restaurare');
    // Undo: restoring the safety copy brings back the data as it was before the restore.
    await applyRestore(store.db, await previewRestore(store.db, await safetyBackupText(store.db, copy!.id)));
    expect((await store.organizations.list()).map((o) => o.name)).toEqual(['Rămâne neatins']);
    expect(await store.db.units.count()).toBe(0);
  });

  it('the demo load logs its counts per table and the checksum of the data set', async () => {
    const store = await freshStore();
    const result = await loadDemoData(store.db, '2026-11-23');
    const entry = (await store.db.audit.toArray()).find((e) => e.entityId === 'demo' && e.label === 'Date demonstrative')!;
    expect(entry.changes).toContainEqual({ field: 'organizations', after: `${result.organizations} adăugate` });
    // The requests of the round being evaluated and of last year's finished round.
    expect(entry.changes).toContainEqual({ field: 'requests', after: `${result.requests + result.finalYear.requests} adăugate` });
    expect(entry.changes.find((c) => c.field === 'sha256')?.after).toMatch(/^[0-9a-f]{64}$/);
  });

  it(`keeps only the last ${SAFETY_BACKUPS_KEPT} safety copies`, async () => {
    const text = await exportBackupText((await populated()).db, '0.1.0');
    const store = await target();
    for (let i = 0; i < SAFETY_BACKUPS_KEPT + 2; i++) await applyRestore(store.db, await previewRestore(store.db, text));
    expect(await store.db.safetyBackups.count()).toBe(SAFETY_BACKUPS_KEPT);
  });

  it('merges audit entries without ever replacing an existing one', async () => {
    const source = await populated();
    const text = await exportBackupText(source.db, '0.1.0');
    const [first] = await source.db.audit.toArray();
    const altered = await forged(text, (f) => (f.tables['audit']!.find((e) => e['id'] === first!.id)!['user'] = 'Altcineva'));
    const store = await freshStore();
    await applyRestore(store.db, await previewRestore(store.db, text));
    await applyRestore(store.db, await previewRestore(store.db, altered));
    expect((await store.db.audit.get(first!.id))?.user).toBe(first!.user);
  });

  it('leaves nothing partial when a write fails at any step of the restore', async () => {
    const text = await exportBackupText((await populated()).db, '0.1.0');
    const writes = await expectAllOrNothing(
      async (store) => {
        await store.organizations.create(orgDraft({ cui: '4305857', name: 'Rămâne neatins' }));
      },
      async (store) => applyRestore(store.db, await previewRestore(store.db, text)),
      (actual, expected, message) => expect(actual, message).toEqual(expected),
      // The safety copy is its own transaction, taken before: a failed restore may leave it (that is its purpose).
      { ignoreTables: ['safetyBackups'] },
    );
    expect(writes).toBeGreaterThan(BACKUP_TABLE_COUNT_MIN);
  });
});

const BACKUP_TABLE_COUNT_MIN = 10;

describe('fault injection: every write transaction is all or nothing', () => {
  const check = (actual: unknown, expected: unknown, message: string) => expect(actual, message).toEqual(expected);

  it('creating an NGO (record and audit entry)', async () => {
    expect(await expectAllOrNothing(async () => {}, (s) => s.organizations.create(orgDraft()), check)).toBeGreaterThanOrEqual(2);
  });

  it('importing units', async () => {
    let orgId = '';
    const writes = await expectAllOrNothing(
      async (s) => { orgId = (await s.organizations.create(orgDraft())).id; },
      (s) => s.units.importMany([unitDraft(orgId), unitDraft(orgId, { name: 'Cantina socială', serviceCode: '8899 CPDH-I' })]),
      check,
    );
    expect(writes).toBeGreaterThanOrEqual(2);
  });

  // The base set is one transaction; the finished year after it is made by the services, each step its own transaction (tested with its repository).
  it('loading the demo data', async () => {
    expect(await expectAllOrNothing(async () => {}, (s) => loadDemoBase(s.db, '2026-11-23'), check)).toBeGreaterThanOrEqual(5);
  });

  it('updating a round and deleting a unit', async () => {
    let roundId = '';
    await expectAllOrNothing(
      async (s) => { roundId = (await s.rounds.create({ ...emptyFundingRound(2027), name: 'Runda', budget: 1_00 as never, submissionStart: '01.08.2026', submissionEnd: '30.09.2026' })).id; },
      async (s) => s.rounds.update(roundId, { ...(await s.rounds.get(roundId))!, budget: 2_00 as never }, 1),
      check,
    );
    let unitId = '';
    await expectAllOrNothing(
      async (s) => { unitId = (await s.units.create(unitDraft((await s.organizations.create(orgDraft())).id))).id; },
      (s) => s.units.remove(unitId),
      check,
    );
  });
});
