import { cleanMultiline } from '../validation/diacritics';
import { parseDate } from '../validation/dates';
import type { FieldErrors } from '../validation/result';
import { PREMISES_TENURES, type Month, type SubsidyRequestDraft } from './subsidy-request';

export type RequestField = 'organizationId' | 'roundId' | 'registeredOn' | 'units' | 'year';

/**
 * Checks a request before it is stored: its NGO and round, at least one unit of that NGO, and for
 * each unit a positive number of beneficiaries, months of the year, and amounts in whole bani that
 * are not negative. Messages name the unit so they can be shown next to its line.
 */
export function validateRequest(
  input: SubsidyRequestDraft,
  context: { unitsOfOrganization: readonly { id: string; name: string }[]; roundExists: boolean },
): { value: SubsidyRequestDraft; errors: FieldErrors<RequestField> & Record<string, string> } {
  const errors: FieldErrors<RequestField> & Record<string, string> = {};
  const value: SubsidyRequestDraft = { ...input, notes: cleanMultiline(input.notes), units: input.units.map((l) => ({
      ...l,
      months: [...new Set(l.months)].sort((a, b) => a - b) as Month[],
      ...(l.technicalSheet ? { technicalSheet: { ...l.technicalSheet, premises: cleanMultiline(l.technicalSheet.premises), servicesProvided: cleanMultiline(l.technicalSheet.servicesProvided) } } : {}),
    })),
  };
  if (!input.organizationId) errors.organizationId = 'Alegeți ONG-ul care depune cererea.';
  if (!context.roundExists) errors.roundId = 'Alegeți runda de finanțare.';
  const registered = parseDate(input.registeredOn, 'Data înregistrării');
  if (registered.ok) value.registeredOn = registered.value;
  else errors.registeredOn = registered.message;
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) errors.year = 'Anul subvenției nu este valid.';
  if (value.units.length === 0) errors.units = 'Cererea trebuie să cuprindă cel puțin o unitate de asistență socială.';
  const seen = new Set<string>();
  value.units.forEach((line, index) => {
    const unit = context.unitsOfOrganization.find((u) => u.id === line.unitId);
    const name = unit ? `„${unit.name}”` : `rândul ${index + 1}`;
    const key = (field: string) => `units.${index}.${field}`;
    if (!unit) errors[key('unitId')] = `Unitatea de pe ${name} nu aparține ONG-ului ales.`;
    else if (seen.has(line.unitId)) errors[key('unitId')] = `Unitatea ${name} apare de două ori în cerere.`;
    seen.add(line.unitId);
    if (!line.serviceCategory) errors[key('serviceCategory')] = `Alegeți categoria de serviciu pentru ${name}.`;
    if (!Number.isInteger(line.beneficiariesPerMonth) || line.beneficiariesPerMonth <= 0) errors[key('beneficiariesPerMonth')] = `Numărul de beneficiari pe lună pentru ${name} trebuie să fie un număr întreg pozitiv.`;
    if (line.months.length === 0 || line.months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) errors[key('months')] = `Alegeți lunile pentru care se cere subvenția pentru ${name}.`;
    const amounts = [...Object.values(line.budgetByCategory), line.ownContribution, line.otherFunding];
    if (amounts.some((a) => !Number.isSafeInteger(a) || a < 0)) errors[key('budget')] = `Sumele pentru ${name} trebuie să fie în lei, cu cel mult două zecimale, și nu pot fi negative.`;
    const sheet = line.technicalSheet;
    if (sheet) {
      const counts = [sheet.staffCount, sheet.volunteerCount, sheet.capacity];
      if (counts.some((n) => n !== null && (!Number.isInteger(n) || n < 0))) errors[key('technicalSheet')] = `În fișa tehnică a unității ${name}, personalul, voluntarii și capacitatea sunt numere întregi, nu negative.`;
      else if (sheet.tenure && !Object.hasOwn(PREMISES_TENURES, sheet.tenure)) errors[key('technicalSheet')] = `Alegeți titlul de folosință a spațiului pentru ${name}.`;
    }
  });
  return { value, errors };
}
