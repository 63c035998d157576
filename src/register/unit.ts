import { pickFields, type Draft, type Entity } from '../entity';
import { maskCnpsInText } from '../validation/cnp';
import { cleanMultiline, cleanText, searchKey } from '../validation/diacritics';
import { addDays, daysBetween, parseOptionalDate, type IsoDate } from '../validation/dates';
import { validatePostalCode } from '../validation/contact';
import type { FieldErrors } from '../validation/result';
import { findNomenclatureEntry, type NomenclatureEntry, NOMENCLATURE } from './nomenclature';

export type LicenceType = 'provizorie' | 'functionare';
export const LICENCE_TYPES: Record<LicenceType, string> = {
  provizorie: 'Licență provizorie',
  functionare: 'Licență de funcționare',
};

export type CapacityUnit = 'locuri' | 'beneficiari_luna';
export const CAPACITY_UNITS: Record<CapacityUnit, string> = {
  locuri: 'locuri',
  beneficiari_luna: 'beneficiari/lună',
};

export type UnitStatus = 'activa' | 'suspendata' | 'inchisa';
export const UNIT_STATUSES: Record<UnitStatus, string> = {
  activa: 'Activă',
  suspendata: 'Suspendată',
  inchisa: 'Închisă',
};

/** A licensed social-service unit (unitate de asistență socială) run by an NGO. */
export interface SocialServiceUnit extends Entity {
  organizationId: string;
  name: string;
  street: string;
  locality: string;
  county: string;
  postalCode: string;
  /** Code from the HG 867/2015 nomenclature, e.g. "8790 CR-D-I". */
  serviceCode: string;
  targetGroup: string;
  capacity: number;
  capacityUnit: CapacityUnit;
  licenceType: LicenceType;
  /** Kept as text: licence numbers vary ("0010073", "1423"). */
  licenceNumber: string;
  licenceIssueDate?: IsoDate;
  licenceExpiryDate?: IsoDate;
  /** Who issued the licence (HG 924/2024: the authority competent for the beneficiary group — MMSS, ANPDCA, ANPDPD, ANES, ANPIS); absent on units recorded earlier. */
  licensingAuthority?: string;
  status: UnitStatus;
  /** Set when the unit closes (status „Închisă”): kept, never deleted. */
  archivedOn?: IsoDate;
  archiveReason?: string;
  notes: string;
}

export type UnitDraft = Draft<SocialServiceUnit>;
export type UnitField = keyof UnitDraft;

export const UNIT_FIELD_LABELS: Record<UnitField, string> = {
  organizationId: 'ONG',
  name: 'Denumirea unității',
  street: 'Adresa (stradă, număr)',
  locality: 'Localitate',
  county: 'Județ',
  postalCode: 'Cod poștal',
  serviceCode: 'Cod serviciu (HG 867/2015)',
  targetGroup: 'Grup țintă',
  capacity: 'Capacitate',
  capacityUnit: 'Unitate de măsură a capacității',
  licenceType: 'Tipul licenței',
  licenceNumber: 'Nr. licenței',
  licenceIssueDate: 'Data eliberării licenței',
  licenceExpiryDate: 'Data expirării licenței',
  licensingAuthority: 'Autoritatea emitentă a licenței',
  status: 'Stare',
  archivedOn: 'Data arhivării',
  archiveReason: 'Motivul arhivării',
  notes: 'Observații',
};

/** Days before expiry at which a licence is flagged in the register. */
export const LICENCE_WARNING_DAYS = 60;

export function emptyUnit(organizationId = ''): UnitDraft {
  return {
    organizationId,
    name: '',
    street: '',
    locality: 'Cluj-Napoca',
    county: 'Cluj',
    postalCode: '',
    serviceCode: '',
    targetGroup: '',
    capacity: 0,
    capacityUnit: 'locuri',
    licenceType: 'functionare',
    licenceNumber: '',
    licenceIssueDate: undefined,
    licenceExpiryDate: undefined,
    licensingAuthority: '',
    status: 'activa',
    notes: '',
  };
}

/** The licence covers `date`: issued on or before it and expiring on or after it. */
export function isLicenceValidOn(unit: Pick<SocialServiceUnit, 'licenceIssueDate' | 'licenceExpiryDate' | 'licenceNumber'>, date: IsoDate): boolean {
  if (!unit.licenceNumber || !unit.licenceIssueDate || !unit.licenceExpiryDate) return false;
  return unit.licenceIssueDate <= date && date <= unit.licenceExpiryDate;
}

/** The licence is valid on `date` but expires within the next `days` days (inclusive). */
export function isLicenceExpiringWithin(unit: Pick<SocialServiceUnit, 'licenceIssueDate' | 'licenceExpiryDate' | 'licenceNumber'>, date: IsoDate, days: number): boolean {
  return isLicenceValidOn(unit, date) && !!unit.licenceExpiryDate && unit.licenceExpiryDate <= addDays(date, days);
}

export type LicenceState = 'valida' | 'expira_curand' | 'expirata' | 'neinceputa' | 'lipsa';
export const LICENCE_STATE_LABELS: Record<LicenceState, string> = {
  valida: 'Validă',
  expira_curand: 'Expiră curând',
  expirata: 'Expirată',
  neinceputa: 'Neintrată în vigoare',
  lipsa: 'Fără licență',
};

export function licenceState(unit: Pick<SocialServiceUnit, 'licenceIssueDate' | 'licenceExpiryDate' | 'licenceNumber'>, date: IsoDate, warningDays = LICENCE_WARNING_DAYS): LicenceState {
  if (!unit.licenceNumber || !unit.licenceIssueDate || !unit.licenceExpiryDate) return 'lipsa';
  if (unit.licenceExpiryDate < date) return 'expirata';
  if (unit.licenceIssueDate > date) return 'neinceputa';
  if (isLicenceExpiringWithin(unit, date, warningDays)) return 'expira_curand';
  return 'valida';
}

