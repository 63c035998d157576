import { formatDecimal, formatLei, formatInteger } from '../money';
import { isAmountKind, type ParameterDefinition, type ParameterValue } from './types';

export const TO_BE_FILLED = 'de completat';

/** A value as people read it: "600,00 lei/beneficiar/lună", "90,00 %", a list of labels, or "de completat". */
export function formatParameterValue(definition: Pick<ParameterDefinition, 'kind' | 'unit'>, entry: Pick<ParameterValue, 'value' | 'listLabels'>): string {
  const { value } = entry;
  if (value === null) return TO_BE_FILLED;
  if (Array.isArray(value)) return value.map((code) => entry.listLabels?.[code] ?? code).join('; ');
  if (isAmountKind(definition.kind)) return `${formatLei(value)}${definition.unit.startsWith('lei') ? definition.unit.slice(3) : ` (${definition.unit})`}`;
  if (definition.kind === 'percentage') return `${formatDecimal(value / 100, 2)} %`;
  return `${formatInteger(value)} ${definition.unit}`.trim();
}

/** The value as the form shows it for editing: "600,00" for amounts, "90" for percentages. */
export function parameterValueInputText(definition: Pick<ParameterDefinition, 'kind'>, entry: Pick<ParameterValue, 'value'>): string {
  const { value } = entry;
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (isAmountKind(definition.kind)) return formatLei(value).replace(' lei', '');
  if (definition.kind === 'percentage') return formatDecimal(value / 100, 2);
  return String(value);
}
