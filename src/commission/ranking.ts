import { formatDecimal, formatLei, type Bani } from '../money';
import type { IsoDate } from '../validation/dates';
import type { TieRule } from './commission';
import { toHundredths } from './scoring-grid';

/** One request going into the ranking, with what the earlier steps found. */
export interface RankingEntry {
  requestId: string;
  /** For display and messages, e.g. the registration number "12/2026". */
  label: string;
  registeredOn: IsoDate;
  sequence: number;
  isEligible: boolean;
  /** Romanian reasons of the eligibility verdict (shown for ineligible requests). */
  eligibilityReasons: string[];
  /** Mean total of the commission (aggregation.ts); null: not scored. */
  meanTotal: number | null;
  /** Criterion minimums and minimum total met. */
  meetsThresholds: boolean;
  thresholdReasons?: string[];
  /** The subsidy computed under the rules (subsidy-computation.ts); null: not computed. */
  computedSubsidy: Bani | null;
  /** Why the subsidy is not computed, when it is null. */
  subsidyProblem?: string;
}

export interface RankingInput {
  entries: readonly RankingEntry[];
  budget: Bani;
  /** The first request that no longer fits receives the rest of the budget. */
  allowPartialLast: boolean;
  /** A request that does not fit is skipped and later ones that fit are funded; default false: the list stops. */
  skipToNextThatFits?: boolean;
  tieRule: TieRule;
  /** The commission's decision on ties, recorded in the minutes: request ids in the decided order. */
  tieOrder?: readonly string[];
}

export type AllocationStatus = 'finantata' | 'finantata_partial' | 'nefinantata_buget' | 'sub_prag' | 'neeligibila' | 'necalculata';
export const ALLOCATION_STATUSES: Record<AllocationStatus, string> = {
  finantata: 'Finanțată',
  finantata_partial: 'Finanțată parțial',
  nefinantata_buget: 'Nefinanțată — buget insuficient',
  sub_prag: 'Sub pragul de punctaj',
  neeligibila: 'Neeligibilă',
  necalculata: 'Necalculată',
};

export const TIE_FLAG = 'egalitate — decide comisia';
export const TIE_RESOLVED_FLAG = 'egalitate — ordinea decisă de comisie';

export interface RankingRow {
  requestId: string;
  label: string;
  /** 1…n over all rows, in the order shown. */
  position: number;
  /** Competition rank among funding candidates (equal scores share it: 1, 2, 2, 4); null for the others. */
  rank: number | null;
  /** Rows with equal scores share a group number; null when not tied. */
  tieGroup: number | null;
  tieFlag: string | null;
  meanTotal: number | null;
  computedSubsidy: Bani | null;
  allocated: Bani;
  status: AllocationStatus;
  reasons: string[];
}

export interface RankingResult {
  rows: RankingRow[];
  totals: {
    budget: Bani;
    allocated: Bani;
    remaining: Bani;
    /** Fully and partially funded. */
    fundedCount: number;
    fullyFundedCount: number;
    partiallyFundedCount: number;
  };
  /** Ties the commission has not decided, as groups of request ids (only those that affect the money). */
  unresolvedTies: string[][];
  /** Why the results cannot be final yet (pass to lockResults). */
  pendingIssues: string[];
}

interface Candidate {
  entry: RankingEntry;
  score: number;
  tieGroup: number | null;
  isTieResolved: boolean;
  rank: number;
}

const byRegistration = (a: RankingEntry, b: RankingEntry) =>
  a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : a.sequence - b.sequence;

/**
 * Ranks the requests by the commission's mean total and allocates the budget in rank order, each
 * request receiving its computed subsidy while the budget lasts. Ineligible, unscored and
 * below-threshold requests are listed after the candidates, with their reasons.
 */
