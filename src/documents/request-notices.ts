import type { RegistryMark } from './issued-document';
import type { Organization } from '../catalog/organization';
import type { HolidayTable } from '../calendar/public-holidays';
import { formatDayCount } from '../calendar/working-days';
import { checkDossier, completionDeadline, DOSSIER_ITEMS, type DossierItemDefinition } from '../requests/dossier';
import { formatRegistrationNumber } from '../requests/registration-number';
import type { SubsidyRequest } from '../requests/subsidy-request';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
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
export interface MissingDocumentsNotice extends RegistryMark {
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
  /** Working days the NGO has to complete the dossier (a round parameter). */
  completionWorkingDays: number;
  /** Public holidays and the user's non-working days, over which the term is counted. */
  holidays: HolidayTable;
  /** The legal date the dossier's validity is judged on (the round's); the notice date when absent. */
  assessedOn?: IsoDate;
  items?: readonly DossierItemDefinition[];
}): MissingDocumentsNotice {
  const number = formatRegistrationNumber(input.request.registration);
  const check = checkDossier(input.request.dossier, input.units, input.assessedOn ?? input.date, input.items ?? DOSSIER_ITEMS);
  // A term in working days over the holiday calendar, the notice day not counted (see addWorkingDays).
  const deadline = `${formatRoDate(completionDeadline(input.date, input.completionWorkingDays, input.holidays))} (${formatDayCount(input.completionWorkingDays, 'lucratoare')} de la data prezentei)`;
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
export interface RegistrationReceipt extends RegistryMark {
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
