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
  /** The mayor, who signs the conventions of subsidy for the municipality. */
  mayor: string;
  /** The economic director (Direcția Economică), who signs the conventions and their amendments. */
  economicDirector: string;
  /** The legal director (Direcția Juridică), whose "avizat pentru legalitate" the conventions carry. */
  legalDirector: string;
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
  mayor: 'Primarul municipiului',
  economicDirector: 'Directorul economic',
  legalDirector: 'Directorul Direcției Juridice',
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
    mayor: '',
    economicDirector: '',
    legalDirector: '',
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

/**
 * The documents whose signature block comes from these settings, and those signed by others (the
 * minutes by the commission members present, the declaration and the score sheet by the member).
 */
export type SignedDocumentKind =
  | 'confirmare_inregistrare'
  | 'notificare_documente_lipsa'
  | 'fisa_sintetica'
  | 'lista_cereri'
  | 'lista_ong_licentiate'
  | 'centralizator_rezultate'
  | 'notificare_rezultat'
  | 'raport_specialitate'
  | 'referat_aprobare'
  | 'proces_verbal_evaluare'
  | 'proces_verbal_contestatii'
  | 'declaratie_impartialitate'
  | 'fisa_evaluare'
  | 'conventie'
  | 'act_aditional';

/**
 * Without the director's signature: the commission's working sheet of a request; the visit report and
 * the finding note (signed by the monitoring team, endorsed by the head of service).
 */
const WITHOUT_DIRECTOR: ReadonlySet<string> = new Set(['fisa_sintetica', 'raport_monitorizare', 'nota_constatare']);
/** Signed by the commission (members, president, secretary) or by one member: not by the settings' signers. */
const SIGNED_BY_COMMISSION: ReadonlySet<string> = new Set(['proces_verbal_evaluare', 'proces_verbal_contestatii', 'declaratie_impartialitate', 'fisa_evaluare']);
/** Signed for the municipality by the mayor, the director of DASM, the economic and the legal director (and by the provider). */
const SIGNED_AS_CONVENTION: ReadonlySet<string> = new Set(['conventie', 'act_aditional']);

/**
 * What is missing in Settings for the signature block of a document of `documentKind` (every
 * document the service signs when no kind is given), as Romanian messages: a signer without a
 * name is a warning before issuing, not a blank line. An unknown kind is treated as a document
 * the service signs.
 */
export function signatureWarnings(institution: InstitutionSettings, documentKind?: SignedDocumentKind | (string & {})): string[] {
  if (documentKind !== undefined && SIGNED_BY_COMMISSION.has(documentKind)) return [];
  const blank = (value: string | undefined) => !value || value.trim() === '';
  const warnings: string[] = [];
  const where = (field: InstitutionField) => `completați „${INSTITUTION_FIELD_LABELS[field]}” în Setări → Instituția`;
  if (blank(institution.name)) warnings.push(`Antetul documentului nu are denumirea instituției: ${where('name')}.`);
  const director = institution.headOfInstitutionTitle?.trim() || 'Director executiv';
  const head = institution.headOfServiceTitle?.trim() || 'Șef serviciu';
  const isConvention = documentKind !== undefined && SIGNED_AS_CONVENTION.has(documentKind);
  if (blank(institution.headOfInstitution) && !(documentKind !== undefined && WITHOUT_DIRECTOR.has(documentKind)))
    warnings.push(`Lipsește numele pentru semnătura „${documentKind === 'referat_aprobare' ? `Aprobat — ${director}` : director}”: ${where('headOfInstitution')}.`);
  if (!isConvention) {
    if (blank(institution.headOfService)) warnings.push(`Lipsește numele pentru semnătura „${head}”: ${where('headOfService')}.`);
    if (blank(institution.commissionSecretary) && blank(institution.userName))
      warnings.push(`Lipsește numele pentru semnătura „Întocmit”: ${where('commissionSecretary')} (sau „${INSTITUTION_FIELD_LABELS.userName}”).`);
  }
  // The conventions' signers: asked for on a convention or an amendment, and in Settings (no kind).
  if (documentKind === undefined || isConvention) {
    if (blank(institution.mayor)) warnings.push(`Lipsește numele pentru semnătura „Primar” a convențiilor: ${where('mayor')}.`);
    if (blank(institution.economicDirector)) warnings.push(`Lipsește numele pentru semnătura „Direcția Economică” a convențiilor: ${where('economicDirector')}.`);
    if (blank(institution.legalDirector)) warnings.push(`Lipsește numele pentru „Avizat pentru legalitate” al convențiilor: ${where('legalDirector')}.`);
  }
  return warnings;
}
