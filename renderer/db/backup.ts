import {
  createBackup, MAX_BACKUP_BYTES, MAX_BACKUP_SIZE_MESSAGE, parseBackup, planRestore, serializeBackup, sha256Hex, type BackupFile, type BackupTables, type TableRestorePlan,
} from '../../src/backup/backup-file';
import type { SafetyBackup } from '../../src/backup/safety-backup';
import { TABLE_DESCRIPTORS } from '../../src/backup/schema';
import { BACKUP_UPGRADE_STEPS } from '../../src/backup/upgrade';
import { newId } from '../../src/entity';
import { DomainError } from '../../src/errors';
import { appendAudit, mergeAuditEntries } from './audit-log';
import { APPEND_ONLY_TABLES, BACKUP_TABLES, SCHEMA_VERSION, type SubventiiDb } from './database';

/** How many automatic safety copies are kept (the oldest go first). */
export const SAFETY_BACKUPS_KEPT = 5;

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
  /** SHA-256 of the file as read, written in the audit entry of the restore. */
  fileSha256: string;
}

/** The schema the backup of this version must follow: one descriptor per table of the backup. */
const BACKUP_SCHEMA = TABLE_DESCRIPTORS.filter((t) => (BACKUP_TABLES as readonly string[]).includes(t.name));

/**
 * Checks a backup file against the full schema of this version and says what restoring it would
 * change; touches nothing. A file of an older schema (from OLDEST_UPGRADABLE_SCHEMA on) is first
 * brought up to date by src/backup/upgrade.ts; a newer or too old schema, a missing table, a record
 * of the wrong shape, a dangling reference or a forbidden key is refused here, before any
 * confirmation is asked.
 */
export async function previewRestore(db: SubventiiDb, input: string | Uint8Array): Promise<RestorePreview> {
  if (input.length > MAX_BACKUP_BYTES) throw new DomainError(MAX_BACKUP_SIZE_MESSAGE);
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const parsed = await parseBackup(text, { maxSchemaVersion: SCHEMA_VERSION, knownTables: BACKUP_TABLES, schema: BACKUP_SCHEMA, upgradeSteps: BACKUP_UPGRADE_STEPS });
  if (!parsed.ok) throw new DomainError(parsed.message);
  const current = await readAllTables(db);
  return { file: parsed.value, plan: planRestore(current, parsed.value.tables, APPEND_ONLY_TABLES), fileSha256: await sha256Hex(text) };
}

/** Keeps a copy of the database as it is now, and only the last SAFETY_BACKUPS_KEPT copies. */
export async function takeSafetyBackup(db: SubventiiDb, appVersion: string, reason: SafetyBackup['reason']): Promise<SafetyBackup> {
  const text = await exportBackupText(db, appVersion);
  const copy: SafetyBackup = { id: newId(), takenAt: new Date().toISOString(), reason, text, size: new TextEncoder().encode(text).length };
  await db.transaction('rw', db.safetyBackups, async () => {
    await db.safetyBackups.add(copy);
    const ids = (await db.safetyBackups.orderBy('takenAt').primaryKeys()) as string[];
    // The copies are the app's own and are referenced by nothing: the oldest are let go.
    if (ids.length > SAFETY_BACKUPS_KEPT) await db.safetyBackups.bulkDelete(ids.slice(0, ids.length - SAFETY_BACKUPS_KEPT));
  });
  return copy;
}

/** The safety copies, newest first, without their text (which may be large). */
export async function listSafetyBackups(db: SubventiiDb): Promise<Omit<SafetyBackup, 'text'>[]> {
  const rows = await db.safetyBackups.orderBy('takenAt').reverse().toArray();
  return rows.map(({ text: _text, ...rest }) => rest);
}

export async function safetyBackupText(db: SubventiiDb, id: string): Promise<string> {
  const row = await db.safetyBackups.get(id);
  if (!row) throw new DomainError('Copia automată nu mai există (a fost înlocuită de una mai nouă).');
  return row.text;
}

/**
 * Replaces the data with the backup's, in one transaction (all or nothing), after keeping a safety
 * copy of the data as it was. The audit log is append-only: the backup's entries (already checked
 * against the schema) are merged in, none is replaced or removed, and the restore is logged with
 * the counts per table and the file's SHA-256.
 */
export async function applyRestore(db: SubventiiDb, preview: RestorePreview | BackupFile, options: { appVersion?: string } = {}): Promise<void> {
  const file = 'file' in preview ? preview.file : preview;
  const fileSha256 = 'file' in preview ? preview.fileSha256 : file.checksum;
  if (file.schemaVersion !== SCHEMA_VERSION) {
    throw new DomainError(
      `Copia de siguranță are schema versiunea ${file.schemaVersion}, iar aplicația folosește versiunea ${SCHEMA_VERSION}. Restaurarea se poate face doar pentru aceeași versiune a schemei; exportați din nou datele din versiunea actuală.`,
    );
  }
  await takeSafetyBackup(db, options.appVersion ?? file.appVersion, 'inainte_de_restaurare');
  const plan = planRestore(await readAllTables(db), file.tables, APPEND_ONLY_TABLES);
  await db.transaction('rw', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    for (const name of BACKUP_TABLES) {
      if ((APPEND_ONLY_TABLES as readonly string[]).includes(name)) continue;
      const rows = file.tables[name];
      if (!rows) throw new DomainError(`Copia de siguranță nu conține tabelul „${name}”; nu s-a modificat nimic.`);
      await db.table(name).clear();
      await db.table(name).bulkAdd(rows);
    }
    await mergeAuditEntries(db, file.tables['audit'] ?? []);
    await appendAudit(db, [{
      entity: 'database',
      entityId: 'backup',
      label: `Copie de siguranță din ${file.createdAt}`,
      action: 'restaurare',
      changes: [
        { field: 'sha256', after: fileSha256 },
        ...(file.upgradedFrom ? [{ field: 'schema', before: `versiunea ${file.upgradedFrom.schemaVersion}`, after: `versiunea ${file.schemaVersion} (adusă la zi: ${file.upgradedFrom.steps.join('; ')})` }] : []),
        ...plan.map((p) => ({ field: p.table, after: `${p.added} adăugate, ${p.changed} modificate, ${p.removed} eliminate, ${p.unchanged} neschimbate` })),
      ],
    }]);
  });
}

/** What the screens use for backups: no raw database handle leaves the db layer. */
export function createBackupService(db: SubventiiDb) {
  return {
    exportText: (appVersion: string) => exportBackupText(db, appVersion),
    preview: (input: string | Uint8Array) => previewRestore(db, input),
    apply: (preview: RestorePreview, appVersion?: string) => applyRestore(db, preview, { appVersion }),
    listSafetyCopies: () => listSafetyBackups(db),
    safetyCopyText: (id: string) => safetyBackupText(db, id),
  };
}
