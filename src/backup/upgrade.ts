import { upgradeTeam } from '../monitoring/visit';
import type { BackupFile, BackupTables } from './backup-file';

/**
 * A backup made by an earlier release is brought to the current schema before it is checked, so a
 * user who updates the app can still restore yesterday's copy. Each step says what its schema
 * version added; a step that only adds tables (or indexes) needs no transform: the added tables
 * start empty, exactly as the database migration leaves them. Every schema version after
 * OLDEST_UPGRADABLE_SCHEMA has its step here (a unit test keeps this list and the migrations in
 * step), and the upgraded tables are then checked against the full current schema like any file.
 */
export interface BackupUpgradeStep {
  /** The schema version this step produces. */
  toVersion: number;
  /** What the version added, in Romanian, for the restore's summary. */
  description: string;
  /** Tables that did not exist before this version: absent from older files, they start empty. */
  addedTables: readonly string[];
  /** Changes the records of existing tables need, if the version changed their shape. */
  transform?(tables: BackupTables): BackupTables;
}

/**
 * Schema 7 (acts as records: snapshots, issued documents, decisions) is the oldest backup that
 * can be upgraded: earlier schemas predate the commission's acts and their records took other
 * shapes, so those copies are restored with the release that made them.
 */
export const OLDEST_UPGRADABLE_SCHEMA = 7;

export const BACKUP_UPGRADE_STEPS: readonly BackupUpgradeStep[] = [
  {
    toVersion: 8,
    description: 'convențiile, actele adiționale, planul de plăți, angajamentele bugetare, deconturile, plățile și recuperările',
    addedTables: ['conventions', 'conventionAmendments', 'instalments', 'budgetCommitments', 'settlements', 'payments', 'paymentImports', 'recoveries'],
  },
  { toVersion: 9, description: 'indexul cererilor după anul subvenției (fără schimbări de date)', addedTables: [] },
  {
    toVersion: 10,
    description: 'planurile de vizite, vizitele de monitorizare cu fișierele atașate, constatările, urmărirea recomandărilor, suspendările și listele de verificare editate',
    addedTables: ['visitPlans', 'visits', 'visitAttachments', 'findings', 'followUps', 'suspensions', 'checklistTemplates'],
  },
  // The replica's state and the offline outbox (shared mode) are not part of a backup.
  { toVersion: 11, description: 'starea replicii și coada de ciorne a modului partajat (nu fac parte din copie; fără schimbări de date)', addedTables: [] },
  // As the database's upgrade (renderer/db/migrations/v12-visit-team-roles.ts): names become members with LEGACY_TEAM_ROLE.
  {
    toVersion: 12,
    description: 'echipa vizitelor de monitorizare cu funcția fiecărui membru (membrii vizitelor mai vechi primesc funcția „membru al echipei de monitorizare”)',
    addedTables: [],
    transform: (tables) => (tables['visits'] ? { ...tables, visits: tables['visits'].map((row) => ({ ...row, team: upgradeTeam(row['team']) })) } : tables),
  },
  // The copies of the NGOs and units read at start (renderer/db/table-snapshots.ts) are a cache, not part of a backup.
  { toVersion: 13, description: 'copiile catalogului și ale registrului citite la pornire (nu fac parte din copie; fără schimbări de date)', addedTables: [] },
];

export type UpgradeResult = { ok: true; file: BackupFile; steps: BackupUpgradeStep[] } | { ok: false; message: string };

/** The file's tables brought from its schema version to `targetVersion`, step by step. */
export function upgradeBackup(file: BackupFile, targetVersion: number, steps: readonly BackupUpgradeStep[] = BACKUP_UPGRADE_STEPS): UpgradeResult {
  if (file.schemaVersion === targetVersion) return { ok: true, file, steps: [] };
  if (file.schemaVersion < OLDEST_UPGRADABLE_SCHEMA) {
    return {
      ok: false,
      message: `Copia de siguranță are schema bazei de date versiunea ${file.schemaVersion}, mai veche decât cele pe care aplicația le poate aduce la zi (de la ${OLDEST_UPGRADABLE_SCHEMA}; aplicația folosește ${targetVersion}). Restaurați-o cu versiunea aplicației care a făcut-o, apoi faceți o copie nouă. Datele actuale nu au fost atinse.`,
    };
  }
  const applied: BackupUpgradeStep[] = [];
  let tables: BackupTables = { ...file.tables };
  for (let version = file.schemaVersion + 1; version <= targetVersion; version++) {
    const step = steps.find((s) => s.toVersion === version);
    if (!step) return { ok: false, message: `Aplicația nu știe să aducă la zi o copie de siguranță la schema versiunea ${version}. Datele actuale nu au fost atinse.` };
    for (const name of step.addedTables) {
      if (Object.hasOwn(tables, name)) {
        return { ok: false, message: `Copia de siguranță este deteriorată: are schema versiunea ${file.schemaVersion}, dar conține tabelul „${name}”, apărut în versiunea ${version}. Datele actuale nu au fost atinse.` };
      }
      tables[name] = [];
    }
    if (step.transform) tables = step.transform(tables);
    applied.push(step);
  }
  return { ok: true, file: { ...file, schemaVersion: targetVersion, tables }, steps: applied };
}
