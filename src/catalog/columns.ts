import type { ColumnDef } from '../tabular/columns';
import { LEGAL_FORMS, ORGANIZATION_FIELD_LABELS as L, ORGANIZATION_STATUSES, type OrganizationField } from './organization';

/** Columns of the NGO catalog workbook (export and import). */
export const ORGANIZATION_COLUMNS: readonly ColumnDef<OrganizationField>[] = [
  { field: 'name', header: L.name, type: 'text', required: true, aliases: ['Denumire ONG', 'Nume', 'Organizație', 'Denumirea organizației'], width: 40 },
  {
    field: 'legalForm', header: L.legalForm, type: 'enum', options: LEGAL_FORMS, aliases: ['Forma juridica', 'Tip', 'Forma de organizare'], width: 14,
    optionAliases: { asociatie: ['asociația', 'asoc.', 'ONG asociație'], fundatie: ['fundația', 'fund.'], federatie: ['federația'], uniune: ['uniunea'] },
  },
  { field: 'cui', header: L.cui, type: 'text', required: true, aliases: ['CUI', 'CIF', 'Cod fiscal', 'Cod de identificare fiscală'], width: 14 },
  { field: 'registryNumber', header: L.registryNumber, type: 'text', aliases: [
      'Nr. registru', 'Număr registru', 'Nr. înregistrare registrul asociațiilor', 'Nr. înregistrare Registrul…', 'Număr înregistrare Registrul…', 'Nr. de înregistrare în Registrul…',
      'Număr de înregistrare în Registrul…', 'Nr. înregistrare în Registrul…', 'Nr. înscriere Registrul…', 'Nr. de înscriere în Registrul…',
    ],
    width: 16,
  },
  { field: 'registryDate', header: L.registryDate, type: 'date', aliases: ['Data înregistrării', 'Data inscrierii in registru', 'Data înregistrării în Registrul…', 'Data înscrierii în Registrul…'], width: 14 },
  { field: 'street', header: L.street, type: 'text', aliases: ['Sediu', 'Sediu social', 'Adresa', 'Adresă sediu'], width: 36 },
  { field: 'locality', header: L.locality, type: 'text', required: true, aliases: ['Oraș', 'Localitatea'], width: 16 },
  { field: 'county', header: L.county, type: 'text', aliases: ['Judet'], width: 12 },
  { field: 'postalCode', header: L.postalCode, type: 'text', width: 10 },
  { field: 'workingAddresses', header: L.workingAddresses, type: 'text', aliases: ['Adrese puncte de lucru'], width: 30 },
  { field: 'representativeName', header: L.representativeName, type: 'text', aliases: ['Reprezentant', 'Președinte'], width: 24 },
  { field: 'representativeRole', header: L.representativeRole, type: 'text', aliases: ['Funcția'], width: 16 },
  { field: 'contactPerson', header: L.contactPerson, type: 'text', aliases: ['Contact'], width: 20 },
  { field: 'phone', header: L.phone, type: 'text', aliases: ['Tel', 'Tel.', 'Nr. telefon'], width: 14 },
  { field: 'email', header: L.email, type: 'text', aliases: ['Email', 'Mail', 'Adresa de e-mail'], width: 26 },
  { field: 'website', header: L.website, type: 'text', aliases: ['Website', 'Site', 'Pagina web'], width: 22 },
  { field: 'bankName', header: L.bankName, type: 'text', aliases: ['Bancă'], width: 18 },
  { field: 'iban', header: L.iban, type: 'text', aliases: ['Cont IBAN', 'Cont bancar'], width: 30 },
  { field: 'accreditationSeries', header: L.accreditationSeries, type: 'text', aliases: ['Seria acreditare', 'Serie certificat'], width: 10 },
  { field: 'accreditationNumber', header: L.accreditationNumber, type: 'text', aliases: ['Nr. acreditare', 'Certificat de acreditare'], width: 14 },
  { field: 'accreditationDate', header: L.accreditationDate, type: 'date', aliases: ['Data certificatului de acreditare', 'Data acreditării'], width: 14 },
  {
    field: 'status', header: L.status, type: 'enum', options: ORGANIZATION_STATUSES, aliases: ['Starea', 'Status'], width: 12,
    optionAliases: { activ: ['activă', 'în funcțiune'], suspendat: ['suspendată'], radiat: ['radiată', 'dizolvat', 'dizolvată'] },
  },
  { field: 'notes', header: L.notes, type: 'text', aliases: ['Obs.', 'Note'], width: 30 },
];