export function rankAndAllocate(input: RankingInput): RankingResult {
  if (!Number.isSafeInteger(input.budget) || input.budget < 0) throw new Error(`Buget invalid: ${input.budget}`);
  const skipToNextThatFits = input.skipToNextThatFits ?? false;
  const pendingIssues: string[] = [];

  const candidates: Candidate[] = [];
  const belowThreshold: RankingEntry[] = [];
  const unscored: RankingEntry[] = [];
  const ineligible: RankingEntry[] = [];
  for (const entry of input.entries) {
    if (!entry.isEligible) ineligible.push(entry);
    else if (entry.meanTotal === null) unscored.push(entry);
    else if (!entry.meetsThresholds) belowThreshold.push(entry);
    else candidates.push({ entry, score: toHundredths(entry.meanTotal), tieGroup: null, isTieResolved: false, rank: 0 });
  }

  // Ordinea: punctajul mediu descrescător; la egalitate, provizoriu după data și numărul de înregistrare.
  candidates.sort((a, b) => b.score - a.score || byRegistration(a.entry, b.entry));
  const tieIndex = new Map((input.tieOrder ?? []).map((id, i) => [id, i]));
  const groups: Candidate[][] = [];
  for (let i = 0; i < candidates.length;) {
    let j = i;
    while (j + 1 < candidates.length && candidates[j + 1]!.score === candidates[i]!.score) j++;
    const group = candidates.slice(i, j + 1);
    for (const c of group) c.rank = i + 1;
    if (group.length > 1) {
      // Regulă locală, parametru al rundei — domain.md §7: egalitatea se semnalează; comisia decide ordinea, consemnată în procesul-verbal.
      const groupNumber = groups.length + 1;
      const isResolved = group.every((c) => tieIndex.has(c.entry.requestId));
      if (isResolved) group.sort((a, b) => tieIndex.get(a.entry.requestId)! - tieIndex.get(b.entry.requestId)!);
      for (const c of group) {
        c.tieGroup = groupNumber;
        c.isTieResolved = isResolved;
      }
      candidates.splice(i, group.length, ...group);
      groups.push(group);
    }
    i = j + 1;
  }

  const rows: RankingRow[] = [];
  let remaining = input.budget as number;
  let stoppedAfter: string | null = null;
  let blockedBy: string | null = null;
  const remainingAtGroupStart = new Map<number, number>();
  for (const c of candidates) {
    const { entry } = c;
    if (c.tieGroup !== null && !remainingAtGroupStart.has(c.tieGroup))
      remainingAtGroupStart.set(c.tieGroup, blockedBy !== null || stoppedAfter !== null ? 0 : remaining);
    const row: RankingRow = {
      requestId: entry.requestId,
      label: entry.label,
      position: rows.length + 1,
      rank: c.rank,
      tieGroup: c.tieGroup,
      tieFlag: c.tieGroup === null ? null : c.isTieResolved ? TIE_RESOLVED_FLAG : TIE_FLAG,
      meanTotal: entry.meanTotal,
      computedSubsidy: entry.computedSubsidy,
      allocated: 0 as Bani,
      status: 'nefinantata_buget',
      reasons: [`Punctaj mediu ${formatDecimal(entry.meanTotal ?? 0)}.`],
    };
    if (c.tieGroup !== null) {
      const others = groups[c.tieGroup - 1]!.filter((o) => o !== c).map((o) => o.entry.label);
      row.reasons.push(
        c.isTieResolved
          ? `Egalitate de punctaj cu ${others.join(', ')}; ordinea a fost decisă de comisie.`
          : `Egalitate de punctaj cu ${others.join(', ')} — decide comisia; ordinea afișată este provizorie (după data înregistrării).`,
      );
    }
    const subsidy = entry.computedSubsidy;
    if (blockedBy !== null) {
      row.status = 'necalculata';
      row.reasons.push(`Alocarea s-a oprit la cererea ${blockedBy}, a cărei subvenție nu este calculată.`);
    } else if (subsidy === null) {
      row.status = 'necalculata';
      row.reasons.push(entry.subsidyProblem ? `Subvenția nu este calculată: ${entry.subsidyProblem}` : 'Subvenția nu este calculată.');
      blockedBy = entry.label;
      pendingIssues.push(`subvenția cererii ${entry.label} nu este calculată`);
    } else if (subsidy <= 0) {
      row.status = 'necalculata';
      row.reasons.push('Subvenția calculată este 0,00 lei; nu se alocă nimic.');
    } else if (stoppedAfter !== null) {
      row.reasons.push(`Nefinanțată: lista s-a oprit la cererea ${stoppedAfter}, care nu a mai încăput în buget.`);
    } else if (subsidy <= remaining) {
      // Regulă locală, parametru al rundei — domain.md §7: alocare în ordinea clasamentului, cu subvenția calculată, cât ajunge bugetul.
      remaining -= subsidy;
      row.allocated = subsidy;
      row.status = 'finantata';
      row.reasons.push(`Finanțată integral: ${formatLei(subsidy)}.`);
    } else if (input.allowPartialLast && remaining > 0) {
      // Regulă locală, parametru al rundei — domain.md §7: prima cerere care nu încape primește restul bugetului.
      row.allocated = remaining as Bani;
      row.status = 'finantata_partial';
      row.reasons.push(`Finanțată parțial: ${formatLei(remaining)} din ${formatLei(subsidy)} calculați (restul bugetului).`);
      remaining = 0;
    } else {
      row.reasons.push(
        remaining > 0
          ? `Nefinanțată: subvenția calculată (${formatLei(subsidy)}) depășește bugetul rămas (${formatLei(remaining)}).`
          : 'Nefinanțată: bugetul rundei s-a epuizat.',
      );
      // Regulă locală, parametru al rundei — domain.md §7: implicit lista se oprește la prima cerere care nu încape.
      if (!skipToNextThatFits && remaining > 0) stoppedAfter = entry.label;
    }
    rows.push(row);
  }

  const unresolvedTies: string[][] = [];
  const statusById = new Map(rows.map((r) => [r.requestId, r.status]));
  for (const group of groups) {
    if (group[0]!.isTieResolved) continue;
    const number = group[0]!.tieGroup!;
    const statuses = group.map((c) => statusById.get(c.entry.requestId));
    // The order inside the group matters only if money was left when the group was reached and not all of it was funded in full.
    const isDecisive = (remainingAtGroupStart.get(number) ?? 0) > 0 && !statuses.every((s) => s === 'finantata');
    if (!isDecisive) continue;
    unresolvedTies.push(group.map((c) => c.entry.requestId));
    pendingIssues.push(`egalitate nedecisă între cererile ${group.map((c) => c.entry.label).join(', ')} (punctaj ${formatDecimal(group[0]!.score / 100)})`);
  }

  belowThreshold.sort((a, b) => toHundredths(b.meanTotal ?? 0) - toHundredths(a.meanTotal ?? 0) || byRegistration(a, b));
  for (const entry of belowThreshold) {
    rows.push(
      otherRow(entry, rows.length + 1, 'sub_prag', [
        `Punctaj mediu ${formatDecimal(entry.meanTotal ?? 0)}.`,
        ...(entry.thresholdReasons?.length ? entry.thresholdReasons : ['Punctajul este sub pragul minim al grilei.']),
      ]),
    );
  }
  for (const entry of [...unscored].sort(byRegistration)) {
    rows.push(otherRow(entry, rows.length + 1, 'necalculata', ['Cererea nu are punctaj: nu există fișe de evaluare trimise.']));
    pendingIssues.push(`cererea ${entry.label} nu are punctaj`);
  }
  for (const entry of [...ineligible].sort(byRegistration)) {
    rows.push(otherRow(entry, rows.length + 1, 'neeligibila', entry.eligibilityReasons.length ? entry.eligibilityReasons : ['Cererea nu este eligibilă.']));
  }

  const allocated = (input.budget - remaining) as Bani;
  const fullyFundedCount = rows.filter((r) => r.status === 'finantata').length;
  const partiallyFundedCount = rows.filter((r) => r.status === 'finantata_partial').length;
  return {
    rows,
    totals: {
      budget: input.budget,
      allocated,
      remaining: remaining as Bani,
      fundedCount: fullyFundedCount + partiallyFundedCount,
      fullyFundedCount,
      partiallyFundedCount,
    },
    unresolvedTies,
    pendingIssues,
  };
}

function otherRow(entry: RankingEntry, position: number, status: AllocationStatus, reasons: string[]): RankingRow {
  return {
    requestId: entry.requestId,
    label: entry.label,
    position,
    rank: null,
    tieGroup: null,
    tieFlag: null,
    meanTotal: entry.meanTotal,
    computedSubsidy: entry.computedSubsidy,
    allocated: 0 as Bani,
    status,
    reasons,
  };
}
