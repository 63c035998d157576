import { canonicalJson, sha256Hex } from '../../src/backup/backup-file';
import { generateDemoData } from '../../src/demo/demo-data';
import { generateDemoCommission, generateDemoRequests } from '../../src/demo/demo-commission';
import { generateDemoParameterValues } from '../../src/demo/demo-parameters';
import { generateDemoRounds } from '../../src/demo/demo-rounds';
import { DomainError } from '../../src/errors';
import { organizationSearchText } from '../../src/catalog/organization';
import { unitSearchText } from '../../src/register/unit';
import type { IsoDate } from '../../src/validation/dates';
import { appendAudit } from './audit-log';
import type { SubventiiDb } from './database';
import { parameterValueId } from './repositories/parameters';
import { createStore } from './store';
import { emptyRoundEvaluation } from '../../src/commission/round-evaluation';
import { stamp } from '../../src/entity';
import { DEMO_NOTE } from '../../src/demo/demo-data';
import type { DemoYearCounts } from '../services/demo-year';

/** Is there any record in the catalog, the register or the funding rounds? */
export async function holdsData(db: SubventiiDb): Promise<boolean> {
  return (await db.organizations.count()) > 0 || (await db.units.count()) > 0 || (await db.rounds.count()) > 0;
}

/** What the demonstration loaded: the counts of the base set, then those of the finished year. */
export interface DemoLoadResult {
  organizations: number;
  units: number;
  rounds: number;
  /** Requests of the round being evaluated (the commission's flow is left to the user). */
  requests: number;
  parameterValues: number;
  /** The finished year: the round whose results are final, with its conventions and settlements. */
  finalYear: DemoYearCounts & { year: number; requests: number };
}

/**
 * Fills an empty database with the fictitious demonstration set. Refuses a database that already
 * holds data, so real records can never be mixed with demo ones.
 *
 * Two parts, one operation: first, in one transaction, the catalog, the register, the rounds, the
 * demonstrative levels, the requests of two rounds and the commission (refused as a whole when the
 * database is not empty); then last year's round is carried to its end by the application's own
 * services, one after the other, each in its own audited transaction (see services/demo-year.ts), and
 * a closing audit entry says what that made.
 */
export async function loadDemoData(db: SubventiiDb, today: IsoDate): Promise<DemoLoadResult> {
  const { counts, finished } = await loadDemoBase(db, today);
  const { completeDemoYear } = await import('../services/demo-year');
  const { demoYearScript } = await import('../../src/demo/demo-year');
  const empty: DemoYearCounts = { sessions: 0, declarations: 0, scoreSheets: 0, decisions: 0, resultSnapshots: 0, issuedDocuments: 0, conventions: 0, settlements: 0, payments: 0 };
  const year = finished ? await completeDemoYear(createStore(db), finished.roundId, demoYearScript(finished.year)) : empty;
  if (finished) {
    await db.transaction('rw', [db.audit, db.settings], () => appendAudit(db, [{
      entity: 'database',
      entityId: 'demo',
      label: `Date demonstrative — anul ${finished.year} încheiat`,
      action: 'import',
      changes: [
        {
          field: 'rezumat',
          before: null,
          after: year.skipped
            ? `Runda ${finished.year} nu a fost dusă la capăt: ${year.skipped}. Restul datelor demonstrative a fost încărcat.`
            : `Runda ${finished.year} dusă la capăt prin serviciile aplicației: ${year.sessions} ședință, ${year.declarations} declarații semnate, ${year.scoreSheets} fișe de evaluare, ${year.decisions} decizie votată, rezultate finale, ${year.issuedDocuments} documente emise, ${year.conventions} convenții cu angajament și viză CFP, ${year.settlements} deconturi și ${year.payments} plăți (fictive).`,
        },
        ...Object.entries(year).filter(([, count]) => typeof count === 'number').map(([table, count]) => ({ field: table, after: `${count} adăugate` })),
      ],
    }]));
  }
  return { ...counts, finalYear: { ...year, year: finished?.year ?? 0, requests: finished?.requests ?? 0 } };
}

