import { Dexie, type EntityTable } from 'dexie';
import type { AuditEntry } from '../../src/audit/diff';
import type { Organization } from '../../src/catalog/organization';
import type { NomenclatureEntry } from '../../src/register/nomenclature';
import type { FundingRound } from '../../src/rounds/funding-round';
import type { ParameterValue } from '../../src/parameters/types';
import type { SubsidyRequest } from '../../src/requests/subsidy-request';
import type { SocialServiceUnit } from '../../src/register/unit';
import { applyV1 } from './migrations/v1-initial';
import { applyV2 } from './migrations/v2-search-and-nomenclature';
import { applyV3 } from './migrations/v3-funding-rounds';
import { applyV4 } from './migrations/v4-parameter-values';
import { applyV5 } from './migrations/v5-subsidy-requests';
import { applyV6 } from './migrations/v6-commission';
import { applyV7 } from './migrations/v7-acts';
import { applyV8 } from './migrations/v8-finance';
import { applyV9 } from './migrations/v9-request-year';
import { applyV10 } from './migrations/v10-monitoring';
import { applyV11 } from './migrations/v11-replica';
import { applyV12 } from './migrations/v12-visit-team-roles';
import { applyV13 } from './migrations/v13-table-snapshots';
import { DATABASE_NAME, earlyVersion, readEarly } from './early-read';
import { tableSnapshotsMiddleware, type SnapshotChunk, type SnapshotMeta } from './table-snapshots';
import { tablesReadMiddleware } from './tables-live-query';
import { partitionSnapshotsMiddleware } from './partition-snapshots';
import { writeTokensMiddleware } from './write-tokens';
import type { Appeal } from '../../src/commission/appeals';
import type { Commission } from '../../src/commission/commission';
import type { ImpartialityDeclaration } from '../../src/commission/conflicts';
import type { CommissionMember } from '../../src/commission/members';
import type { RecordedRecusal, RoundEvaluation } from '../../src/commission/round-evaluation';
import type { ScoreSheet } from '../../src/commission/scores';
import type { ScoringGrid } from '../../src/commission/scoring-grid';
import type { CommissionSession } from '../../src/commission/session';
import type { StoredNonWorkingDay } from '../../src/calendar/public-holidays';
import type { SafetyBackup } from '../../src/backup/safety-backup';
import type { CommissionDecision } from '../../src/commission/decisions';
import type { ResultsSnapshot } from '../../src/commission/results-snapshot';
import type { DocumentFile, IssuedDocument } from '../../src/documents/issued-document';
import type { Entity } from '../../src/entity';
import type { Convention } from '../../src/conventions/convention';
import type { Amendment } from '../../src/conventions/amendments';
import type { BudgetCommitment, Instalment } from '../../src/conventions/payment-plan';
import type { MonthlySettlement } from '../../src/settlements/monthly-settlement';
import type { RecordedPayment } from '../../src/settlements/payment-matching';
import type { RecoveryRecord } from '../../src/settlements/reconciliation';
import type { MonitoringVisit, VisitPlan } from '../../src/monitoring/visit';
import type { Finding, FollowUp, Suspension } from '../../src/monitoring/findings';
import type { VisitAttachment } from '../../src/monitoring/attachments';
import type { ChecklistTemplate } from '../../src/monitoring/checklist';

export { DATABASE_NAME };

/** Records as stored: the domain entity plus the precomputed search text. */
export type StoredOrganization = Organization & { searchText: string };
export type StoredUnit = SocialServiceUnit & { searchText: string };
export type StoredParameterValue = ParameterValue & { id: string; version?: number };
/** Finance records whose domain type has no identity of its own: stored with one. */
export type StoredInstalment = Instalment & Entity;
export type StoredCommitment = BudgetCommitment & Entity;
export type StoredPayment = RecordedPayment & Entity & { importId: string; year: number; month: number; ordonantareNumber: string };
export type StoredRecovery = RecoveryRecord & Entity & { year: number; statementDocumentId?: string };
/** One import of the accounting system's export of payments: the file, who imported it, what it found. */
export interface StoredPaymentImport extends Entity {
  fileName: string;
  sha256: string;
  importedAt: string;
  importedBy: string;
  rowCount: number;
  newCount: number;
  /** The rows not recorded, with their status and reason (row, status, message). */
  unmatched: { row: number; status: string; message: string }[];
}
/** A visit's attachment as stored: the bytes in base64 (like documentFiles), so that the JSON backup carries them. */
export type StoredVisitAttachment = Omit<VisitAttachment, 'data'> & { dataBase64: string };
/**
 * A checklist template added or edited by users: one row per version (`key` = templateId@version).
 * A version already used on a visit whose report was issued is never changed: edits save a new one.
 */
