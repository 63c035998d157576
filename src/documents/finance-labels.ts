import { SHIPPED_PARAMETER_DEFINITIONS, SHIPPED_PARAMETER_VALUES } from '../parameters/shipped';

/** Labels of the shipped eligible expense categories (HCL 788/2022 list, an editable default). */
const SHIPPED_EXPENSE_LABELS: Record<string, string> = Object.assign(
  {},
  ...SHIPPED_PARAMETER_VALUES.filter((v) => v.key === 'hcl788.cheltuieli_eligibile').map((v) => v.listLabels ?? {}),
);

/** Labels of the shipped service categories, from the level parameters ("… — centre de zi"). */
const SHIPPED_SERVICE_LABELS: Record<string, string> = Object.fromEntries(
  SHIPPED_PARAMETER_DEFINITIONS.filter((d) => d.key.startsWith('hcl788.nivel_mediu_lunar.')).map((d) => [d.key.slice('hcl788.nivel_mediu_lunar.'.length), d.label.split(' — ').slice(1).join(' — ') || d.label]),
);

const humanise = (code: string) => code.replace(/_/g, ' ');

/** "hrana" → "Hrană": the label given, the shipped one, or the code itself. */
export function expenseCategoryLabel(code: string, labels: Readonly<Record<string, string>> = {}): string {
  return labels[code] ?? SHIPPED_EXPENSE_LABELS[code] ?? humanise(code);
}

/** "centre_de_zi" → "centre de zi". */
export function serviceCategoryLabel(code: string, labels: Readonly<Record<string, string>> = {}): string {
  return labels[code] ?? SHIPPED_SERVICE_LABELS[code] ?? humanise(code);
}
