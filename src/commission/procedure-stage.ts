import type { HolidayTable } from '../calendar/public-holidays';
import { formatDayCount } from '../calendar/working-days';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { appealDeadline, type Appeal, type AppealRules, type AppealStatus } from './appeals';
import { countOf } from './wording';

/**
 * Where a round's procedure stands on a given day (the date a document carries), so that a
 * document states its real stage: results not yet communicated, the appeal term running, appeals
 * being resolved, or the procedure over. Nothing recorded after that day counts.
 */
export type ProcedureStage =
  /** No communication recorded, or it is after the day: "rezultatele urmează să fie comunicate". */
  | 'necomunicate'
  /** Communicated; the appeal term has not run out on the day. */
  | 'termen_contestatii'
  /** The term ran out; at least one appeal filed by the day is not resolved by then. */
  | 'contestatii_in_solutionare'
  /** The term ran out and every appeal filed was resolved (or none was filed). */
  | 'incheiata';

export const PROCEDURE_STAGES: Record<ProcedureStage, string> = {
  necomunicate: 'Rezultate necomunicate solicitanților',
  termen_contestatii: 'În termenul de depunere a contestațiilor',
  contestatii_in_solutionare: 'Contestații în curs de soluționare',
  incheiata: 'Procedură încheiată',
};

export interface ProcedureStageInput {
  /** The day the results were communicated (RoundEvaluation.notifiedOn). */
  notifiedOn?: IsoDate;
  appealRules: AppealRules;
  holidays: HolidayTable;
  appeals: readonly Pick<Appeal, 'receivedOn' | 'status' | 'resolution'>[];
  /** The date of the document that states the stage. */
  date: IsoDate;
  /** The dates of the sessions that resolved appeals (for "soluționate în ședința din …"). */
  appealSessionDates?: readonly IsoDate[];
}

export interface ProcedureStageState {
  stage: ProcedureStage;
  notifiedOn: IsoDate | null;
  /** The last day to appeal; null while the results are not communicated. */
  appealDeadline: IsoDate | null;
  /** Appeals registered on or before the day. */
  filed: number;
  /** Of those, not resolved on the day. */
  pending: number;
  /** Resolved appeals by outcome, on the day: "1 respinsă", "2 admise". */
  outcomes: string[];
  /** The stage in one or two Romanian sentences, for the body of a document. */
  sentence: string;
  /** Whether the results can be stated as final on the day: communicated, term over, appeals resolved. */
  isFinal: boolean;
}

const OUTCOMES: readonly (readonly [AppealStatus, string, string])[] = [
  ['admisa', 'admisă', 'admise'],
  ['admisa_partial', 'admisă parțial', 'admise parțial'],
  ['respinsa', 'respinsă', 'respinse'],
  ['tardiva', 'respinsă ca tardivă', 'respinse ca tardive'],
  ['retrasa', 'retrasă', 'retrase'],
];

/** Whether an appeal is settled on `date`: decided by then, or withdrawn. */
function isSettledOn(appeal: Pick<Appeal, 'status' | 'resolution'>, date: IsoDate): boolean {
  if (appeal.status === 'inregistrata') return false;
  if (appeal.status === 'retrasa') return !appeal.resolution || appeal.resolution.decidedOn <= date;
  return !!appeal.resolution && appeal.resolution.decidedOn <= date;
}

/** "s-a depus 1 contestație" / "s-au depus 2 contestații" / "nu s-au depus contestații". */
export function appealsFiledPhrase(count: number): string {
  if (count === 0) return 'nu s-au depus contestații';
  return count === 1 ? 's-a depus 1 contestație' : `s-au depus ${countOf(count, 'contestație', 'contestații')}`;
}

/** The stage of the procedure on `input.date`. */
export function procedureStage(input: ProcedureStageInput): ProcedureStageState {
  const { date, appealRules } = input;
  const term = formatDayCount(appealRules.appealDays, appealRules.appealDayKind);
  if (!input.notifiedOn || input.notifiedOn > date) {
    return {
      stage: 'necomunicate', notifiedOn: null, appealDeadline: null, filed: 0, pending: 0, outcomes: [], isFinal: false,
      sentence: `Rezultatele urmează să fie comunicate solicitanților, care pot depune contestație în termen de ${term} de la comunicare.`,
    };
  }
  // Round parameter (domain.md §7): the appeal term runs from the communication of the results.
  const deadline = appealDeadline(input.notifiedOn, appealRules, input.holidays);
  const filedAppeals = input.appeals.filter((a) => a.receivedOn <= date);
  const settled = filedAppeals.filter((a) => isSettledOn(a, date));
  const pending = filedAppeals.length - settled.length;
  const outcomes = OUTCOMES.map(([status, one, many]) => [settled.filter((a) => a.status === status).length, one, many] as const)
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => countOf(n, one, many));
  const communicated = `Rezultatele au fost comunicate solicitanților la ${formatRoDate(input.notifiedOn)}`;
  const base = { notifiedOn: input.notifiedOn, appealDeadline: deadline, filed: filedAppeals.length, pending, outcomes };

  if (date <= deadline) {
    const sofar = filedAppeals.length === 0 ? 'până la această dată nu s-au depus contestații' : `până la această dată ${appealsFiledPhrase(filedAppeals.length)}`;
    return {
      ...base, stage: 'termen_contestatii', isFinal: false,
      sentence: `${communicated}; termenul de depunere a contestațiilor, de ${term}, se împlinește la ${formatRoDate(deadline)}, iar ${sofar}.`,
    };
  }
  const termOver = `${communicated}; termenul de depunere a contestațiilor s-a împlinit la ${formatRoDate(deadline)}`;
  if (filedAppeals.length === 0) return { ...base, stage: 'incheiata', isFinal: true, sentence: `${termOver} și nu s-au depus contestații.` };
  if (pending > 0) {
    const resolved = outcomes.length > 0 ? `; dintre acestea, ${outcomes.join(', ')}` : '';
    return {
      ...base, stage: 'contestatii_in_solutionare', isFinal: false,
      sentence: `${termOver}; ${appealsFiledPhrase(filedAppeals.length)}, dintre care ${countOf(pending, 'contestație este', 'contestații sunt')} în curs de soluționare${resolved}.`,
    };
  }
  const sessions = [...new Set((input.appealSessionDates ?? []).filter((d) => d <= date))].sort();
  const where = sessions.length > 0 ? `, soluționate în ${sessions.length === 1 ? 'ședința' : 'ședințele'} din ${sessions.map(formatRoDate).join(', ')}` : ', soluționate';
  const where1 = filedAppeals.length === 1 ? where.replace('soluționate', 'soluționată') : where;
  return { ...base, stage: 'incheiata', isFinal: true, sentence: `${termOver}; ${appealsFiledPhrase(filedAppeals.length)}${where1}: ${outcomes.join(', ')}.` };
}
