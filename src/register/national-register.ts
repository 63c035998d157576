// Cross-check of the catalog and the local register against the Ministry's single electronic
// register of social services (Registrul electronic unic al serviciilor sociale, Law 197/2012
// art. 8): accredited providers and licensed services, published by MMSS as Excel. There is no
// fixed official layout; the columns are mapped as in the catalog import, with the headers the
// Ministry's files usually carry as defaults.
import type { Organization, OrganizationDraft } from '../catalog/organization';
import { ORGANIZATION_FIELD_LABELS } from '../catalog/organization';
import type { ImportIssue } from '../import/preview';
import { runPreview, tableContext } from '../import/preview';
import type { ColumnMapping } from '../import/mapping';
import type { RawTable } from '../import/raw-table';
import type { ColumnDef } from '../tabular/columns';
import { headerKey } from '../tabular/columns';
import { validateCui } from '../validation/cui';
import { cleanText, searchKey } from '../validation/diacritics';
import { formatRoDate, parseDate, type IsoDate } from '../validation/dates';
import type { SocialServiceUnit, UnitDraft } from './unit';
import { UNIT_FIELD_LABELS } from './unit';

// ---------------------------------------------------------------------------------------------
// Columns of the two tables (accredited providers, licensed services).

export type ProviderStatus = 'acreditat' | 'suspendat' | 'retras' | 'radiat';
export const PROVIDER_STATUSES: Record<ProviderStatus, string> = {
  acreditat: 'Acreditat',
  suspendat: 'Suspendat',
  retras: 'Acreditare retrasă',
  radiat: 'Radiat',
};

export type ProviderField = 'name' | 'cui' | 'accreditationDecision' | 'accreditationDate' | 'certificateSeries' | 'certificateNumber' | 'status';
export type ServiceField = 'providerCui' | 'providerName' | 'serviceCode' | 'serviceName' | 'licenceNumber' | 'licenceDate' | 'licenceExpiryDate' | 'address' | 'locality' | 'county';

/** Accredited providers; headers first as the Ministry's lists usually write them. */
export const NATIONAL_PROVIDER_COLUMNS: readonly ColumnDef<ProviderField>[] = [
  { field: 'name', header: 'Denumire furnizor', type: 'text', required: true, aliases: ['Furnizor', 'Denumirea furnizorului', 'Nume furnizor', 'Denumire furnizor servicii sociale', 'Furnizor de servicii sociale'] },
  { field: 'cui', header: 'CUI', type: 'text', required: true, aliases: ['CIF', 'CUI/CIF', 'Cod fiscal', 'Cod de identificare fiscală', 'CUI furnizor', 'Cod unic de înregistrare'] },
  { field: 'accreditationDecision', header: 'Decizie de acreditare', type: 'text', aliases: ['Decizia de acreditare', 'Nr. decizie acreditare', 'Număr decizie acreditare…', 'Decizie acreditare…'] },
  { field: 'accreditationDate', header: 'Data acreditării inițiale', type: 'date', aliases: ['Data acreditării', 'Data acreditare', 'Data acreditarii initiale', 'Data deciziei de acreditare'] },
  { field: 'certificateSeries', header: 'Serie certificat', type: 'text', aliases: ['Seria certificatului', 'Seria certificat de acreditare', 'Serie certificat acreditare', 'Seria'] },
  { field: 'certificateNumber', header: 'Număr certificat', type: 'text', aliases: ['Nr. certificat', 'Numărul certificatului', 'Nr. certificat de acreditare', 'Număr certificat acreditare', 'Certificat de acreditare', 'Serie și număr certificat'] },
  {
    field: 'status', header: 'Status', type: 'enum', options: PROVIDER_STATUSES, aliases: ['Stare', 'Starea', 'Situație', 'Status furnizor'],
    optionAliases: {
      acreditat: ['activ', 'acreditat', 'acreditare', 'valabil', 'acreditată'],
      suspendat: ['suspendată', 'suspendare', 'acreditare suspendată'],
      retras: ['retras', 'retrasă', 'retragere', 'retragere acreditare', 'acreditare retrasa', 'anulat'],
      radiat: ['radiată', 'radiere'],
    },
  },
];