export interface StoredChecklistTemplate extends Entity {
  key: string;
  templateId: string;
  template: ChecklistTemplate;
  /** Who saved the version and why (e.g. "completat din textul oficial"). */
  savedBy: string;
  note: string;
}
/** The replica's single state row (`key` = 'server'), v11. */
export interface ReplicaStateRow {
  key: 'server';
  serverUrl: string;
  login: string;
  groups: string[];
  /** The last serverSeq of the records (every replicated table) applied to this replica (0: never synchronised). */
  checkpoint: number;
  /**
   * The last serverSeq of the audit log applied (issue 13: it arrives after the records). Missing on
   * a replica filled before the split, whose feed brought both together: equal to `checkpoint` then.
   * Not indexed, so no schema change.
   */
  auditCheckpoint?: number;
  schemaVersion: number;
  /** When the replica last caught up with the server (ISO; not indexed, so no schema change). */
  lastSyncAt?: string;
}
/** A personal draft saved while offline (v11): sent when the server is back, the version check deciding. */
export interface OutboxEntry {
  seq?: number;
  table: string;
  recordId: string;
  operation: 'put' | 'delete';
  record: Record<string, unknown>;
  expectedVersion: number;
  queuedAt: string;
  /** Set when the server refused it once back (a conflict): shown to the user, never dropped silently. */
  refusal?: string;
  /** Queued by this login, which is not the one signed in now: held (with `refusal` saying why) until it signs in again. */
  heldFor?: string;
}
export interface SettingRow {
  key: string;
  value: unknown;
  /** Grows by one on every save (optimistic concurrency); absent on rows written before it. */
  version?: number;
}

/** Every schema version in order. A new version is a new file in migrations/ added here. */
export const MIGRATIONS: readonly ((db: Dexie) => void)[] = [applyV1, applyV2, applyV3, applyV4, applyV5, applyV6, applyV7, applyV8, applyV9, applyV10, applyV11, applyV12, applyV13];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Tables in a backup, and which of them only ever grow. */
export const BACKUP_TABLES = [
  'organizations', 'units', 'rounds', 'requests', 'parameterValues', 'settings', 'nomenclature',
  'commissions', 'commissionMembers', 'commissionSessions', 'declarations', 'recusals', 'scoringGrids', 'scoreSheets', 'roundEvaluations', 'appeals', 'nonWorkingDays',
  'resultSnapshots', 'issuedDocuments', 'documentFiles', 'commissionDecisions',
  'conventions', 'conventionAmendments', 'instalments', 'budgetCommitments', 'settlements', 'payments', 'paymentImports', 'recoveries',
  'visitPlans', 'visits', 'visitAttachments', 'findings', 'followUps', 'suspensions', 'checklistTemplates',
  'audit',
] as const;
export const APPEND_ONLY_TABLES = ['audit'] as const;

