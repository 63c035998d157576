import { invalid, valid, type Validation } from '../validation/result';
import { findForbiddenKey, rowProblem, valuesAt, type TableDescriptor } from './schema-check';
import { upgradeBackup, type BackupUpgradeStep } from './upgrade';

export const BACKUP_FORMAT = 'subventii-ong-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** The largest backup file the app reads, in the web build as in Electron. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
export const MAX_BACKUP_SIZE_MESSAGE =
  'Fișierul este mai mare de 512 MiB, limita unei copii de siguranță Subvenții ONG. Nu a fost citit; datele actuale nu au fost atinse.';

/** Rows are plain records with a string primary key (`id`, or `key` for key-value tables). */
export type BackupRow = Record<string, unknown>;
export type BackupTables = Record<string, BackupRow[]>;

/** The one file that holds the whole database. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** Version of the database schema the rows follow. */
  schemaVersion: number;
  appVersion: string;
  createdAt: string;
  tables: BackupTables;
  /** SHA-256 (hex) of the canonical JSON of everything above. */
  checksum: string;
  /**
   * Set only on a file read by `parseBackup` that was brought from an older schema: the version
   * it had and what each step added (never written into a backup).
   */
  upgradedFrom?: { schemaVersion: number; steps: string[] };
}

/** JSON with object keys sorted, so the checksum does not depend on key order or formatting. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function payloadOf(file: Omit<BackupFile, 'checksum'>): string {
  const { format, formatVersion, schemaVersion, appVersion, createdAt, tables } = file;
  return canonicalJson({ format, formatVersion, schemaVersion, appVersion, createdAt, tables });
}

export async function createBackup(input: { schemaVersion: number; appVersion: string; tables: BackupTables; createdAt?: string }): Promise<BackupFile> {
  const base = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: input.schemaVersion,
    appVersion: input.appVersion,
    createdAt: input.createdAt ?? new Date().toISOString(),
    tables: input.tables,
  } as const;
  return { ...base, checksum: await sha256Hex(payloadOf(base)) };
}

export function serializeBackup(file: BackupFile): string {
  return JSON.stringify(file);
}

/**
 * Reads a backup file and checks that it is ours, whole and not newer than this app.
 * `knownTables` are the tables this app has; any other table in the file is refused.
 */
export async function parseBackup(
  text: string,
  options: {
    maxSchemaVersion: number;
    knownTables: readonly string[];
    /** Older schemas are refused (with the reason) when set: a restore needs the same schema. */
    minSchemaVersion?: number;
    /** The full schema: every table present, every record checked, references resolvable. */
    schema?: readonly TableDescriptor[];
    /**
     * Brings a file of an older schema (not older than `minSchemaVersion`, when set) to
     * `maxSchemaVersion` by these steps, after its checksum is verified and before the schema
     * check, which then applies to the upgraded tables.
     */
    upgradeSteps?: readonly BackupUpgradeStep[];
  },
): Promise<Validation<BackupFile>> {
  if (text.length > MAX_BACKUP_BYTES) return invalid(MAX_BACKUP_SIZE_MESSAGE);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return invalid('Fișierul nu este o copie de siguranță Subvenții ONG (nu este un fișier JSON valid).');
  }
  if (!data || typeof data !== 'object' || (data as BackupFile).format !== BACKUP_FORMAT) {
    return invalid('Fișierul nu este o copie de siguranță Subvenții ONG.');
  }
  const file = data as BackupFile;
  if (typeof file.formatVersion !== 'number' || file.formatVersion > BACKUP_FORMAT_VERSION) {
    return invalid('Copia de siguranță a fost făcută de o versiune mai nouă a aplicației. Actualizați aplicația înainte de restaurare.');
  }
  if (typeof file.schemaVersion !== 'number' || file.schemaVersion > options.maxSchemaVersion) {
    return invalid(`Copia de siguranță are schema bazei de date versiunea ${String(file.schemaVersion)}, mai nouă decât a aplicației (${options.maxSchemaVersion}). Actualizați aplicația.`);
  }
  if (options.minSchemaVersion !== undefined && file.schemaVersion < options.minSchemaVersion) {
    return invalid(
      `Copia de siguranță are schema bazei de date versiunea ${file.schemaVersion}, mai veche decât a aplicației (${options.maxSchemaVersion}). Restaurarea se face doar dintr-o copie cu aceeași versiune a schemei: deschideți-o cu versiunea aplicației care a făcut-o sau faceți o copie nouă. Datele actuale nu au fost atinse.`,
    );
  }
  if (!file.tables || typeof file.tables !== 'object' || Array.isArray(file.tables)) {
    return invalid('Copia de siguranță este deteriorată: lipsesc tabelele.');
  }
  const forbidden = findForbiddenKey(data);
  if (forbidden) return invalid(`Copia de siguranță este refuzată: conține cheia interzisă „${forbidden}”. Datele actuale nu au fost atinse.`);
  for (const [name, rows] of Object.entries(file.tables)) {
    if (!options.knownTables.includes(name)) return invalid(`Copia de siguranță conține un tabel necunoscut („${name}”).`);
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) {
      return invalid(`Copia de siguranță este deteriorată: tabelul „${name}” nu conține înregistrări valide.`);
    }
  }
  const expected = await sha256Hex(payloadOf(file));
  if (file.checksum !== expected) {
    return invalid('Copia de siguranță este deteriorată sau a fost modificată (suma de control nu se potrivește). Datele actuale nu au fost atinse.');
  }
  let checked = file;
  if (options.upgradeSteps && file.schemaVersion < options.maxSchemaVersion) {
    const upgraded = upgradeBackup(file, options.maxSchemaVersion, options.upgradeSteps);
    if (!upgraded.ok) return invalid(upgraded.message);
    checked = { ...upgraded.file, upgradedFrom: { schemaVersion: file.schemaVersion, steps: upgraded.steps.map((s) => s.description) } };
  }
  if (options.schema) {
    const missing = options.schema.find((t) => !Object.hasOwn(checked.tables, t.name));
    if (missing) {
      return invalid(`Copia de siguranță este incompletă: lipsește tabelul „${missing.label}”. O copie fără un tabel nu poate fi restaurată (ar șterge toate înregistrările lui); datele actuale nu au fost atinse.`);
    }
  }
  if (options.schema) {
    const problem = schemaProblem(checked.tables, options.schema);
    if (problem) return invalid(`Copia de siguranță nu respectă schema bazei de date: ${problem}. Datele actuale nu au fost atinse.`);
  }
  return valid(checked);
}

