import type { ColumnDef } from '../tabular/columns';
import { CAPACITY_UNITS, LICENCE_TYPES, UNIT_FIELD_LABELS as L, UNIT_STATUSES, type UnitField } from './unit';

/** Pseudo-fields of the register workbook: the owner NGO is named by its CUI (and, for reading, its name). */
export type RegisterColumnField = Exclude<UnitField, 'organizationId'> | 'organizationCui' | 'organizationName' | 'serviceName';

/** Columns of the licensed-unit register workbook (export and import). */
export const REGISTER_COLUMNS: readonly ColumnDef<RegisterColumnField>[] = [
  { field: 'organizationCui', header: 'CUI ONG', type: 'text', required: true, aliases: ['CUI furnizor', 'CIF ONG', 'CUI organizație', 'CUI'], width: 14 },
  { field: 'organizationName', header: 'Denumire ONG', type: 'text', aliases: ['Furnizor', 'ONG', 'Organizație'], width: 36 },
  { field: 'name', header: L.name, type: 'text', required: true, aliases: ['Unitate', 'Denumire unitate', 'Denumire serviciu social', 'Serviciu social'], width: 36 },
  { field: 'serviceCode', header: L.serviceCode, type: 'text', required: true, aliases: ['Cod serviciu', 'Cod serviciu social', 'Cod nomenclator', 'Cod serviciu conform nomenclatorului…', 'Codul serviciului social…'], width: 16 },
  { field: 'serviceName', header: 'Tip serviciu', type: 'text', aliases: ['Denumire tip serviciu'], width: 36 },
  { field: 'street', header: L.street, type: 'text', aliases: ['Adresa', 'Adresă', 'Adresa unității'], width: 32 },
  { field: 'locality', header: L.locality, type: 'text', required: true, aliases: ['Oraș'], width: 16 },
  { field: 'county', header: L.county, type: 'text', aliases: ['Judet'], width: 12 },
  { field: 'postalCode', header: L.postalCode, type: 'text', width: 10 },
  { field: 'targetGroup', header: L.targetGroup, type: 'text', aliases: ['Beneficiari', 'Categoria de beneficiari'], width: 24 },
  { field: 'capacity', header: L.capacity, type: 'integer', required: true, aliases: ['Capacitate (locuri)', 'Nr. locuri', 'Număr beneficiari'], width: 10 },
  {
    field: 'capacityUnit', header: 'U.M. capacitate', type: 'enum', options: CAPACITY_UNITS, aliases: [L.capacityUnit, 'UM'], width: 16,
    optionAliases: { locuri: ['loc', 'locuri/zi'], beneficiari_luna: ['beneficiari pe lună', 'beneficiari', 'persoane/lună'] },
  },
  {
    field: 'licenceType', header: L.licenceType, type: 'enum', options: LICENCE_TYPES, aliases: ['Tip licență', 'Tipul licenței', 'Licență', 'Tip licență de funcționare'], width: 22,
    optionAliases: {
      functionare: ['de funcționare', 'funcționare', 'Licență funcționare', 'Licența de funcționare'],
      provizorie: ['provizorie', 'provizoriu', 'Licență provizorie de funcționare', 'Licența provizorie'],
    },
  },
  { field: 'licenceNumber', header: L.licenceNumber, type: 'text', aliases: ['Număr licență', 'Nr. licență', 'Licența nr.', 'Nr. licență de funcționare…', 'Număr licență de funcționare…', 'Seria și nr. licenței'], width: 12 },
  { field: 'licenceIssueDate', header: L.licenceIssueDate, type: 'date', aliases: ['Data licenței', 'Data emiterii licenței', 'Licență din', 'Data eliberării', 'Data eliberării licenței', 'Data emiterii', 'Eliberată la'], width: 14 },
  { field: 'licenceExpiryDate', header: L.licenceExpiryDate, type: 'date', aliases: ['Valabilă până la', 'Data expirării', 'Expiră la', 'Data expirării licenței', 'Valabilitate', 'Valabilitate licență', 'Valabilă până la data…'], width: 14 },
  { field: 'licensingAuthority', header: L.licensingAuthority, type: 'text', aliases: ['Autoritatea emitentă', 'Emisă de', 'Emitent licență', 'Licență emisă de'], width: 18 },
  {
    field: 'status', header: L.status, type: 'enum', options: UNIT_STATUSES, aliases: ['Starea', 'Status'], width: 12,
    optionAliases: { activa: ['activ', 'în funcțiune', 'funcțională'], suspendata: ['suspendat', 'suspendare'], inchisa: ['închis', 'desființată', 'închidere'] },
  },
  { field: 'notes', header: L.notes, type: 'text', aliases: ['Obs.', 'Note'], width: 30 },
];
