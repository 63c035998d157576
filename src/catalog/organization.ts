import { pickFields, type Draft, type Entity } from '../entity';
import { validateCui } from '../validation/cui';
import { maskCnpsInText } from '../validation/cnp';
import { cleanMultiline, cleanText, searchKey } from '../validation/diacritics';
import { parseOptionalDate, type IsoDate } from '../validation/dates';
import { validateEmail, validatePhone, validatePostalCode } from '../validation/contact';
import { validateIban } from '../validation/iban';
import type { FieldErrors } from '../validation/result';

/**
 * Applicants under Law 34/1998: associations and foundations (OG 26/2000; federations and unions are
 * associations of associations) and, since Law 79/2017 (norms amended by HG 619/2017), recognised
 * religious cults and their units, which the rules treat the same way.
 */
export type LegalForm = 'asociatie' | 'fundatie' | 'federatie' | 'uniune' | 'cult';
export const LEGAL_FORMS: Record<LegalForm, string> = {
  asociatie: 'Asociație',
  fundatie: 'Fundație',
  federatie: 'Federație',
  uniune: 'Uniune',
  cult: 'Cult religios sau unitate de cult',
};

export type OrganizationStatus = 'activ' | 'suspendat' | 'radiat';
export const ORGANIZATION_STATUSES: Record<OrganizationStatus, string> = {
  activ: 'Activ',
  suspendat: 'Suspendat',
  radiat: 'Radiat',
};

/** An NGO (asociație, fundație, federație, uniune) or a recognised religious cult (or one of its units) in the catalog. */
export interface Organization extends Entity {
  name: string;
  legalForm: LegalForm;
  /** CUI/CIF digits without "RO". The join key with the national registers. */
  cui: string;
  /** Number in the Registry of associations and foundations at the court, e.g. "123/2010". */
  registryNumber: string;
  registryDate?: IsoDate;
  /** Registered office (sediu social). */
  street: string;
  locality: string;
  county: string;
  postalCode: string;
  /** Working addresses (puncte de lucru), free text, one per line. */
  workingAddresses: string;
  representativeName: string;
  representativeRole: string;
  contactPerson: string;
  phone: string;
  email: string;
  website: string;
  bankName: string;
  iban: string;
  /** Accreditation certificate as social-service provider (Law 197/2012), e.g. series "AF", no. "005798". */
  accreditationSeries: string;
  accreditationNumber: string;
  accreditationDate?: IsoDate;
  status: OrganizationStatus;
  /** Set when the NGO ends its life in the catalog (status „Radiat”): kept, never deleted (records are kept ≥ 5 years after the funding ends). */
  archivedOn?: IsoDate;
  archiveReason?: string;
  notes: string;
}

export type OrganizationDraft = Draft<Organization>;
export type OrganizationField = keyof OrganizationDraft;

export const ORGANIZATION_FIELD_LABELS: Record<OrganizationField, string> = {
  name: 'Denumire',
  legalForm: 'Formă juridică',
  cui: 'CUI/CIF',
  registryNumber: 'Nr. Registrul asociațiilor și fundațiilor',
  registryDate: 'Data înscrierii',
  street: 'Sediu social (stradă, număr)',
  locality: 'Localitate',
  county: 'Județ',
  postalCode: 'Cod poștal',
  workingAddresses: 'Puncte de lucru',
  representativeName: 'Reprezentant legal',
  representativeRole: 'Funcția reprezentantului',
  contactPerson: 'Persoană de contact',
  phone: 'Telefon',
  email: 'E-mail',
  website: 'Site web',
  bankName: 'Banca',
  iban: 'IBAN',
  accreditationSeries: 'Seria certificatului de acreditare',
  accreditationNumber: 'Nr. certificatului de acreditare',
  accreditationDate: 'Data acreditării',
  status: 'Stare',
  archivedOn: 'Data arhivării',
  archiveReason: 'Motivul arhivării',
  notes: 'Observații',
};

export function emptyOrganization(): OrganizationDraft {
  return {
    name: '',
    legalForm: 'asociatie',
    cui: '',
    registryNumber: '',
    registryDate: undefined,
    street: '',
    locality: 'Cluj-Napoca',
    county: 'Cluj',
    postalCode: '',
    workingAddresses: '',
    representativeName: '',
    representativeRole: 'Președinte',
    contactPerson: '',
    phone: '',
    email: '',
    website: '',
    bankName: '',
    iban: '',
    accreditationSeries: '',
    accreditationNumber: '',
    accreditationDate: undefined,
    status: 'activ',
    notes: '',
  };
}