export type SubventiiDb = Dexie & {
  organizations: EntityTable<StoredOrganization, 'id'>;
  units: EntityTable<StoredUnit, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  nomenclature: EntityTable<NomenclatureEntry, 'code'>;
  rounds: EntityTable<FundingRound, 'id'>;
  parameterValues: EntityTable<StoredParameterValue, 'id'>;
  requests: EntityTable<SubsidyRequest, 'id'>;
  commissions: EntityTable<Commission, 'id'>;
  commissionMembers: EntityTable<CommissionMember, 'id'>;
  commissionSessions: EntityTable<CommissionSession, 'id'>;
  declarations: EntityTable<ImpartialityDeclaration, 'id'>;
  recusals: EntityTable<RecordedRecusal, 'id'>;
  scoringGrids: EntityTable<ScoringGrid, 'id'>;
  scoreSheets: EntityTable<ScoreSheet, 'id'>;
  roundEvaluations: EntityTable<RoundEvaluation, 'id'>;
  appeals: EntityTable<Appeal, 'id'>;
  nonWorkingDays: EntityTable<StoredNonWorkingDay, 'id'>;
  resultSnapshots: EntityTable<ResultsSnapshot, 'id'>;
  issuedDocuments: EntityTable<IssuedDocument, 'id'>;
  documentFiles: EntityTable<DocumentFile, 'id'>;
  commissionDecisions: EntityTable<CommissionDecision, 'id'>;
  conventions: EntityTable<Convention, 'id'>;
  conventionAmendments: EntityTable<Amendment, 'id'>;
  instalments: EntityTable<StoredInstalment, 'id'>;
  budgetCommitments: EntityTable<StoredCommitment, 'id'>;
  settlements: EntityTable<MonthlySettlement, 'id'>;
  payments: EntityTable<StoredPayment, 'id'>;
  paymentImports: EntityTable<StoredPaymentImport, 'id'>;
  recoveries: EntityTable<StoredRecovery, 'id'>;
  visitPlans: EntityTable<VisitPlan, 'id'>;
  visits: EntityTable<MonitoringVisit, 'id'>;
  visitAttachments: EntityTable<StoredVisitAttachment, 'id'>;
  findings: EntityTable<Finding, 'id'>;
  followUps: EntityTable<FollowUp, 'id'>;
  suspensions: EntityTable<Suspension, 'id'>;
  checklistTemplates: EntityTable<StoredChecklistTemplate, 'id'>;
  /** Not in the backup (shared mode only, v11): the replica's server, login and checkpoint; the drafts queued offline. */
  replicaState: EntityTable<ReplicaStateRow, 'key'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  /** Not in the backup: the copies the app takes of itself before a restore. */
  safetyBackups: EntityTable<SafetyBackup, 'id'>;
  /** Not in the backup (v13): the copies of the NGOs and units read at start (renderer/db/table-snapshots.ts). */
  tableSnapshots: EntityTable<SnapshotMeta | SnapshotChunk, 'key'>;
  audit: EntityTable<AuditEntry, 'id'>;
};

/** Opens (creating or migrating) the database; `upTo` exists for migration tests. */
export function createDatabase(name: string = DATABASE_NAME, upTo: number = SCHEMA_VERSION): SubventiiDb {
  // Dexie 4's default query cache ('cloned') deep-copies every result a live query reads, on top of
  // the copy IndexedDB already hands over: twice the work for the catalog's 20,000 NGOs at every
  // start (issue 10). Without it, live queries re-run after each committed change, as in Dexie 3.
  const db = new Dexie(name, { cache: 'disabled' }) as SubventiiDb;
  for (const migration of MIGRATIONS.slice(0, upTo)) migration(db);
  db.use(tableSnapshotsMiddleware(db));
  db.use(partitionSnapshotsMiddleware(db));
  db.use(writeTokensMiddleware());
  db.use(tablesReadMiddleware());
  return db;
}

/** Raised when the database on disk was created by a newer release of the app. */
export class NewerDatabaseError extends Error {
  override name = 'VersionError';
}

/**
 * The schema version of the database as it is on disk (0 when it does not exist yet), read with
 * the bare IndexedDB API so that nothing is changed. Dexie stores version × 10 natively.
 */
export function installedSchemaVersion(name: string = DATABASE_NAME): Promise<number> {
  return readEarly(name, []).then((read) => read.version);
}

/**
 * Opens the database, refusing one made by a newer release instead of opening and damaging it
 * (Dexie 4 would otherwise open it and add what it thinks is missing).
 */
export async function openDatabase(name: string = DATABASE_NAME): Promise<SubventiiDb> {
  // Read by the start chunk already when it started the early read (early-read.ts), else now.
  const installed = earlyVersion(name) ?? (await installedSchemaVersion(name));
  if (installed > SCHEMA_VERSION) {
    throw new NewerDatabaseError(`schema ${installed} > ${SCHEMA_VERSION}`);
  }
  const db = createDatabase(name);
  await db.open();
  return db;
}

/**
 * When another window or tab opens the database with a newer schema (IndexedDB `versionchange`),
 * this one closes its connection at once, so it never writes into a schema it does not know, and
 * `onOutdated` asks the user to reload.
 */
export function closeOnUpgrade(db: SubventiiDb, onOutdated: () => void): void {
  db.on('versionchange', () => {
    db.close();
    onOutdated();
    return false;
  });
}

/** Romanian message for the errors Dexie gives when opening fails. */
export function describeOpenError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'VersionError') {
    return 'Baza de date a fost creată de o versiune mai nouă a aplicației Subvenții ONG. Actualizați aplicația; datele nu au fost modificate.';
  }
  if (name === 'MissingAPIError' || name === 'InvalidStateError') {
    return 'Browserul nu permite stocarea datelor (IndexedDB indisponibil, de exemplu în modul privat).';
  }
  if (name === 'QuotaExceededError') return 'Spațiul de stocare este plin.';
  return `Baza de date nu a putut fi deschisă: ${(error as Error)?.message ?? String(error)}`;
}