/**
 * The first way the tables break the schema, in Romanian, or null: a record with a field of the
 * wrong type or format, two records with the same key, a reference to a record that is not there.
 */
export function schemaProblem(tables: BackupTables, schema: readonly TableDescriptor[]): string | null {
  const keys = new Map<string, Set<string>>();
  for (const table of schema) {
    const rows = tables[table.name] ?? [];
    const seen = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const where = `tabelul „${table.label}”, înregistrarea ${i + 1}`;
      const problem = rowProblem(table, row);
      if (problem) return `${where}: ${problem}`;
      const key = String(row[table.key]);
      if (seen.has(key)) return `${where}: cheia „${key}” se repetă`;
      seen.add(key);
    }
    keys.set(table.name, seen);
  }
  for (const table of schema) {
    const rows = tables[table.name] ?? [];
    for (let i = 0; i < rows.length; i++) {
      for (const reference of table.references) {
        const target = keys.get(reference.table);
        if (!target) continue;
        const dangling = valuesAt(rows[i], reference.path).find((v) => !target.has(v) && !reference.external?.includes(v));
        if (dangling !== undefined) {
          const targetLabel = schema.find((t) => t.name === reference.table)?.label ?? reference.table;
          return `tabelul „${table.label}”, înregistrarea ${i + 1}: câmpul „${reference.path}” trimite la „${dangling}”, care nu există în tabelul „${targetLabel}”`;
        }
      }
    }
  }
  return null;
}

export interface TableRestorePlan {
  table: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

function rowKey(row: BackupRow): string {
  return String(row['id'] ?? row['key'] ?? canonicalJson(row));
}

/**
 * What a restore will do to each table: rows only in the backup are added, rows that differ are
 * replaced, rows only in the current database are removed. Append-only tables (the audit log)
 * are merged instead: nothing is removed from them.
 */
export function planRestore(current: BackupTables, incoming: BackupTables, appendOnly: readonly string[] = []): TableRestorePlan[] {
  const names = [...new Set([...Object.keys(current), ...Object.keys(incoming)])].sort();
  return names.map((table) => {
    const now = new Map((current[table] ?? []).map((r) => [rowKey(r), canonicalJson(r)]));
    const next = new Map((incoming[table] ?? []).map((r) => [rowKey(r), canonicalJson(r)]));
    let added = 0;
    let changed = 0;
    let unchanged = 0;
    for (const [key, json] of next) {
      const before = now.get(key);
      if (before === undefined) added++;
      else if (before === json) unchanged++;
      else changed++;
    }
    const removed = appendOnly.includes(table) ? 0 : [...now.keys()].filter((k) => !next.has(k)).length;
    return { table, added, changed, removed, unchanged };
  });
}
