import { createAuditRepository } from './audit-log';
import { createBackupService } from './backup';
import { DATABASE_NAME, openDatabase, type SubventiiDb } from './database';
import { createDemoService } from './demo';
import {
  createAppealRepository, createCommissionRepository, createDeclarationRepository, createEvaluationRepository, createGridRepository, createMemberRepository,
  createNonWorkingDayRepository, createRecusalRepository, createScoreSheetRepository, createSessionRepository,
} from './repositories/commission';
import { createConventionRepository } from './repositories/conventions';
import { createDecisionRepository } from './repositories/decisions';
import { createNomenclatureRepository } from './repositories/nomenclature';
import { createOrganizationRepository } from './repositories/organizations';
import { createParameterRepository } from './repositories/parameters';
import { createRequestRepository } from './repositories/requests';
import { createRoundRepository } from './repositories/rounds';
import { createSettingsRepository } from './repositories/settings';
import { createSnapshotRepository } from './repositories/snapshots';
import { createIssuedDocumentRepository } from './repositories/issued-documents';
import { createUnitRepository } from './repositories/units';
import { createSettlementRepository } from './repositories/settlements';
import { createPaymentRepository } from './repositories/payments';
import { createMonitoringRepository } from './repositories/monitoring';
import { tablesLiveQuery } from './tables-live-query';
import { persistedRead, prefetchKept } from './persisted-read';
import { APP_BUILD } from '../platform/app-info';

/**
 * Everything the screens use to read and change data. Screens never touch Dexie directly: they get
 * a Store (no `db`), so the audit log can only be appended to by the repositories.
 */
export function createStore(db: SubventiiDb, build: string | null = APP_BUILD) {
  return {
    /** For tests and the db layer only; screens get a Store without it. */
    db,
    audit: createAuditRepository(db),
    backup: createBackupService(db),
    demo: createDemoService(db),
    organizations: createOrganizationRepository(db),
    units: createUnitRepository(db),
    settings: createSettingsRepository(db),
    nomenclature: createNomenclatureRepository(db),
    rounds: createRoundRepository(db),
    parameters: createParameterRepository(db),
    requests: createRequestRepository(db),
    commissions: createCommissionRepository(db),
    members: createMemberRepository(db),
    sessions: createSessionRepository(db),
    declarations: createDeclarationRepository(db),
    recusals: createRecusalRepository(db),
    grids: createGridRepository(db),
    evaluations: createEvaluationRepository(db),
    scoreSheets: createScoreSheetRepository(db),
    appeals: createAppealRepository(db),
    nonWorkingDays: createNonWorkingDayRepository(db),
    snapshots: createSnapshotRepository(db),
    issuedDocuments: createIssuedDocumentRepository(db),
    decisions: createDecisionRepository(db),
    /** Conventions of subsidy with their amendments, payment plan (instalments) and budget commitment. */
    conventions: createConventionRepository(db),
    settlements: createSettlementRepository(db),
    payments: createPaymentRepository(db),
    /** Monitoring visits: plans, visits and checklists, attachments, findings, follow-ups, suspensions. */
    monitoring: createMonitoringRepository(db),
    /**
     * A live read of a screen that follows whole tables (renderer/db/tables-live-query.ts): run again
     * after any committed change to a table it read. For reads of many records by key, where Dexie's
     * liveQuery would follow every key; with `keep`, its value outlives the screen while nothing it
     * read changes.
     */
    followTables: <T>(read: () => Promise<T>, options?: { keep?: boolean }) => tablesLiveQuery<T>(db, read, options),
    /**
     * `read` through its value kept across starts (renderer/db/persisted-read.ts): the value kept
     * in `slot` for `id` while no table it read has been written since, else `read` run and kept.
     */
    persisted: <T>(slot: string, id: string, read: () => Promise<T>) => persistedRead<T>(db, { slot, id, build }, read),
    /**
     * Reads the value kept in `slot` ahead of the read that will take it (it checks it then), read
     * again by `refresh` when no longer exact; returns what forgets it.
     */
    prefetchPersisted: (slot: string, refresh?: (id: string) => () => Promise<unknown>) => prefetchKept(db, slot, build, refresh),
  };
}

/** The store with the raw database handle: for the db layer, start-up and tests. */
export type DbStore = ReturnType<typeof createStore>;
/** What the screens and services get: the repositories, never the raw database handle. */
export type Store = Omit<DbStore, 'db'>;

export async function openStore(name: string = DATABASE_NAME): Promise<DbStore> {
  return createStore(await openDatabase(name));
}
