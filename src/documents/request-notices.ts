import type { Organization } from '../catalog/organization';
import { checkDossier, DOSSIER_ITEMS, type DossierItemDefinition } from '../requests/dossier';
import { formatRegistrationNumber } from '../requests/registration-number';
import type { SubsidyRequest } from '../requests/subsidy-request';
import type { InstitutionSettings } from '../settings/institution';
import { addDays, formatRoDate, type IsoDate } from '../validation/dates';
import { ofOrganization } from './organization-name';
import { documentHeader, serviceSignatures, type DocumentHeader, type Signature } from './document-header';

/** Who a letter goes to: the NGO, its registered office and legal representative. */
export interface Addressee {
  name: string;
  address: string;
  representative: string;
}

export function addresseeOf(org: Organization): Addressee {
  return {
    name: org.name,
    address: [org.street, org.locality, org.county ? `jud. ${org.county}` : ''].filter(Boolean).join(', '),
    representative: [org.representativeRole, org.representativeName].filter(Boolean).join(' '),
  };
}

/** "Notificare privind documentele lipsă": what is missing and by when to bring it. */
export interface MissingDocumentsNotice {
  header: DocumentHeader;
  addressee: Addressee;
  title: string;
  date: string;
  paragraphs: string[];
  missing: string[];
  closing: string;
  signatures: Signature[];
}

export function buildMissingDocumentsNotice(input: {
  request: SubsidyRequest;
  organization: Organization;
  units: readonly { id: string; name: string }[];
  institution: InstitutionSettings;
  date: IsoDate;
  /** Calendar days the NGO has to complete the dossier. */
  completionDays: number;
  items?: readonly DossierItemDefinition[];
}): MissingDocumentsNotice {
  const number = formatRegistrationNumber(input.request.registration);
  const check = checkDossier(input.request.dossier, input.units, input.date, input.items ?? DOSSIER_ITEMS);
  const deadline = formatRoDate(addDays(input.date, input.completionDays));
  return {
    header: documentHeader(input.institution),
    addressee: addresseeOf(input.organization),
    title: `NOTIFICARE privind documentele lipsă din dosarul cererii de subvenționare nr. ${number}`,
    date: formatRoDate(input.date),
    paragraphs: [
      `Urmare a verificării dosarului cererii de subvenționare înregistrate cu nr. ${number} din ${formatRoDate(input.request.registeredOn)}, depuse în temeiul Legii nr. 34/1998 privind acordarea unor subvenții asociațiilor și fundațiilor române cu personalitate juridică, care înființează și administrează unități de asistență socială, și al Normelor metodologice aprobate prin HG nr. 1153/2001, vă comunicăm că dosarul este incomplet.`,
      `Vă rugăm să depuneți, până la data de ${deadline}, următoarele documente:`,
    ],
    missing: check.problems.map((p) => p.text),
    closing: 'Până la completarea dosarului, cererea nu poate fi supusă analizei comisiei de evaluare și selecție.',
    signatures: serviceSignatures(input.institution, 'scrisoare'),
  };
}

/** "Confirmare de înregistrare": the request's number and date and the documents received (opis). */
export interface RegistrationReceipt {
  header: DocumentHeader;
  addressee: Addressee;
  title: string;
  date: string;
  paragraphs: string[];
  received: string[];
  signatures: Signature[];
}

export function buildRegistrationReceipt(input: {
  request: SubsidyRequest;
  organization: Organization;
  units: readonly { id: string; name: string }[];
  institution: InstitutionSettings;
  items?: readonly DossierItemDefinition[];
}): RegistrationReceipt {
  const items = input.items ?? DOSSIER_ITEMS;
  const number = formatRegistrationNumber(input.request.registration);
  const unitName = (id?: string) => input.units.find((u) => u.id === id)?.name;
  const received = input.request.dossier
    .filter((e) => e.status === 'primit')
    .map((e) => {
      const label = items.find((i) => i.code === e.code)?.label ?? e.code;
      const unit = unitName(e.unitId);
      return `${label}${unit ? ` — ${unit}` : ''}`;
    });
  return {
    header: documentHeader(input.institution),
    addressee: addresseeOf(input.organization),
    title: `CONFIRMARE DE ÎNREGISTRARE a cererii de subvenționare nr. ${number}`,
    date: formatRoDate(input.request.registeredOn),
    paragraphs: [
      `Cererea de subvenționare pentru anul ${input.request.year} ${ofOrganization(input.organization.name, { otherwise: 'depusă de' })} (CUI ${input.organization.cui}), întemeiată pe Legea nr. 34/1998, a fost înregistrată cu nr. ${number} din ${formatRoDate(input.request.registeredOn)}.`,
      `Unitățile de asistență socială cuprinse în cerere: ${input.request.units.map((l) => unitName(l.unitId) ?? l.unitId).join('; ')}.`,
      'Documentele primite (opis):',
    ],
    received,
    signatures: serviceSignatures(input.institution, 'scrisoare'),
  };
}
