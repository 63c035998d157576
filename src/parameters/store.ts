import { bani, type Bani } from '../money';
import { addDays, formatRoDate, isValidIsoDate, type IsoDate } from '../validation/dates';
import { invalid, valid, type Validation } from '../validation/result';
import {
  isAmountKind,
  type ParameterActGroup,
  type ParameterDefinition,
  type ParameterKind,
  type ParameterPeriod,
  type ParameterValue,
} from './types';

export { validateParameterValue, type ParameterValueInput, type ParameterValueField } from './validation';

export interface ParameterStore {
  definitions(): readonly ParameterDefinition[];
  definition(key: string): ParameterDefinition | undefined;
  /** The entry in force on `date`; refused when none is, or when its value is "de completat". */
  valueAt(key: string, date: IsoDate): Validation<ParameterValue>;
  /** An amount (lei/beneficiar/lună or /an) in force on `date`, in bani. */
  amountAt(key: string, date: IsoDate): Validation<Bani>;
  /** A percentage in force on `date`, in basis points (10000 = 100 %). */
  percentageAt(key: string, date: IsoDate): Validation<number>;
  integerAt(key: string, date: IsoDate): Validation<number>;
  /** The codes of a list in force on `date`. */
  listAt(key: string, date: IsoDate): Validation<string[]>;
  /** Codes with their labels, for showing a list. */
  listItemsAt(key: string, date: IsoDate): Validation<{ code: string; label: string }[]>;
  /** Every entry of the key (shipped ones replaced by user ones), oldest first. */
  history(key: string): ParameterValue[];
  /** The entries of the key with the period each is actually in force. */
  periods(key: string): ParameterPeriod[];
  /** Values grouped by the act they come from, for browsing. */
  byAct(date?: IsoDate): ParameterActGroup[];
  /** The entry in force on `date` for each defined parameter that has one (including "de completat"). */
  valuesInForce(date: IsoDate): ParameterValue[];
}

const identity = (entry: Pick<ParameterValue, 'key' | 'validFrom'>): string => `${entry.key}@${entry.validFrom}`;

/**
 * The period an entry is in force: from its validFrom to its validTo, or to the day before the next
 * entry of the same key starts, whichever comes first. A user value with a later start date thus
 * closes the previous period without anyone editing it.
 */
function toPeriods(sorted: readonly ParameterValue[]): ParameterPeriod[] {
  return sorted.map((entry, index) => {
    const next = sorted[index + 1];
    const closedByNext = next ? addDays(next.validFrom, -1) : undefined;
    const ends = [entry.validTo, closedByNext].filter((d): d is IsoDate => d !== undefined).sort();
    const to = ends[0];
    return to === undefined ? { entry, from: entry.validFrom } : { entry, from: entry.validFrom, to };
  });
}

const KIND_NAMES: Record<ParameterKind, string> = {
  amount_per_beneficiary_month: 'o sumă',
  amount_per_beneficiary_year: 'o sumă',
  percentage: 'un procent',
  integer: 'un număr întreg',
  list: 'o listă',
};

/**
 * The legal parameters: shipped values (src/parameters/data) with the user's own values merged over
 * them. A user value replaces a shipped value with the same key and start date.
 */
export function createParameterStore(
  definitions: readonly ParameterDefinition[],
  shipped: readonly ParameterValue[],
  userValues: readonly ParameterValue[] = [],
): ParameterStore {
  const definitionByKey = new Map(definitions.map((d) => [d.key, d]));

  const merged = new Map<string, ParameterValue>();
  for (const entry of shipped) merged.set(identity(entry), entry);
  for (const entry of userValues) merged.set(identity(entry), entry);

  const periodsByKey = new Map<string, ParameterPeriod[]>();
  const byKey = new Map<string, ParameterValue[]>();
  for (const entry of merged.values()) {
    const list = byKey.get(entry.key) ?? [];
    list.push(entry);
    byKey.set(entry.key, list);
  }
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    periodsByKey.set(key, toPeriods(list));
  }

  function periodAt(key: string, date: IsoDate): ParameterPeriod | undefined {
    return periodsByKey.get(key)?.find((p) => p.from <= date && (p.to === undefined || date <= p.to));
  }

  function valueAt(key: string, date: IsoDate): Validation<ParameterValue> {
    const definition = definitionByKey.get(key);
    if (!definition) return invalid(`Parametrul „${key}” nu există în lista parametrilor legali.`);
    if (!isValidIsoDate(date)) return invalid(`„${date}” nu este o dată validă pentru căutarea valorii „${definition.label}”.`);
    const period = periodAt(key, date);
    if (!period) return invalid(`Nu există o valoare „${definition.label}” în vigoare la ${formatRoDate(date)}.`);
    if (period.entry.value === null) {
      return invalid(
        `Valoarea „${definition.label}” în vigoare la ${formatRoDate(date)} este „de completat”: completați-o în Parametri legali (sursa: ${period.entry.source.act}) înainte de calcul.`,
      );
    }
    return valid(period.entry);
  }

  function typedAt<T>(key: string, date: IsoDate, accepts: (kind: ParameterKind) => boolean, expected: string, read: (entry: ParameterValue) => T): Validation<T> {
    const definition = definitionByKey.get(key);
    if (definition && !accepts(definition.kind)) {
      return invalid(`Parametrul „${definition.label}” este ${KIND_NAMES[definition.kind]}, nu ${expected}.`);
    }
    const found = valueAt(key, date);
    return found.ok ? valid(read(found.value)) : found;
  }

  return {
    definitions: () => definitions,
    definition: (key) => definitionByKey.get(key),
    valueAt,
    amountAt: (key, date) => typedAt(key, date, isAmountKind, 'o sumă', (e) => bani(e.value as number)),
    percentageAt: (key, date) => typedAt(key, date, (k) => k === 'percentage', 'un procent', (e) => e.value as number),
    integerAt: (key, date) => typedAt(key, date, (k) => k === 'integer', 'un număr întreg', (e) => e.value as number),
    listAt: (key, date) => typedAt(key, date, (k) => k === 'list', 'o listă', (e) => [...(e.value as string[])]),
    listItemsAt: (key, date) =>
      typedAt(key, date, (k) => k === 'list', 'o listă', (e) => (e.value as string[]).map((code) => ({ code, label: e.listLabels?.[code] ?? code }))),
    history: (key) => (periodsByKey.get(key) ?? []).map((p) => p.entry),
    periods: (key) => [...(periodsByKey.get(key) ?? [])],
    byAct(date?: IsoDate) {
      const groups = new Map<string, ParameterActGroup>();
      for (const definition of definitions) {
        const entries = date === undefined ? (periodsByKey.get(definition.key) ?? []).map((p) => p.entry) : [periodAt(definition.key, date)?.entry].filter((e) => e !== undefined);
        for (const entry of entries) {
          const group = groups.get(entry.source.act) ?? { act: entry.source.act, items: [] };
          group.items.push({ definition, entry });
          groups.set(entry.source.act, group);
        }
      }
      return [...groups.values()].sort((a, b) => a.act.localeCompare(b.act, 'ro', { numeric: true }));
    },
    valuesInForce: (date) =>
      definitions.map((d) => periodAt(d.key, date)?.entry).filter((e): e is ParameterValue => e !== undefined),
  };
}

