import type { ParameterStore } from '../parameters/store';
import { invalid, valid } from '../validation/result';
import type { SubsidyRules } from './subsidy-computation';

/** Keys of the local subsidy levels (HCL 788/2022): the service category is the last part. */
export const MONTHLY_LEVEL_PREFIX = 'hcl788.nivel_mediu_lunar.';
export const ELIGIBLE_EXPENSES_KEY = 'hcl788.cheltuieli_eligibile';
const COST_STANDARD_PREFIX = 'hg426.';

const sourceOf = (entry: { source: { act: string; article?: string } }) => [entry.source.act, entry.source.article].filter(Boolean).join(', ');

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
 * eligible expense list and, where a service code has one, the HG 426/2020 cost standard. A value
 * "de completat" in force on the date stops the computation with its message. The share of costs
 * is set per round (null: no such limit).
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
    costStandard(serviceCode, date) {
      const definition = store.definitions().find((d) => d.key.startsWith(COST_STANDARD_PREFIX) && d.serviceCodes?.includes(serviceCode));
      if (!definition) return valid(null);
      // A standard applies only from the day its act introduced one for this service.
      const isDefinedOnDate = store.periods(definition.key).some((p) => p.from <= date && (!p.to || date <= p.to));
      if (!isDefinedOnDate) return valid(null);
      const entry = store.valueAt(definition.key, date);
      if (!entry.ok) return entry;
      const amount = store.amountAt(definition.key, date);
      return amount.ok ? valid({ amountPerYear: amount.value, source: sourceOf(entry.value) }) : amount;
    },
  };
}
