import type { Table } from 'dexie';
import { validateFundingRound, type FundingRound } from '../../../src/rounds/funding-round';
import type { SubventiiDb } from '../database';
import { createAuditedRepository } from './audited-repository';

export function createRoundRepository(db: SubventiiDb) {
  return createAuditedRepository<FundingRound>(db, {
    // Dexie types the insert of an EntityTable with an optional id; ours always carries one.
    table: db.rounds as unknown as Table<FundingRound, string>,
    entity: 'rounds',
    noun: 'Runda de finanțare',
    label: (round) => round.name,
    validate: validateFundingRound,
  });
}

export type RoundRepository = ReturnType<typeof createRoundRepository>;