/** Licensed services; headers first as the Ministry's lists usually write them. */
export const NATIONAL_SERVICE_COLUMNS: readonly ColumnDef<ServiceField>[] = [
  { field: 'providerCui', header: 'CUI furnizor', type: 'text', required: true, aliases: ['CUI', 'CIF furnizor', 'CIF', 'Cod fiscal furnizor', 'CUI/CIF furnizor'] },
  { field: 'providerName', header: 'Denumire furnizor', type: 'text', aliases: ['Furnizor', 'Denumirea furnizorului'] },
  { field: 'serviceCode', header: 'Cod serviciu social', type: 'text', required: true, aliases: ['Cod serviciu', 'Codul serviciului social…', 'Cod serviciu conform nomenclatorului…', 'Cod nomenclator'] },
  { field: 'serviceName', header: 'Denumire serviciu social', type: 'text', aliases: ['Denumire serviciu', 'Serviciu social', 'Denumirea serviciului social'] },
  { field: 'licenceNumber', header: 'Număr licență de funcționare', type: 'text', aliases: ['Nr. licență', 'Număr licență', 'Licența de funcționare nr.', 'Nr. licență de funcționare…', 'Număr licență…', 'Licență de funcționare'] },
  { field: 'licenceDate', header: 'Data eliberării licenței', type: 'date', aliases: ['Data licenței', 'Data emiterii licenței', 'Data licenței de funcționare', 'Data eliberării'] },
  { field: 'licenceExpiryDate', header: 'Valabilitate licență', type: 'date', aliases: ['Valabilă până la', 'Data expirării licenței', 'Data expirării', 'Valabilitate licență până la…', 'Valabilitate'] },
  { field: 'address', header: 'Adresa serviciului', type: 'text', aliases: ['Adresă', 'Adresa', 'Adresa serviciului social', 'Adresă serviciu', 'Adresa de funcționare'] },
  { field: 'locality', header: 'Localitate', type: 'text', aliases: ['Localitatea', 'Oraș', 'Localitate serviciu'] },
  { field: 'county', header: 'Județ', type: 'text', aliases: ['Judet', 'Județul'] },
];

