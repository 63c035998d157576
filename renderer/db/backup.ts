import { createBackup, parseBackup, planRestore, serializeBackup, type BackupFile, type BackupTables, type TableRestorePlan } from '../../src/backup/backup-file';
import { DomainError } from '../../src/errors';
import { appendAudit } from './audit-log';
import { APPEND_ONLY_TABLES, BACKUP_TABLES, SCHEMA_VERSION, type SubventiiDb } from './database';

async function readAllTables(db: SubventiiDb): Promise<BackupTables> {
  const tables: BackupTables = {};
  await db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    for (const name of BACKUP_TABLES) tables[name] = (await db.table(name).toArray()) as BackupTables[string];
  });
  return tables;
}

/** The whole database as one versioned JSON text with a checksum. */
export async function exportBackupText(db: SubventiiDb, appVersion: string): Promise<string> {
  return serializeBackup(await createBackup({ schemaVersion: SCHEMA_VERSION, appVersion, tables: await readAllTables(db) }));
}

export interface RestorePreview {
  file: BackupFile;
  plan: TableRestorePlan[];
}

/** Checks a backup file and says what restoring it would change; touches nothing. */
export async function previewRestore(db: SubventiiDb, text: string): Promise<RestorePreview> {
  const parsed = await parseBackup(text, { maxSchemaVersion: SCHEMA_VERSION, knownTables: BACKUP_TABLES });
  if (!parsed.ok) throw new DomainError(parsed.message);
  const current = await readAllTables(db);
  return { file: parsed.value, plan: planRestore(current, parsed.value.tables, APPEND_ONLY_TABLES) };
}

/**
 * Replaces the data with the backup's, in one transaction (all or nothing). The audit log is
 * append-only: the backup's entries are merged in, none is removed, and the restore is logged.
 */
export async function applyRestore(db: SubventiiDb, file: BackupFile): Promise<void> {
  if (file.schemaVersion !== SCHEMA_VERSION) {
    throw new DomainError(
      `Copia de siguranță are schema versiunea ${file.schemaVersion}, iar aplicația folosește versiunea ${SCHEMA_VERSION}. Restaurarea se poate face doar pentru aceeași versiune a schemei; exportați din nou datele din versiunea actuală.`,
    );
  }
  const plan = planRestore(await readAllTables(db), file.tables, APPEND_ONLY_TABLES);
  await db.transaction('rw', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    for (const name of BACKUP_TABLES) {
      const rows = file.tables[name] ?? [];
      if ((APPEND_ONLY_TABLES as readonly string[]).includes(name)) {
        const existing = new Set((await db.table(name).toCollection().primaryKeys()) as string[]);
        await db.table(name).bulkAdd(rows.filter((r) => !existing.has(String(r['id']))));
      } else {
        await db.table(name).clear();
        await db.table(name).bulkAdd(rows);
      }
    }
    const summary = plan.map((p) => `${p.table}: +${p.added} ~${p.changed} -${p.removed}`).join('; ');
    await appendAudit(db, [{
      entity: 'database',
      entityId: 'backup',
      label: `Copie de siguranță din ${file.createdAt}`,
      action: 'restaurare',
      changes: [{ field: 'rezumat', before: null, after: summary }],
    }]);
  });
}
