import { DATABASE_NAME, openDatabase, type SubventiiDb } from './database';
import {
  createAppealRepository, createCommissionRepository, createDeclarationRepository, createEvaluationRepository, createGridRepository, createMemberRepository,
  createNonWorkingDayRepository, createRecusalRepository, createScoreSheetRepository, createSessionRepository,
} from './repositories/commission';
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

/** Everything the screens use to read and change data. Screens never touch Dexie directly. */
export function createStore(db: SubventiiDb) {
  return {
    db,
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
  };
}

export type Store = ReturnType<typeof createStore>;

export async function openStore(name: string = DATABASE_NAME): Promise<Store> {
  return createStore(await openDatabase(name));
}