/** The sheet whose headers match the most columns (with data rows), the first on ties; -1 when none has data. */
export function pickNationalSheet(tables: readonly Pick<RawTable, 'headers' | 'rows'>[], columns: readonly ColumnDef[]): number {
  const keys = new Set(columns.flatMap((c) => [c.header, ...(c.aliases ?? [])].map(headerKey)));
  let best = -1;
  let bestScore = 0;
  tables.forEach((table, i) => {
    if (table.rows.length === 0) return;
    const score = table.headers.filter((h) => keys.has(headerKey(h))).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

// ---------------------------------------------------------------------------------------------
// Reading the rows.

export interface NationalProvider {
  rowNumber: number;
  name: string;
  cui: string;
  accreditationDecision: string;
  accreditationDate?: IsoDate;
  certificateSeries: string;
  certificateNumber: string;
  status: ProviderStatus;
}

export interface NationalService {
  rowNumber: number;
  providerCui: string;
  providerName: string;
  serviceCode: string;
  serviceName: string;
  licenceNumber: string;
  licenceDate?: IsoDate;
  licenceExpiryDate?: IsoDate;
  address: string;
  locality: string;
  county: string;
}

export interface NationalRead<T> {
  sheet: string;
  rows: T[];
  /** Rows left out of the comparison, with the column and the reason (Romanian). */
  issues: ImportIssue[];
}

/** "seria AF nr. 005798" → { series: "AF", number: "005798" }; a bare number as is. */
export function splitCertificate(text: string): { series: string; number: string } {
  const clean = cleanText(text);
  const m = /^(?:seria\s*)?([A-Za-z]{1,4})\s*(?:nr\.?|numărul|număr)\s*([0-9A-Za-z/-]+)$/i.exec(clean) ?? /^seria\s*([A-Za-z]{1,4})\s+([0-9][0-9A-Za-z/-]*)$/i.exec(clean);
  if (m) return { series: (m[1] ?? '').toUpperCase(), number: m[2] ?? '' };
  return { series: '', number: clean.replace(/^nr\.?\s*/i, '') };
}

/** "nr. 1423 din 14.12.2020" → { number: "1423", date: "2020-12-14" }; "0010073" as is. */
export function splitLicence(text: string): { number: string; date?: IsoDate } {
  const clean = cleanText(text).replace(/^(?:licența|licență)\s*(?:de funcționare)?\s*/i, '');
  const m = /^(?:nr\.?\s*)?(.+?)\s*(?:\/|din)\s*(\d{1,2}\.\d{1,2}\.\d{4})$/i.exec(clean);
  if (m) {
    const date = parseDate(m[2] ?? '');
    if (date.ok) return { number: (m[1] ?? '').trim(), date: date.value };
  }
  return { number: clean.replace(/^nr\.?\s*/i, '') };
}

/** Licence and certificate numbers compared as the registers write them apart: "nr.", spaces and leading zeros aside. */
export function numberKey(text: string): string {
  return searchKey(text).replace(/^nr\.?\s*/, '').replace(/[\s.]/g, '').replace(/^0+(?=.)/, '');
}

/** Service codes compared case- and spacing-insensitively ("8790cr-d-i" = "8790 CR-D-I"). */
export function serviceCodeKey(code: string): string {
  return searchKey(code).replace(/[^a-z0-9]/g, '');
}

/** The locality is the municipality of Cluj-Napoca ("Cluj-Napoca", "Municipiul Cluj Napoca", "mun. Cluj-Napoca"). */
export function isClujNapoca(locality: string): boolean {
  return searchKey(locality).replace(/[^a-z]/g, '').includes('clujnapoca');
}

/** Reads the accredited providers' table: every row needs a name and a valid CUI. */
export function readNationalProviders(table: RawTable, mapping: ColumnMapping<ProviderField>): NationalRead<NationalProvider> {
  const ctx = tableContext(table, mapping, NATIONAL_PROVIDER_COLUMNS, {});
  const preview = runPreview(ctx, (row) => {
    const text = (field: ProviderField) => String(row.values.get(field) ?? '');
    const name = text('name');
    if (!row.failed.has('name') && name.length < 2) row.issue('name', 'Lipsește denumirea furnizorului.');
    let cui = '';
    if (!row.failed.has('cui')) {
      const result = validateCui(text('cui'));
      if (!text('cui')) row.issue('cui', 'Lipsește CUI-ul furnizorului.');
      else if (!result.ok) row.issue('cui', result.message);
      else cui = result.value;
    }
    let series = text('certificateSeries');
    let number = text('certificateNumber');
    if (number) {
      const split = splitCertificate(number);
      number = split.number;
      if (!series) series = split.series;
    }
    const provider: NationalProvider = {
      rowNumber: row.rowNumber,
      name,
      cui,
      accreditationDecision: text('accreditationDecision'),
      accreditationDate: row.values.get('accreditationDate') as IsoDate | undefined,
      certificateSeries: series.toUpperCase(),
      certificateNumber: number,
      status: (row.values.get('status') as ProviderStatus | undefined) ?? 'acreditat',
    };
    return provider;
  });
  return { sheet: table.sheet, rows: preview.validRows.map((r) => r.draft), issues: preview.issues };
}

/** Reads the licensed services' table: every row needs a valid provider CUI and a service code. */
export function readNationalServices(table: RawTable, mapping: ColumnMapping<ServiceField>): NationalRead<NationalService> {
  const ctx = tableContext(table, mapping, NATIONAL_SERVICE_COLUMNS, {});
  const preview = runPreview(ctx, (row) => {
    const text = (field: ServiceField) => String(row.values.get(field) ?? '');
    let providerCui = '';
    if (!row.failed.has('providerCui')) {
      const result = validateCui(text('providerCui'));
      if (!text('providerCui')) row.issue('providerCui', 'Lipsește CUI-ul furnizorului serviciului.');
      else if (!result.ok) row.issue('providerCui', result.message);
      else providerCui = result.value;
    }
    if (!row.failed.has('serviceCode') && !text('serviceCode')) row.issue('serviceCode', 'Lipsește codul serviciului social.');
    const licence = splitLicence(text('licenceNumber'));
    const service: NationalService = {
      rowNumber: row.rowNumber,
      providerCui,
      providerName: text('providerName'),
      serviceCode: text('serviceCode').toUpperCase(),
      serviceName: text('serviceName'),
      licenceNumber: licence.number,
      licenceDate: (row.values.get('licenceDate') as IsoDate | undefined) ?? licence.date,
      licenceExpiryDate: row.values.get('licenceExpiryDate') as IsoDate | undefined,
      address: text('address'),
      locality: text('locality'),
      county: text('county'),
    };
    if (!service.locality && service.address) {
      // "str. Horea nr. 3, Cluj-Napoca, jud. Cluj": the locality read from the address when no column gives it.
      const part = service.address.split(',').map((p) => p.trim()).find((p) => isClujNapoca(p));
      if (part) service.locality = 'Cluj-Napoca';
    }
    return service;
  });
  return { sheet: table.sheet, rows: preview.validRows.map((r) => r.draft), issues: preview.issues };
}

// ---------------------------------------------------------------------------------------------
// The comparison.

export type DifferenceKind =
  | 'provider_not_accredited'
  | 'provider_struck_off'
  | 'accreditation_differs'
  | 'licence_missing'
  | 'licence_differs'
  | 'service_code_differs'
  | 'unit_not_local';

export const DIFFERENCE_KINDS: readonly DifferenceKind[] = [
  'provider_not_accredited', 'provider_struck_off', 'accreditation_differs', 'licence_missing', 'licence_differs', 'service_code_differs', 'unit_not_local',
];

export const DIFFERENCE_LABELS: Record<DifferenceKind, string> = {
  provider_not_accredited: 'ONG-uri care nu apar ca furnizori acreditați',
  provider_struck_off: 'Furnizori radiați, suspendați sau cu acreditarea retrasă',
  accreditation_differs: 'Certificat de acreditare diferit',
  licence_missing: 'Licențe care lipsesc din registrul național',
  licence_differs: 'Număr sau date ale licenței diferite',
  service_code_differs: 'Cod de serviciu diferit',
  unit_not_local: 'Servicii din Cluj-Napoca care lipsesc din registrul local',
};

/** A change to one local record, taken from the national register. */
export type RegisterUpdate =
  | { entity: 'organizations'; id: string; version: number; changes: Partial<OrganizationDraft>; fields: string[] }
  | { entity: 'units'; id: string; version: number; changes: Partial<UnitDraft>; fields: string[] };

export interface RegisterDifference {
  /** Stable within one comparison: kind and record. */
  key: string;
  kind: DifferenceKind;
  /** The NGO or unit as the user knows it (for a service missing locally, the register's). */
  record: string;
  organizationName: string;
  cui: string;
  localValue: string;
  registerValue: string;
  /** The register's row the value comes from (sheet row), when there is one. */
  registerRow?: number;
  /** What the one-click update would write; undefined when the register gives nothing to take over. */
  update?: RegisterUpdate;
  /** The proposed update (or the manual step) in Romanian. */
  proposal: string;
}

export interface RegisterComparisonInput {
  /** Undefined when the file has no providers' table: the providers are then not checked. */
  providers?: readonly NationalProvider[];
  /** Undefined when the file has no services' table: the units are then not checked. */
  services?: readonly NationalService[];
  organizations: readonly Organization[];
  units: readonly SocialServiceUnit[];
}

function certificateText(series: string, number: string, date?: IsoDate): string {
  if (!number) return 'fără certificat de acreditare';
  return `${series ? `seria ${series} ` : ''}nr. ${number}${date ? ` din ${formatRoDate(date)}` : ''}`;
}

function licenceText(number: string, issue?: IsoDate, expiry?: IsoDate): string {
  if (!number) return 'fără licență';
  return `nr. ${number}${issue ? ` din ${formatRoDate(issue)}` : ''}${expiry ? `, valabilă până la ${formatRoDate(expiry)}` : ''}`;
}

const fieldList = (fields: readonly string[]) => fields.join(', ');

/**
 * The register's values for the fields that differ, and those fields' names as the user knows them:
 * each candidate is [field, the register's value, whether it differs from the local record].
 */
function fieldChanges<T>(labels: Readonly<Partial<Record<keyof T, string>>>, candidates: readonly (readonly [keyof T, T[keyof T] | undefined, boolean])[]): { changes: Partial<T>; fields: string[] } {
  const changes: Partial<T> = {};
  const fields: string[] = [];
  for (const [field, value, differs] of candidates) {
    if (!differs) continue;
    changes[field] = value as T[keyof T];
    fields.push(labels[field] ?? String(field));
  }
  return { changes, fields };
}

/**
 * Compares the catalog and the local register with the national register. Only active records are
 * checked (an NGO struck off or a unit closed locally is history). A local unit is paired with a
 * service of the same provider CUI by licence number, then by service code and address, then by
 * service code alone when it is the only one left; what stays unpaired is reported.
 */
export function compareWithNationalRegister(input: RegisterComparisonInput): RegisterDifference[] {
  const differences: RegisterDifference[] = [];
  const providerByCui = new Map<string, NationalProvider>();
  for (const p of input.providers ?? []) if (!providerByCui.has(p.cui)) providerByCui.set(p.cui, p);
  const servicesByCui = new Map<string, NationalService[]>();
  for (const s of input.services ?? []) {
    const list = servicesByCui.get(s.providerCui) ?? [];
    list.push(s);
    servicesByCui.set(s.providerCui, list);
  }
  const organizations = input.organizations.filter((o) => o.status !== 'radiat');
  const orgById = new Map(input.organizations.map((o) => [o.id, o]));
  const catalogCuis = new Set(input.organizations.map((o) => o.cui));

  for (const org of input.providers ? organizations : []) {
    const provider = providerByCui.get(org.cui);
    const local = certificateText(org.accreditationSeries, org.accreditationNumber, org.accreditationDate);
    const base = { record: org.name, organizationName: org.name, cui: org.cui };
    if (!provider) {
      differences.push({
        ...base, key: `provider_not_accredited:${org.id}`, kind: 'provider_not_accredited', localValue: local,
        registerValue: 'nu apare în lista furnizorilor acreditați',
        proposal: 'Verificați acreditarea furnizorului (Legea 197/2012 art. 8): fără certificat nu poate presta servicii sociale.',
      });
      continue;
    }
    if (provider.status !== 'acreditat') {
      const hasCertificate = !!org.accreditationNumber;
      const fields = [ORGANIZATION_FIELD_LABELS.accreditationSeries, ORGANIZATION_FIELD_LABELS.accreditationNumber, ORGANIZATION_FIELD_LABELS.accreditationDate];
      differences.push({
        ...base, key: `provider_struck_off:${org.id}`, kind: 'provider_struck_off', localValue: local, registerRow: provider.rowNumber,
        registerValue: `${PROVIDER_STATUSES[provider.status]} (${certificateText(provider.certificateSeries, provider.certificateNumber, provider.accreditationDate)})`,
        update: hasCertificate ? { entity: 'organizations', id: org.id, version: org.version, changes: { accreditationSeries: '', accreditationNumber: '', accreditationDate: undefined }, fields } : undefined,
        proposal: hasCertificate ? `Se șterge certificatul de acreditare din fișa ONG-ului (${fieldList(fields)}); valorile vechi rămân în jurnal.` : 'Fișa nu are certificat de acreditare; nimic de actualizat.',
      });
    } else {
      const { changes, fields } = fieldChanges<OrganizationDraft>(ORGANIZATION_FIELD_LABELS, [
        ['accreditationNumber', provider.certificateNumber, !!provider.certificateNumber && numberKey(provider.certificateNumber) !== numberKey(org.accreditationNumber)],
        ['accreditationSeries', provider.certificateSeries, !!provider.certificateSeries && provider.certificateSeries !== cleanText(org.accreditationSeries).toUpperCase()],
        ['accreditationDate', provider.accreditationDate, !!provider.accreditationDate && provider.accreditationDate !== org.accreditationDate],
      ]);
      if (fields.length > 0) {
        differences.push({
          ...base, key: `accreditation_differs:${org.id}`, kind: 'accreditation_differs', localValue: local, registerRow: provider.rowNumber,
          registerValue: certificateText(provider.certificateSeries, provider.certificateNumber, provider.accreditationDate),
          update: { entity: 'organizations', id: org.id, version: org.version, changes, fields },
          proposal: `Se preia din registru: ${fieldList(fields)}.`,
        });
      }
    }
  }

  // Units, provider by provider.
  const unitsByCui = new Map<string, SocialServiceUnit[]>();
  for (const unit of input.units) {
    const org = orgById.get(unit.organizationId);
    if (!org || unit.status === 'inchisa' || !input.services) continue;
    const list = unitsByCui.get(org.cui) ?? [];
    list.push(unit);
    unitsByCui.set(org.cui, list);
  }
  const paired = new Set<NationalService>();
  for (const [cui, units] of unitsByCui) {
    const candidates = [...(servicesByCui.get(cui) ?? [])];
    const take = (unit: SocialServiceUnit, test: (s: NationalService) => boolean, requireUnique = false): NationalService | undefined => {
      const found = candidates.filter((s) => !paired.has(s) && test(s));
      if (found.length === 0 || (requireUnique && found.length > 1)) return undefined;
      paired.add(found[0]!);
      return found[0];
    };
    const pairs = new Map<SocialServiceUnit, NationalService>();
    const sameStreet = (unit: SocialServiceUnit, s: NationalService) => !!unit.street && searchKey(s.address).replace(/[^a-z0-9]/g, '').includes(searchKey(unit.street).replace(/[^a-z0-9]/g, ''));
    for (const unit of units) {
      const match = unit.licenceNumber ? take(unit, (s) => !!s.licenceNumber && numberKey(s.licenceNumber) === numberKey(unit.licenceNumber)) : undefined;
      if (match) pairs.set(unit, match);
    }
    for (const unit of units) {
      if (pairs.has(unit)) continue;
      const match = take(unit, (s) => serviceCodeKey(s.serviceCode) === serviceCodeKey(unit.serviceCode) && sameStreet(unit, s));
      if (match) pairs.set(unit, match);
    }
    for (const unit of units) {
      if (pairs.has(unit)) continue;
      const match = take(unit, (s) => serviceCodeKey(s.serviceCode) === serviceCodeKey(unit.serviceCode), true) ?? take(unit, (s) => sameStreet(unit, s), true);
      if (match) pairs.set(unit, match);
    }
    for (const unit of units) {
      const org = orgById.get(unit.organizationId)!;
      const base = { record: unit.name, organizationName: org.name, cui };
      const service = pairs.get(unit);
      const localLicence = licenceText(unit.licenceNumber, unit.licenceIssueDate, unit.licenceExpiryDate);
      if (!service) {
        differences.push({
          ...base, key: `licence_missing:${unit.id}`, kind: 'licence_missing', localValue: `${unit.serviceCode}, ${localLicence}`,
          registerValue: 'nu apare în lista serviciilor licențiate ale furnizorului',
          proposal: 'Verificați licența la autoritatea care a emis-o; registrul local nu se modifică automat.',
        });
        continue;
      }
      const { changes, fields } = fieldChanges<UnitDraft>(UNIT_FIELD_LABELS, [
        ['licenceNumber', service.licenceNumber, !!service.licenceNumber && numberKey(service.licenceNumber) !== numberKey(unit.licenceNumber)],
        ['licenceIssueDate', service.licenceDate, !!service.licenceDate && service.licenceDate !== unit.licenceIssueDate],
        ['licenceExpiryDate', service.licenceExpiryDate, !!service.licenceExpiryDate && service.licenceExpiryDate !== unit.licenceExpiryDate],
      ]);
      if (fields.length > 0) {
        differences.push({
          ...base, key: `licence_differs:${unit.id}`, kind: 'licence_differs', localValue: localLicence, registerRow: service.rowNumber,
          registerValue: licenceText(service.licenceNumber, service.licenceDate, service.licenceExpiryDate),
          update: { entity: 'units', id: unit.id, version: unit.version, changes, fields },
          proposal: `Se preia din registru: ${fieldList(fields)}.`,
        });
      }
      if (serviceCodeKey(service.serviceCode) !== serviceCodeKey(unit.serviceCode)) {
        const fieldsCode = [UNIT_FIELD_LABELS.serviceCode];
        differences.push({
          ...base, key: `service_code_differs:${unit.id}`, kind: 'service_code_differs', localValue: unit.serviceCode, registerRow: service.rowNumber,
          registerValue: service.serviceName ? `${service.serviceCode} (${service.serviceName})` : service.serviceCode,
          update: { entity: 'units', id: unit.id, version: unit.version, changes: { serviceCode: service.serviceCode }, fields: fieldsCode },
          proposal: `Se preia din registru: ${fieldList(fieldsCode)}.`,
        });
      }
    }
  }

  for (const service of input.services ?? []) {
    if (paired.has(service) || !isClujNapoca(service.locality)) continue;
    const org = input.organizations.find((o) => o.cui === service.providerCui);
    differences.push({
      key: `unit_not_local:${service.rowNumber}`,
      kind: 'unit_not_local',
      record: service.serviceName || service.serviceCode,
      organizationName: org?.name ?? service.providerName,
      cui: service.providerCui,
      localValue: org ? 'nu există în registrul local' : 'furnizorul nu există în catalog',
      registerValue: [service.serviceCode, licenceText(service.licenceNumber, service.licenceDate, service.licenceExpiryDate), service.address].filter(Boolean).join('; '),
      registerRow: service.rowNumber,
      proposal: catalogCuis.has(service.providerCui)
        ? 'Adăugați unitatea în registrul local (capacitatea nu apare în registrul național).'
        : 'Adăugați mai întâi furnizorul în catalogul ONG, apoi unitatea în registrul local.',
    });
  }
  const order = new Map(DIFFERENCE_KINDS.map((k, i) => [k, i]));
  return differences.sort((a, b) => order.get(a.kind)! - order.get(b.kind)! || a.organizationName.localeCompare(b.organizationName, 'ro') || a.record.localeCompare(b.record, 'ro'));
}

/** The differences by kind, in the order of DIFFERENCE_KINDS, leaving out the empty kinds. */
export function groupDifferences(differences: readonly RegisterDifference[]): { kind: DifferenceKind; label: string; items: RegisterDifference[] }[] {
  return DIFFERENCE_KINDS.map((kind) => ({ kind, label: DIFFERENCE_LABELS[kind], items: differences.filter((d) => d.kind === kind) })).filter((g) => g.items.length > 0);
}

/**
 * The line an update from the register adds to the record's notes, so the source and the
 * register's date stay on the record and in its audit entry.
 */
export function registerSourceNote(registerDate: IsoDate, fields: readonly string[]): string {
  return `Actualizat din Registrul electronic unic al serviciilor sociale (MMSS), ediția din ${formatRoDate(registerDate)}: ${fieldList(fields)}.`;
}

/** The notes with the source line added at the end. */
export function withSourceNote(notes: string, registerDate: IsoDate, fields: readonly string[]): string {
  const line = registerSourceNote(registerDate, fields);
  return notes.trim() ? `${notes.trim()}\n${line}` : line;
}