/**
 * The first part of the load, in one transaction (all or nothing, refused on a database that is not
 * empty): the catalog, the register, the rounds, the levels, the requests of both demo rounds, the
 * commission, its grid and the rounds' evaluations.
 */
export async function loadDemoBase(db: SubventiiDb, today: IsoDate): Promise<{ counts: Omit<DemoLoadResult, 'finalYear'>; finished?: { roundId: string; year: number; requests: number } }> {
  const { organizations, units } = generateDemoData({ today });
  const rounds = generateDemoRounds(today);
  const evaluated = rounds.find((r) => r.status === 'in_evaluare');
  const finished = rounds.find((r) => r.status === 'finalizata');
  // One commission (mandate from January of the finished round's year before) serves both rounds.
  const commission = evaluated ? generateDemoCommission({ round: evaluated, organizations, units, today, appointedYear: (finished?.year ?? evaluated.year) - 1 }) : undefined;
  const at = `${today}T08:00:00.000Z`;
  const finishedRequests = finished && commission ? generateDemoRequests({ round: finished, organizations, units, today }) : [];
  const finishedEvaluation = finished && commission ? stamp({ ...emptyRoundEvaluation(finished.id, commission.commission.id, commission.grid.id), notes: DEMO_NOTE }, at) : undefined;
  const parameterValues = generateDemoParameterValues(today);
  const requestCount = (commission?.requests.length ?? 0) + finishedRequests.length;
  const counts: Record<string, number> = {
    organizations: organizations.length, units: units.length, rounds: rounds.length, requests: requestCount,
    commissions: commission ? 1 : 0, commissionMembers: commission?.members.length ?? 0, scoringGrids: commission ? 1 : 0, roundEvaluations: (commission ? 1 : 0) + (finishedEvaluation ? 1 : 0),
  };
  // The checksum of the data set loaded, so that the log says exactly what came in.
  const checksum = await sha256Hex(canonicalJson({ organizations, units, rounds, commission: commission ?? null, finishedRequests, finishedEvaluation: finishedEvaluation ?? null, parameterValues }));
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
      await db.requests.bulkAdd([...finishedRequests, ...commission.requests]);
      await db.commissions.add(commission.commission);
      await db.commissionMembers.bulkAdd(commission.members);
      await db.scoringGrids.add(commission.grid);
      await db.roundEvaluations.bulkAdd(finishedEvaluation ? [finishedEvaluation, commission.evaluation] : [commission.evaluation]);
    }
    await appendAudit(db, [{
      entity: 'database',
      entityId: 'demo',
      label: 'Date demonstrative',
      action: 'import',
      changes: [
        { field: 'rezumat', before: null, after: `${organizations.length} ONG-uri, ${units.length} unități, ${rounds.length} runde de finanțare, ${requestCount} cereri (${commission?.requests.length ?? 0} în evaluare, ${finishedRequests.length} ale rundei ${finished?.year ?? ''} încheiate), o comisie cu ${commission?.members.length ?? 0} membri, o grilă demonstrativă și ${addedValues} niveluri medii lunare demonstrative (fictive). Anul ${finished?.year ?? ''} (ședință, punctaje, vot, rezultate finale, notificări, convenții, deconturi, plăți) se înregistrează apoi prin serviciile aplicației, pas cu pas, fiecare cu jurnalul său.` },
        { field: 'sha256', after: checksum },
        ...Object.entries({ ...counts, parameterValues: addedValues }).map(([table, count]) => ({ field: table, after: `${count} adăugate` })),
      ],
    }]);
  });

  return {
    counts: { organizations: organizations.length, units: units.length, rounds: rounds.length, requests: commission?.requests.length ?? 0, parameterValues: addedValues },
    ...(finished && finishedEvaluation ? { finished: { roundId: finished.id, year: finished.year, requests: finishedRequests.length } } : {}),
  };
}

export function createDemoService(db: SubventiiDb) {
  return {
    holdsData: () => holdsData(db),
    load: (today: IsoDate) => loadDemoData(db, today),
  };
}
