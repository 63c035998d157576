import type pg from 'pg';
import { parseBackup, type BackupRow } from '../src/backup/backup-file';
import { TABLE_DESCRIPTORS } from '../src/backup/schema';
import { normalizeCui } from '../src/validation/cui';
import { BACKUP_UPGRADE_STEPS } from '../src/backup/upgrade';
import { BACKUP_TABLES, SCHEMA_VERSION } from '../renderer/db/database';
import { REPLICATED_TABLES, WRITE_LOCK } from './commands';

/** What an upload stored, per table (Romanian labels), and the audit entries it carried over. */
export interface UploadReport {
  counts: { table: string; label: string; count: number }[];
  auditEntries: number;
  /** A copy made by an earlier release: the schema it had and the steps that brought it up to date. */
  upgradedFrom?: { schemaVersion: number; steps: string[] };
}

export class UploadError extends Error {
  override name = 'UploadError';
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const CHUNK = 2000;

// The results lock refuses score sheets, sessions and recusals of a locked round: evaluations go last.
const ORDER = [...REPLICATED_TABLES.filter((t) => t !== 'roundEvaluations'), 'roundEvaluations'];

/**
 * The one-off move of a workstation's database to an empty server: the app's backup file (checked
 * whole by src/backup: format, checksum, schema of every record, references) is stored with its
 * ids and versions in one transaction, with its audit log kept as it was and one "import" entry per
 * record by the login that uploads. Refused, changing nothing, when the server already holds data
 * or when two NGOs of the file share a CUI (reported, never merged). Runs as the schema's owner,
 * the only role that may write audit entries other than the triggers.
 */
export async function uploadBackup(client: pg.ClientBase, text: string): Promise<UploadReport> {
  // A copy made by an earlier release (schema 7 on) is brought up to date as a restore would, then checked whole.
  const parsed = await parseBackup(text, { maxSchemaVersion: SCHEMA_VERSION, knownTables: BACKUP_TABLES, schema: TABLE_DESCRIPTORS, upgradeSteps: BACKUP_UPGRADE_STEPS });
  if (!parsed.ok) throw new UploadError(parsed.message);
  const tables = parsed.value.tables;

  const byCui = new Map<string, BackupRow[]>();
  for (const org of tables['organizations'] ?? []) {
    // The same CUI written "RO 18547290" and "18547290" is the same NGO.
    const cui = normalizeCui(String(org['cui'] ?? '')).toUpperCase();
    if (cui) byCui.set(cui, [...(byCui.get(cui) ?? []), org]);
  }
  const duplicates = [...byCui].filter(([, orgs]) => orgs.length > 1);
  if (duplicates.length > 0) {
    throw new UploadError(
      `Încărcarea a fost refuzată; nu s-a schimbat nimic. ONG-uri cu același CUI în baza locală: ${duplicates.map(([cui, orgs]) => `CUI-ul ${cui} — ${orgs.map((o) => `„${String(o['name'])}” (id ${String(o['id'])})`).join(', ')}`).join('; ')}. Lăsați un singur ONG pentru fiecare CUI (celelalte, radiate și cu alt CUI sau unite în aplicația locală), faceți o copie nouă și încercați din nou.`,
    );
  }

  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const { rows: filled } = await client.query<{ t: string }>(REPLICATED_TABLES.map((t) => `(SELECT '${t}' AS t FROM ${quote(t)} LIMIT 1)`).join(' UNION ALL ') + ' LIMIT 1');
    if (filled.length > 0) {
      throw new UploadError(`Serverul are deja date (de exemplu în tabelul „${TABLE_DESCRIPTORS.find((d) => d.name === filled[0]!.t)?.label ?? filled[0]!.t}”): o bază locală se încarcă doar într-un server gol. Nu s-a schimbat nimic.`);
    }
    // The history first, as it was on the workstation (authors are the names typed in its settings then).
    const audit = tables['audit'] ?? [];
    for (let i = 0; i < audit.length; i += CHUNK) {
      await client.query(
        `INSERT INTO audit (id, at, author, entity, entity_id, label, action, changes)
         SELECT (e ->> 'id')::uuid, (e ->> 'at')::timestamptz, coalesce(e ->> 'user', ''), e ->> 'entity', e ->> 'entityId', e ->> 'label', e ->> 'action', coalesce(e -> 'changes', '[]')
         FROM jsonb_array_elements($1::jsonb) e ORDER BY (e ->> 'at'), (e ->> 'seq')::numeric`,
        [JSON.stringify(audit.slice(i, i + CHUNK))],
      );
    }
    await client.query(`SELECT set_config('subventii.audit_action', 'import', true)`);
    const counts: UploadReport['counts'] = [];
    for (const table of ORDER) {
      const descriptor = TABLE_DESCRIPTORS.find((d) => d.name === table)!;
      const rows = tables[table] ?? [];
      for (let i = 0; i < rows.length; i += CHUNK) {
        await client.query(
          `INSERT INTO ${quote(table)} (id, version, record, server_seq, modified_by, modified_at)
           SELECT r ->> $2, coalesce((r ->> 'version')::integer, 1), r - 'searchText', 0, '', now() FROM jsonb_array_elements($1::jsonb) r`,
          [JSON.stringify(rows.slice(i, i + CHUNK)), descriptor.key],
        );
      }
      counts.push({ table, label: descriptor.label, count: rows.length });
    }
    await client.query('COMMIT');
    return { counts: counts.filter((c) => c.count > 0), auditEntries: audit.length, ...(parsed.value.upgradedFrom ? { upgradedFrom: parsed.value.upgradedFrom } : {}) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
