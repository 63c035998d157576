import { accreditationLabel, type Organization } from '../catalog/organization';
import { formatInteger } from '../money';
import { findNomenclatureEntry, type NomenclatureEntry } from '../register/nomenclature';
import { CAPACITY_UNITS, isLicenceValidOn, LICENCE_TYPES, type CapacityUnit, type SocialServiceUnit } from '../register/unit';
import type { InstitutionSettings } from '../settings/institution';
import { searchKey } from '../validation/diacritics';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader, serviceSignatures, type DocumentHeader, type Signature } from './document-header';

export interface LicensedNgoRow {
  /** 1-based; the units of one NGO share its number. */
  number: number;
  /** The first row of an NGO (documents print the NGO's data once per group). */
  isFirstOfOrganization: boolean;
  /** How many rows (units) the NGO has in the list: the height of its group. */
  organizationRowCount: number;
  organizationName: string;
  cui: string;
  /** "seria AF nr. 005798 din 01.06.2015", or '' when the NGO has no certificate on record. */
  accreditation: string;
  unitName: string;
  unitAddress: string;
  serviceCode: string;
  serviceName: string;
  /** "25 locuri" */
  capacity: string;
  capacityValue: number;
  /** "locuri", "beneficiari/lună" */
  capacityUnit: string;
  licenceType: string;
  licenceNumber: string;
  /** dd.mm.yyyy */
  licenceIssueDate: string;
  /** dd.mm.yyyy */
  licenceExpiryDate: string;
  /** The same dates as ISO, for spreadsheets that write real date cells. */
  licenceIssuedOn: IsoDate;
  licenceExpiresOn: IsoDate;
}

export interface LicensedNgoList {
  header: DocumentHeader;
  title: string;
  /** "actualizată la 23.11.2026" */
  subtitle: string;
  date: IsoDate;
  rows: LicensedNgoRow[];
  /** `capacity` adds up every unit's capacity whatever its measure; `capacityByUnit` keeps them apart. */
  totals: { organizations: number; units: number; capacity: number };
  /** Per capacity measure, in the order of CAPACITY_UNITS, only the measures present. */
  capacityByUnit: { unit: string; capacity: number }[];
  /** "Total: 2 ONG-uri, 3 unități licențiate, capacitate totală 55 de locuri și 100 de beneficiari/lună." */
  totalsLine: string;
  /** Printed instead of the table when no NGO qualifies. */
  emptyText: string;
  signatures: Signature[];
}

export const DEFAULT_LOCALITY = 'Cluj-Napoca';
export const LICENSED_NGO_LIST_TITLE = `Lista ONG-urilor licențiate care funcționează în municipiul ${DEFAULT_LOCALITY}`;

const collator = new Intl.Collator('ro', { numeric: true });

/**
 * "1 ONG", "5 ONG-uri", "20 de ONG-uri", "101 ONG-uri": Romanian puts "de" between a number and
 * its noun from 20 on, except when the number ends in 01–19.
 */
export function countPhrase(count: number, singular: string, plural: string): string {
  if (count === 1) return `1 ${singular}`;
  const lastTwo = Math.abs(count) % 100;
  const de = Math.abs(count) >= 20 && (lastTwo === 0 || lastTwo >= 20) ? 'de ' : '';
  return `${formatInteger(count)} ${de}${plural}`;
}

const CAPACITY_NOUNS: Record<CapacityUnit, [singular: string, plural: string]> = {
  locuri: ['loc', 'locuri'],
  beneficiari_luna: ['beneficiar/lună', 'beneficiari/lună'],
};

/**
 * The published list of licensed NGOs on `date`: active NGOs with at least one active unit in
 * the locality whose licence is valid that day (Law 197/2012: a service operates only licensed).
 * NGOs by name, then units by name, in Romanian order (numbers in names compared as numbers).
 */
