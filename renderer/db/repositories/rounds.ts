import type { Table } from 'dexie';
import { duplicateRoundNameError, validateFundingRound, type FundingRound } from '../../../src/rounds/funding-round';
import type { SubventiiDb } from '../database';
import { createAuditedRepository } from './audited-repository';

export function createRoundRepository(db: SubventiiDb) {
  return createAuditedRepository<FundingRound>(db, {
    // Dexie types the insert of an EntityTable with an optional id; ours always carries one.
    table: db.rounds as unknown as Table<FundingRound, string>,
    entity: 'rounds',
    noun: 'Runda de finanțare',
    label: (round) => round.name,
    // The pure rules, then the one that needs the other rounds: no two share a name.
    validate: async (draft, id) => {
      const result = validateFundingRound(draft);
      const duplicate = duplicateRoundNameError(result.value.name, await db.rounds.toArray(), id);
      return duplicate ? { ...result, errors: { ...result.errors, name: result.errors.name ?? duplicate } } : result;
    },
  });
}

export type RoundRepository = ReturnType<typeof createRoundRepository>;
