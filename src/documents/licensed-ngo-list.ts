import { accreditationLabel, type Organization } from '../catalog/organization';
import { findNomenclatureEntry, type NomenclatureEntry } from '../register/nomenclature';
import { CAPACITY_UNITS, isLicenceValidOn, LICENCE_TYPES, type SocialServiceUnit } from '../register/unit';
import type { InstitutionSettings } from '../settings/institution';
import { searchKey } from '../validation/diacritics';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader, serviceSignatures, type DocumentHeader, type Signature } from './document-header';

export interface LicensedNgoRow {
  /** 1-based; the units of one NGO share its number. */
  number: number;
  /** The first row of an NGO (documents print the NGO's data once per group). */
  isFirstOfOrganization: boolean;
  organizationName: string;
  cui: string;
  accreditation: string;
  unitName: string;
  unitAddress: string;
  serviceCode: string;
  serviceName: string;
  capacity: string;
  licenceType: string;
  licenceNumber: string;
  licenceIssueDate: string;
  licenceExpiryDate: string;
}

export interface LicensedNgoList {
  header: DocumentHeader;
  title: string;
  /** "actualizată la 23.11.2026" */
  subtitle: string;
  date: IsoDate;
  rows: LicensedNgoRow[];
  totals: { organizations: number; units: number; capacity: number };
  signatures: Signature[];
}

export const LICENSED_NGO_LIST_TITLE = 'Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca';

/**
 * The published list of licensed NGOs on `date`: active NGOs with at least one active unit in
 * the locality whose licence is valid that day (Law 197/2012: a service operates only licensed).
 */
export function buildLicensedNgoList(input: {
  organizations: readonly Organization[];
  units: readonly SocialServiceUnit[];
  nomenclature: readonly NomenclatureEntry[];
  institution: InstitutionSettings;
  date: IsoDate;
  locality?: string;
}): LicensedNgoList {
  const locality = searchKey(input.locality ?? 'Cluj-Napoca');
  const byOrg = new Map<string, SocialServiceUnit[]>();
  for (const unit of input.units) {
    if (unit.status !== 'activa' || !isLicenceValidOn(unit, input.date) || searchKey(unit.locality) !== locality) continue;
    byOrg.set(unit.organizationId, [...(byOrg.get(unit.organizationId) ?? []), unit]);
  }
  const organizations = input.organizations
    .filter((o) => o.status === 'activ' && byOrg.has(o.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'ro'));

  const rows: LicensedNgoRow[] = [];
  let capacity = 0;
  organizations.forEach((org, index) => {
    const units = (byOrg.get(org.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'ro'));
    units.forEach((unit, unitIndex) => {
      capacity += unit.capacity;
      rows.push({
        number: index + 1,
        isFirstOfOrganization: unitIndex === 0,
        organizationName: org.name,
        cui: org.cui,
        accreditation: accreditationLabel(org) + (org.accreditationDate ? ` din ${formatRoDate(org.accreditationDate)}` : ''),
        unitName: unit.name,
        unitAddress: [unit.street, unit.locality].filter(Boolean).join(', '),
        serviceCode: unit.serviceCode,
        serviceName: findNomenclatureEntry(unit.serviceCode, input.nomenclature)?.name ?? '',
        capacity: `${unit.capacity} ${CAPACITY_UNITS[unit.capacityUnit]}`,
        licenceType: LICENCE_TYPES[unit.licenceType],
        licenceNumber: unit.licenceNumber,
        licenceIssueDate: formatRoDate(unit.licenceIssueDate),
        licenceExpiryDate: formatRoDate(unit.licenceExpiryDate),
      });
    });
  });

  return {
    header: documentHeader(input.institution),
    title: LICENSED_NGO_LIST_TITLE,
    subtitle: `actualizată la ${formatRoDate(input.date)}`,
    date: input.date,
    rows,
    totals: { organizations: organizations.length, units: rows.length, capacity },
    signatures: serviceSignatures(input.institution),
  };
}