export function buildLicensedNgoList(input: {
  organizations: readonly Organization[];
  units: readonly SocialServiceUnit[];
  nomenclature: readonly NomenclatureEntry[];
  institution: InstitutionSettings;
  date: IsoDate;
  locality?: string;
}): LicensedNgoList {
  const localityName = input.locality ?? DEFAULT_LOCALITY;
  const locality = searchKey(localityName);
  const byOrg = new Map<string, SocialServiceUnit[]>();
  for (const unit of input.units) {
    if (unit.status !== 'activa' || !isLicenceValidOn(unit, input.date) || searchKey(unit.locality) !== locality) continue;
    byOrg.set(unit.organizationId, [...(byOrg.get(unit.organizationId) ?? []), unit]);
  }
  const organizations = input.organizations
    .filter((o) => o.status === 'activ' && byOrg.has(o.id))
    .sort((a, b) => collator.compare(a.name, b.name) || a.cui.localeCompare(b.cui) || a.id.localeCompare(b.id));

  const rows: LicensedNgoRow[] = [];
  const capacityByUnit = new Map<CapacityUnit, number>();
  organizations.forEach((org, index) => {
    const units = [...(byOrg.get(org.id) ?? [])].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
    const accreditation = accreditationLabel(org) + (org.accreditationNumber && org.accreditationDate ? ` din ${formatRoDate(org.accreditationDate)}` : '');
    units.forEach((unit, unitIndex) => {
      capacityByUnit.set(unit.capacityUnit, (capacityByUnit.get(unit.capacityUnit) ?? 0) + unit.capacity);
      const capacityUnit = CAPACITY_UNITS[unit.capacityUnit] ?? unit.capacityUnit;
      rows.push({
        number: index + 1,
        isFirstOfOrganization: unitIndex === 0,
        organizationRowCount: units.length,
        organizationName: org.name,
        cui: org.cui,
        accreditation,
        unitName: unit.name,
        unitAddress: [unit.street, unit.locality].filter(Boolean).join(', '),
        serviceCode: unit.serviceCode,
        serviceName: findNomenclatureEntry(unit.serviceCode, input.nomenclature)?.name ?? '',
        capacity: `${formatInteger(unit.capacity)} ${capacityUnit}`,
        capacityValue: unit.capacity,
        capacityUnit,
        licenceType: LICENCE_TYPES[unit.licenceType] ?? unit.licenceType,
        licenceNumber: unit.licenceNumber,
        licenceIssueDate: formatRoDate(unit.licenceIssueDate),
        licenceExpiryDate: formatRoDate(unit.licenceExpiryDate),
        // isLicenceValidOn checked both dates are there.
        licenceIssuedOn: unit.licenceIssueDate ?? '',
        licenceExpiresOn: unit.licenceExpiryDate ?? '',
      });
    });
  });

  const perUnit = (Object.keys(CAPACITY_UNITS) as CapacityUnit[])
    .filter((u) => capacityByUnit.has(u))
    .map((u) => ({ key: u, capacity: capacityByUnit.get(u) ?? 0 }));
  const totals = { organizations: organizations.length, units: rows.length, capacity: perUnit.reduce((s, u) => s + u.capacity, 0) };
  const capacityText = perUnit.map((u) => countPhrase(u.capacity, ...CAPACITY_NOUNS[u.key])).join(' și ');
  const totalsLine =
    `Total: ${countPhrase(totals.organizations, 'ONG', 'ONG-uri')}, ${countPhrase(totals.units, 'unitate licențiată', 'unități licențiate')}` +
    (capacityText ? `, capacitate totală ${capacityText}.` : '.');

  return {
    header: documentHeader(input.institution),
    title: `Lista ONG-urilor licențiate care funcționează în municipiul ${localityName}`,
    subtitle: `actualizată la ${formatRoDate(input.date)}`,
    date: input.date,
    rows,
    totals,
    capacityByUnit: perUnit.map((u) => ({ unit: CAPACITY_UNITS[u.key], capacity: u.capacity })),
    totalsLine,
    emptyText: `La data de ${formatRoDate(input.date)} nu există ONG-uri cu unități de asistență socială licențiate în municipiul ${localityName}.`,
    signatures: serviceSignatures(input.institution),
  };
}
