import { validateCui } from '../validation/cui';
import { cleanText } from '../validation/diacritics';
import type { FieldErrors } from '../validation/result';

/** The institution's data, used in document headers and signature blocks. */
export interface InstitutionSettings {
  /** Parent authority printed above the institution, e.g. "MUNICIPIUL CLUJ-NAPOCA". */
  parentAuthority: string;
  name: string;
  department: string;
  address: string;
  cui: string;
  phone: string;
  email: string;
  headOfInstitution: string;
  headOfInstitutionTitle: string;
  headOfService: string;
  headOfServiceTitle: string;
  commissionSecretary: string;
  /** Who is working on this computer: written in the audit log. */
  userName: string;
}

export type InstitutionField = keyof InstitutionSettings;

export const INSTITUTION_FIELD_LABELS: Record<InstitutionField, string> = {
  parentAuthority: 'Autoritatea (antet, primul rând)',
  name: 'Denumirea instituției',
  department: 'Serviciul',
  address: 'Adresa',
  cui: 'CUI',
  phone: 'Telefon',
  email: 'E-mail',
  headOfInstitution: 'Conducătorul instituției',
  headOfInstitutionTitle: 'Funcția conducătorului',
  headOfService: 'Șeful serviciului',
  headOfServiceTitle: 'Funcția șefului de serviciu',
  commissionSecretary: 'Secretarul comisiei',
  userName: 'Utilizatorul acestui calculator (pentru jurnalul de modificări)',
};

export function defaultInstitutionSettings(): InstitutionSettings {
  return {
    parentAuthority: 'MUNICIPIUL CLUJ-NAPOCA',
    name: 'Direcția de Asistență Socială și Medicală Cluj-Napoca',
    department: 'Serviciul Protecție Socială',
    address: 'str. Venus nr. 20-22, Cluj-Napoca, jud. Cluj',
    cui: '',
    phone: '',
    email: '',
    headOfInstitution: '',
    headOfInstitutionTitle: 'Director executiv',
    headOfService: '',
    headOfServiceTitle: 'Șef serviciu',
    commissionSecretary: '',
    userName: '',
  };
}

export function validateInstitutionSettings(input: InstitutionSettings): { value: InstitutionSettings; errors: FieldErrors<InstitutionField> } {
  const value = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, cleanText(String(v ?? ''))])) as unknown as InstitutionSettings;
  const errors: FieldErrors<InstitutionField> = {};
  if (!value.name) errors.name = 'Denumirea instituției este obligatorie.';
  if (value.cui) {
    const cui = validateCui(value.cui);
    if (cui.ok) value.cui = cui.value;
    else errors.cui = cui.message;
  }
  return { value, errors };
}
