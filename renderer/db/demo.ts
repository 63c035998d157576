import { canonicalJson, sha256Hex } from '../../src/backup/backup-file';
import { generateDemoData } from '../../src/demo/demo-data';
import { generateDemoCommission } from '../../src/demo/demo-commission';
import { generateDemoParameterValues } from '../../src/demo/demo-parameters';
import { generateDemoRounds } from '../../src/demo/demo-rounds';
import { DomainError } from '../../src/errors';
import { organizationSearchText } from '../../src/catalog/organization';
import { unitSearchText } from '../../src/register/unit';
import type { IsoDate } from '../../src/validation/dates';
import { appendAudit } from './audit-log';
import type { SubventiiDb } from './database';
import { parameterValueId } from './repositories/parameters';

/** Is there any record in the catalog, the register or the funding rounds? */
export async function holdsData(db: SubventiiDb): Promise<boolean> {
  return (await db.organizations.count()) > 0 || (await db.units.count()) > 0 || (await db.rounds.count()) > 0;
}

/**
 * Fills an empty database with the fictitious demonstration set. Refuses a database that already
 * holds data, so real records can never be mixed with demo ones.
 */
export async function loadDemoData(db: SubventiiDb, today: IsoDate): Promise<{ organizations: number; units: number; rounds: number; requests: number; parameterValues: number }> {
  const { organizations, units } = generateDemoData({ today });
  const rounds = generateDemoRounds(today);
  const evaluated = rounds.find((r) => r.status === 'in_evaluare');
  const commission = evaluated ? generateDemoCommission({ round: evaluated, organizations, units, today }) : undefined;
  const parameterValues = generateDemoParameterValues(today);
  const counts: Record<string, number> = {
    organizations: organizations.length, units: units.length, rounds: rounds.length, requests: commission?.requests.length ?? 0,
    commissions: commission ? 1 : 0, commissionMembers: commission?.members.length ?? 0, scoringGrids: commission ? 1 : 0, roundEvaluations: commission ? 1 : 0,
  };
  // The checksum of the data set loaded, so that the log says exactly what came in.
  const checksum = await sha256Hex(canonicalJson({ organizations, units, rounds, commission: commission ?? null, parameterValues }));
  const tables = [db.organizations, db.units, db.rounds, db.requests, db.commissions, db.commissionMembers, db.scoringGrids, db.roundEvaluations, db.parameterValues, db.audit, db.settings];
  let addedValues = 0;
  await db.transaction('rw', tables, async () => {
    if (await holdsData(db)) {
      throw new DomainError('Datele demonstrative se pot încărca doar într-o bază de date goală. Baza de date conține deja ONG-uri sau unități; nu s-a modificat nimic.');
    }
    const names = new Map(organizations.map((o) => [o.id, o.name]));
    await db.organizations.bulkAdd(organizations.map((o) => ({ ...o, searchText: organizationSearchText(o) })));
    await db.units.bulkAdd(units.map((u) => ({ ...u, searchText: unitSearchText(u, names.get(u.organizationId) ?? '') })));
    await db.rounds.bulkAdd(rounds);
    // Demonstrative local levels (source "fictiv — date demonstrative"), never over a value a user entered for the same parameter.
    const userKeys = new Set((await db.parameterValues.toArray()).map((v) => v.key));
    const demoValues = parameterValues.filter((v) => !userKeys.has(v.key));
    await db.parameterValues.bulkAdd(demoValues.map((v) => ({ ...v, id: parameterValueId(v) })));
    addedValues = demoValues.length;
    if (commission) {
      await db.requests.bulkAdd(commission.requests);
      await db.commissions.add(commission.commission);
      await db.commissionMembers.bulkAdd(commission.members);
      await db.scoringGrids.add(commission.grid);
      await db.roundEvaluations.add(commission.evaluation);
    }
    await appendAudit(db, [{
      entity: 'database',
      entityId: 'demo',
      label: 'Date demonstrative',
      action: 'import',
      changes: [
        { field: 'rezumat', before: null, after: `${organizations.length} ONG-uri, ${units.length} unități, ${rounds.length} runde de finanțare, ${commission?.requests.length ?? 0} cereri, o comisie cu ${commission?.members.length ?? 0} membri, o grilă demonstrativă și ${addedValues} niveluri medii lunare demonstrative (fictive)` },
        { field: 'sha256', after: checksum },
        ...Object.entries({ ...counts, parameterValues: addedValues }).map(([table, count]) => ({ field: table, after: `${count} adăugate` })),
      ],
    }]);
  });
  return { organizations: organizations.length, units: units.length, rounds: rounds.length, requests: commission?.requests.length ?? 0, parameterValues: addedValues };
}

export function createDemoService(db: SubventiiDb) {
  return {
    holdsData: () => holdsData(db),
    load: (today: IsoDate) => loadDemoData(db, today),
  };
}