/** Accredited as a social-service provider: a certificate number and date are recorded. */
export function isAccredited(org: Pick<Organization, 'accreditationNumber' | 'accreditationDate'>): boolean {
  return org.accreditationNumber.trim() !== '' && !!org.accreditationDate;
}

export function accreditationLabel(org: Pick<Organization, 'accreditationSeries' | 'accreditationNumber' | 'accreditationDate'>): string {
  if (!org.accreditationNumber) return '';
  const series = org.accreditationSeries ? `seria ${org.accreditationSeries} ` : '';
  return `${series}nr. ${org.accreditationNumber}`;
}

const TEXT_FIELDS: OrganizationField[] = [
  'name', 'registryNumber', 'street', 'locality', 'county', 'workingAddresses', 'representativeName',
  'representativeRole', 'contactPerson', 'website', 'bankName', 'accreditationSeries', 'accreditationNumber', 'notes',
];

/**
 * Cleans (diacritics, white space, canonical CUI/IBAN/phone) and validates an NGO.
 * Returns the normalised draft and the errors per field, in Romanian.
 */
export function validateOrganization(input: OrganizationDraft): { value: OrganizationDraft; errors: FieldErrors<OrganizationField> } {
  const value: OrganizationDraft = pickFields(input, emptyOrganization());
  const errors: FieldErrors<OrganizationField> = {};
  for (const field of TEXT_FIELDS) (value as Record<string, unknown>)[field] = cleanText(String(input[field] ?? ''));
  value.workingAddresses = (input.workingAddresses ?? '').split('\n').map(cleanText).filter(Boolean).join('\n');
  value.notes = cleanMultiline(input.notes);

  if (value.name.length < 3) errors.name = 'Denumirea este obligatorie (cel puțin 3 caractere).';
  if (!Object.hasOwn(LEGAL_FORMS, value.legalForm)) errors.legalForm = 'Alegeți forma juridică.';
  if (!Object.hasOwn(ORGANIZATION_STATUSES, value.status)) errors.status = 'Alegeți starea.';

  const cui = validateCui(input.cui);
  if (cui.ok) value.cui = cui.value;
  else errors.cui = cui.message;

  if (!value.locality) errors.locality = 'Localitatea sediului este obligatorie.';

  const registryDate = parseOptionalDate(input.registryDate, 'Data înscrierii');
  if (registryDate.ok) value.registryDate = registryDate.value;
  else errors.registryDate = registryDate.message;

  const accreditationDate = parseOptionalDate(input.accreditationDate, 'Data acreditării');
  if (accreditationDate.ok) value.accreditationDate = accreditationDate.value;
  else errors.accreditationDate = accreditationDate.message;
  if (value.accreditationNumber && !value.accreditationDate && !errors.accreditationDate) {
    errors.accreditationDate = 'Completați data certificatului de acreditare.';
  }

  optional(input.postalCode, validatePostalCode, (v) => (value.postalCode = v), (m) => (errors.postalCode = m));
  optional(input.phone, validatePhone, (v) => (value.phone = v), (m) => (errors.phone = m));
  optional(input.email, validateEmail, (v) => (value.email = v), (m) => (errors.email = m));
  optional(input.iban, validateIban, (v) => (value.iban = v), (m) => (errors.iban = m));

  return { value, errors };
}

function optional(
  raw: string | undefined,
  validate: (input: string) => { ok: true; value: string } | { ok: false; message: string },
  onValue: (value: string) => void,
  onError: (message: string) => void,
): void {
  if (!raw || raw.trim() === '') {
    onValue('');
    return;
  }
  const result = validate(raw);
  if (result.ok) onValue(result.value);
  else onError(result.message);
}

/** The text the quick search matches against, diacritics- and case-insensitive. */
export function organizationSearchText(org: Pick<Organization, 'name' | 'cui' | 'locality' | 'representativeName' | 'email' | 'registryNumber'>): string {
  // Search text never carries a full CNP (GDPR).
  return searchKey(maskCnpsInText([org.name, org.cui, `ro${org.cui}`, org.locality, org.representativeName, org.email, org.registryNumber].join(' | ')));
}
