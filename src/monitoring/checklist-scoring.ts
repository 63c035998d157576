import type { IsoDate } from '../validation/dates';
import { serviceCodeMatches, templateRequirements } from './checklists';
import { answerKey, ITEM_RESULT_POINTS, MAX_ITEM_POINTS, type ChecklistAnswer, type ChecklistTemplate, type ItemResult } from './checklist';

/**
 * Totals of a visit's checklist: per module and per template, the points scored (3 / 2 / 0), the
 * maximum (3 per requirement answered other than "nu se aplică"), and the requirements left
 * unanswered (counted and reported, never scored as zero).
 */

export interface ScoreTotals {
  points: number;
  maxPoints: number;
  answered: number;
  notApplicable: number;
  unanswered: number;
  /** Requirement codes without an answer. */
  unansweredCodes: string[];
  counts: Record<ItemResult, number>;
  /** points / maxPoints in percent, rounded to one decimal; undefined when nothing scored. */
  percent?: number;
}

export interface ModuleScore extends ScoreTotals {
  code: string;
  title: string;
}

export interface TemplateScore extends ScoreTotals {
  templateId: string;
  version: number;
  title: string;
  modules: ModuleScore[];
}

function emptyTotals(): ScoreTotals {
  return { points: 0, maxPoints: 0, answered: 0, notApplicable: 0, unanswered: 0, unansweredCodes: [], counts: { conform: 0, partial: 0, neconform: 0, nu_se_aplica: 0 } };
}

function withPercent<T extends ScoreTotals>(t: T): T {
  return { ...t, percent: t.maxPoints > 0 ? Math.round((t.points / t.maxPoints) * 1000) / 10 : undefined };
}

function add(into: ScoreTotals, from: ScoreTotals): void {
  into.points += from.points;
  into.maxPoints += from.maxPoints;
  into.answered += from.answered;
  into.notApplicable += from.notApplicable;
  into.unanswered += from.unanswered;
  into.unansweredCodes.push(...from.unansweredCodes);
  for (const k of Object.keys(into.counts) as ItemResult[]) into.counts[k] += from.counts[k];
}

export function scoreTemplate(template: ChecklistTemplate, answers: readonly ChecklistAnswer[]): TemplateScore {
  const byKey = new Map(answers.map((a) => [a.key, a]));
  const total = emptyTotals();
  const modules: ModuleScore[] = template.modules.map((module) => {
    const t = emptyTotals();
    for (const standard of module.standards) {
      for (const requirement of standard.requirements) {
        const result = byKey.get(answerKey(template.id, requirement.code))?.result;
        if (!result) {
          t.unanswered++;
          t.unansweredCodes.push(requirement.code);
          continue;
        }
        t.answered++;
        t.counts[result]++;
        const points = ITEM_RESULT_POINTS[result];
        if (points === null) t.notApplicable++;
        else {
          t.points += points;
          t.maxPoints += MAX_ITEM_POINTS;
        }
      }
    }
    add(total, t);
    return withPercent({ ...t, code: module.code, title: module.title });
  });
  return withPercent({ ...total, templateId: template.id, version: template.version, title: template.title, modules });
}

export function scoreVisit(templates: readonly ChecklistTemplate[], answers: readonly ChecklistAnswer[]): { templates: TemplateScore[]; total: ScoreTotals } {
  const scores = templates.map((t) => scoreTemplate(t, answers));
  const total = emptyTotals();
  for (const s of scores) add(total, s);
  return { templates: scores, total: withPercent(total) };
}

/** Whether a template's service codes cover a unit's: exact, or a prefix ending in "*". */
export function matchesServiceCode(patterns: readonly string[], serviceCode: string): boolean {
  return patterns.some((p) => serviceCodeMatches(p, serviceCode));
}

const inForce = (t: ChecklistTemplate, date: IsoDate): boolean => t.act.validFrom <= date && (!t.act.validTo || date < t.act.validTo);

/**
 * The templates a visit applies: for the unit's service code, the standards templates whose act is
 * in force on the visit date (the latest version of each id), and always the convention's
 * obligations in force that day.
 */
export function applicableTemplates(templates: readonly ChecklistTemplate[], serviceCode: string, date: IsoDate): ChecklistTemplate[] {
  const latest = new Map<string, ChecklistTemplate>();
  for (const t of templates) {
    if (!inForce(t, date)) continue;
    const applies = t.kind === 'obligatii_conventie' || matchesServiceCode(t.serviceCodes, serviceCode);
    if (!applies) continue;
    const current = latest.get(t.id);
    if (!current || t.version > current.version) latest.set(t.id, t);
  }
  const chosen = [...latest.values()];
  return [...chosen.filter((t) => t.kind === 'standarde_minime').sort((a, b) => a.title.localeCompare(b.title, 'ro')), ...chosen.filter((t) => t.kind === 'obligatii_conventie')];
}

/** Every requirement of a template in order, with its module, standard and answer key. */
export function requirementsOf(template: ChecklistTemplate): { moduleCode: string; standardCode: string; code: string; key: string; text: string; toComplete: boolean }[] {
  return templateRequirements(template).map(({ module, standard, requirement: r }) => ({ moduleCode: module.code, standardCode: standard.code, code: r.code, key: answerKey(template.id, r.code), text: r.text, toComplete: !!r.toComplete }));
}