/** Days left until the licence expires (negative once expired), or undefined without an expiry date. */
export function daysUntilLicenceExpiry(unit: Pick<SocialServiceUnit, 'licenceExpiryDate'>, date: IsoDate): number | undefined {
  return unit.licenceExpiryDate ? daysBetween(date, unit.licenceExpiryDate) : undefined;
}

/**
 * Cleans and validates a unit. `nomenclature` is the merged list (shipped + user codes) and
 * `organizationIds` the NGOs that exist, so an unknown service code or owner is reported.
 */
export function validateUnit(
  input: UnitDraft,
  context: { nomenclature?: readonly NomenclatureEntry[]; organizationExists?: (id: string) => boolean } = {},
): { value: UnitDraft; errors: FieldErrors<UnitField> } {
  const errors: FieldErrors<UnitField> = {};
  const value: UnitDraft = {
    ...pickFields(input, emptyUnit()),
    name: cleanText(input.name),
    street: cleanText(input.street),
    locality: cleanText(input.locality),
    county: cleanText(input.county),
    targetGroup: cleanText(input.targetGroup),
    licenceNumber: cleanText(input.licenceNumber),
    licensingAuthority: cleanText(input.licensingAuthority ?? ''),
    notes: cleanMultiline(input.notes),
  };
  if (!value.organizationId) errors.organizationId = 'Alegeți ONG-ul care administrează unitatea.';
  else if (context.organizationExists && !context.organizationExists(value.organizationId)) errors.organizationId = 'ONG-ul ales nu există în catalog.';
  if (value.name.length < 3) errors.name = 'Denumirea unității este obligatorie (cel puțin 3 caractere).';
  if (!value.locality) errors.locality = 'Localitatea este obligatorie.';

  const entry = findNomenclatureEntry(input.serviceCode ?? '', context.nomenclature ?? NOMENCLATURE);
  if (!cleanText(input.serviceCode)) errors.serviceCode = 'Codul serviciului social este obligatoriu.';
  else if (!entry) errors.serviceCode = `Codul de serviciu „${cleanText(input.serviceCode)}” nu există în nomenclatorul HG 867/2015.`;
  else value.serviceCode = entry.code;
  if (!value.targetGroup && entry) value.targetGroup = entry.targetGroup;

  const capacity = Number(input.capacity);
  if (!Number.isInteger(capacity) || capacity <= 0) errors.capacity = 'Capacitatea trebuie să fie un număr întreg pozitiv.';
  else value.capacity = capacity;
  if (!Object.hasOwn(CAPACITY_UNITS, value.capacityUnit)) errors.capacityUnit = 'Alegeți unitatea de măsură a capacității.';
  if (!Object.hasOwn(LICENCE_TYPES, value.licenceType)) errors.licenceType = 'Alegeți tipul licenței.';
  if (!Object.hasOwn(UNIT_STATUSES, value.status)) errors.status = 'Alegeți starea.';

  if (input.postalCode && input.postalCode.trim()) {
    const pc = validatePostalCode(input.postalCode);
    if (pc.ok) value.postalCode = pc.value;
    else errors.postalCode = pc.message;
  } else value.postalCode = '';

  const issue = parseOptionalDate(input.licenceIssueDate, 'Data eliberării licenței');
  if (issue.ok) value.licenceIssueDate = issue.value;
  else errors.licenceIssueDate = issue.message;
  const expiry = parseOptionalDate(input.licenceExpiryDate, 'Data expirării licenței');
  if (expiry.ok) value.licenceExpiryDate = expiry.value;
  else errors.licenceExpiryDate = expiry.message;
  if (value.licenceNumber) {
    if (!value.licenceIssueDate && !errors.licenceIssueDate) errors.licenceIssueDate = 'Completați data eliberării licenței.';
    if (!value.licenceExpiryDate && !errors.licenceExpiryDate) errors.licenceExpiryDate = 'Completați data expirării licenței.';
  }
  if (value.licenceIssueDate && value.licenceExpiryDate && value.licenceExpiryDate < value.licenceIssueDate) {
    errors.licenceExpiryDate = 'Data expirării nu poate fi înaintea datei eliberării.';
  }
  return { value, errors };
}

export function unitSearchText(unit: Pick<SocialServiceUnit, 'name' | 'serviceCode' | 'locality' | 'licenceNumber' | 'targetGroup'>, organizationName = ''): string {
  // Search text never carries a full CNP (GDPR).
  return searchKey(maskCnpsInText([unit.name, unit.serviceCode, unit.locality, unit.licenceNumber, unit.targetGroup, organizationName].join(' | ')));
}

/**
 * The places a residential unit's licence allows (HG 867/2015 form "cu cazare"; capacity kept in
 * places), or null for other units or when no capacity is recorded. The licensed capacity is the
 * unit's, from the register, not the request's technical sheet.
 */
export function licensedCapacity(unit: Pick<SocialServiceUnit, 'serviceCode' | 'capacity' | 'capacityUnit'>, entries: readonly NomenclatureEntry[] = NOMENCLATURE): number | null {
  const form = findNomenclatureEntry(unit.serviceCode, entries)?.form ?? (/\sCR-/i.test(unit.serviceCode) ? 'rezidential' : undefined);
  if (form !== 'rezidential' || unit.capacityUnit !== 'locuri' || !Number.isInteger(unit.capacity) || unit.capacity <= 0) return null;
  return unit.capacity;
}
