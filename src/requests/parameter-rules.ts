import type { ParameterStore } from '../parameters/store';
import { invalid, valid } from '../validation/result';
import type { SubsidyRules } from './subsidy-computation';

/** Keys of the local subsidy levels (HCL 788/2022): the service category is the last part. */
export const MONTHLY_LEVEL_PREFIX = 'hcl788.nivel_mediu_lunar.';
export const ELIGIBLE_EXPENSES_KEY = 'hcl788.cheltuieli_eligibile';
/**
 * Keys of the Law 34/1998 art. 2 alin. (1) limit: the average monthly upkeep cost per assisted
 * person in similar public units, per service category (the last part). Optional: shipped without
 * a value ("nesetat"); it caps only once a user sets one, with its source.
 */
export const UPKEEP_COST_PREFIX = 'l34.cost_mediu_intretinere.';

const sourceOf = (entry: { source: { act: string; article?: string } }) => [entry.source.act, entry.source.article].filter(Boolean).join(', ');

/** HG 426/2020 cost standards: kept as information, never read by the Law 34/1998 computation (HG 426/2020 art. 1–2). */
const COST_STANDARD_PREFIX = 'hg426.';

/** A value of this parameter still "de completat" stops a subsidy computation (not the informative cost standards, not the optional limits). */
export function blocksComputationWhenUnset(definition: { key: string; isOptional?: boolean }): boolean {
  return !definition.isOptional && !definition.key.startsWith(COST_STANDARD_PREFIX);
}

/** The service categories a request can name: those with a local monthly level defined. */
export function serviceCategories(store: ParameterStore): { category: string; label: string }[] {
  return store
    .definitions()
    .filter((d) => d.key.startsWith(MONTHLY_LEVEL_PREFIX))
    // "Nivel mediu lunar Cluj-Napoca — centre de zi" → "centre de zi": the category, as forms and documents name it.
    .map((d) => ({ category: d.key.slice(MONTHLY_LEVEL_PREFIX.length), label: d.label.includes(' — ') ? d.label.slice(d.label.lastIndexOf(' — ') + 3) : d.label }));
}

/**
 * The subsidy rules read from the dated parameter store: the local monthly level per category, the
 * eligible expense list and, where a value is set, the Law 34/1998 art. 2 alin. (1) upkeep cost of
 * similar public units. A level or list "de completat" in force on the date stops the computation
 * with its message; the upkeep cost never does (absent or unset, it does not cap). The HG 426/2020
 * cost standards stay in the store as information only: they are not a ceiling on a Law 34/1998
 * subsidy (HG 426/2020 art. 1–2). The share of costs is set per round (null: no such limit).
 */
export function createSubsidyRules(store: ParameterStore, options: { maxShareOfCosts?: { basisPoints: number; source: string } | null } = {}): SubsidyRules {
  return {
    monthlyLevel(category, date) {
      const key = MONTHLY_LEVEL_PREFIX + category;
      if (!store.definition(key)) return invalid(`Categoria de serviciu „${category}” nu are un nivel mediu lunar definit în Parametri legali.`);
      const entry = store.valueAt(key, date);
      if (!entry.ok) return entry;
      const amount = store.amountAt(key, date);
      return amount.ok ? valid({ amount: amount.value, source: sourceOf(entry.value) }) : amount;
    },
    eligibleExpenseCategories(date) {
      const entry = store.valueAt(ELIGIBLE_EXPENSES_KEY, date);
      if (!entry.ok) return entry;
      const codes = store.listAt(ELIGIBLE_EXPENSES_KEY, date);
      return codes.ok ? valid({ codes: codes.value, source: sourceOf(entry.value) }) : codes;
    },
    maxShareOfCosts() {
      return valid(options.maxShareOfCosts ?? null);
    },
    upkeepCostCeiling(category, date) {
      const key = UPKEEP_COST_PREFIX + category;
      if (!store.definition(key)) return valid(null);
      // Law 34/1998 art. 2 alin. (1): caps only with a value in force; "nesetat" (no value, or an empty one) never blocks.
      const period = store.periods(key).find((p) => p.from <= date && (!p.to || date <= p.to));
      if (!period || period.entry.value === null) return valid(null);
      const amount = store.amountAt(key, date);
      return amount.ok ? valid({ amount: amount.value, source: sourceOf(period.entry) }) : amount;
    },
  };
}
