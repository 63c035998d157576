// Every fixture of test/fixtures/ through readTables → suggestMapping → preview, with the exact
// issues (row as in the sheet, header as in the file, value, reason). See test/fixtures/README.md.
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_COLUMNS } from '../../../src/catalog/columns';
import { previewOrganizationImport } from '../../../src/import/import-organizations';
import { previewUnitImport, unitKey } from '../../../src/import/import-units';
import { mappingReport, suggestMapping } from '../../../src/import/mapping';
import { REGISTER_COLUMNS } from '../../../src/register/columns';
import { NOMENCLATURE } from '../../../src/register/nomenclature';
import { ImportFileError, readTables } from '../../../renderer/io/read-table';
import { fixture, issueTuples } from './helpers';

const CATALOG_CONTEXT = { existingCuis: new Set(['30124574']) };
const UNIT_CONTEXT = {
  organizationIdByCui: new Map([
    ['14235864', 'org-sansa'],
    ['18547290', 'org-soare'],
    ['28741195', 'org-speranta'],
  ]),
  existingUnitKeys: new Set([unitKey('org-speranta', 'Locuinta protejata SPERANTA')]),
  nomenclature: NOMENCLATURE,
};

async function previewCatalog(name: string) {
  const tables = await readTables(fixture(name), name);
  expect(tables).toHaveLength(1);
  const table = tables[0]!;
  const mapping = suggestMapping(table.headers, ORGANIZATION_COLUMNS);
  return { table, mapping, preview: previewOrganizationImport(table, mapping, CATALOG_CONTEXT) };
}

describe('catalog-mixed.xlsx', () => {
  it('maps the headers written differently and leaves the unknown columns out', async () => {
    const { table, mapping } = await previewCatalog('catalog-mixed.xlsx');
    expect(table.sheet).toBe('ONG-uri');
    expect(mapping).toEqual([
      null, 'name', 'legalForm', 'cui', 'registryNumber', 'registryDate', 'street',
      'locality', 'county', 'phone', 'email', 'iban', null, 'notes',
    ]);
    const report = mappingReport(table.headers, mapping, ORGANIZATION_COLUMNS);
    expect(report.unmappedHeaders.map((u) => u.header)).toEqual(['Nr. crt.', 'Responsabil dosar']);
    expect(report.missingRequired).toEqual([]);
  });

  it('reports exactly the expected issues, with sheet row numbers and file headers', async () => {
    const { preview } = await previewCatalog('catalog-mixed.xlsx');
    expect(preview.sheet).toBe('ONG-uri');
    expect(preview.totalRows).toBe(13);
    expect(preview.emptyRowsSkipped).toBe(2);
    expect(preview.validRows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 12, 14, 15, 16]);
    expect(preview.issues.every((i) => i.sheet === 'ONG-uri')).toBe(true);
    expect(issueTuples(preview.issues)).toEqual([
      [5, 'Cod fiscal', '18547291', 'CUI/CIF „18547291” are cifra de control greșită (ar trebui să fie 0).'],
      [7, 'IBAN', 'RO49AAAA1B31007593840001', 'IBAN-ul „RO49AAAA1B31007593840001” are cifrele de control greșite.'],
      [8, 'Data inscrierii', '31.02.2023', 'Data înscrierii: „31.02.2023” nu este o dată din calendar.'],
      [10, 'Cod fiscal', '18547290', 'CUI-ul 18547290 apare și pe rândul 4.'],
      [11, 'Cod fiscal', '30124574', 'CUI-ul 30124574 există deja în catalog.'],
      // All four issues of row 13, in the order of the file's columns.
      [13, 'Forma juridica', 'SRL', 'Formă juridică: „SRL” nu este o valoare permisă; valori permise: „Asociație”, „Fundație”, „Federație”, „Uniune”, „Cult religios sau unitate de cult”.'],
      [13, 'Localitatea', '', 'Localitatea sediului este obligatorie.'],
      [13, 'Telefon', '12345', '„12345” nu este un număr de telefon românesc (10 cifre, de ex. 0264 123 456).'],
      [13, 'Email', 'contact@', '„contact@” nu este o adresă de e-mail validă.'],
    ]);
  });

  it('normalises cedilla ş ţ to comma-below ș ț and reads rich text, hyperlinks and number cells', async () => {
    const { preview } = await previewCatalog('catalog-mixed.xlsx');
    const byRow = new Map(preview.validRows.map((r) => [r.rowNumber, r.draft]));
    expect(byRow.get(2)?.name).toBe('Asociația Șansa pentru Toți');
    expect(byRow.get(12)?.name).toBe('Uniunea Asociațiilor Seniorilor');
    expect(byRow.get(12)?.locality).toBe('Florești');
    expect(byRow.get(15)?.name).toBe('Federația Organizațiilor pentru Persoane cu Dizabilități');
    for (const { draft } of preview.validRows) expect(draft.name).not.toMatch(/[şţŞŢ]/);
    // Rich-text name, CUI and phone from number cells (the phone had lost its leading zero).
    expect(byRow.get(3)).toMatchObject({ name: 'Fundația Speranța Transilvaniei', cui: '28741195', phone: '0740 123 456' });
    // "RO 18547290" → bare digits; e-mail from a hyperlink cell.
    expect(byRow.get(4)).toMatchObject({ cui: '18547290', email: 'casa.soarelui@yahoo.com' });
    // Legal form: label with cedilla, lower-case key, or inferred from the name when the cell is empty.
    expect(byRow.get(2)?.legalForm).toBe('asociatie');
    expect(byRow.get(14)?.legalForm).toBe('fundatie');
    expect(byRow.get(15)?.legalForm).toBe('federatie');
    expect(byRow.get(12)?.legalForm).toBe('uniune');
  });

  it('reads registry dates from a bare serial, "dd.mm.yyyy" text and date cells', async () => {
    const { table, preview } = await previewCatalog('catalog-mixed.xlsx');
    const cell = (row: number) => table.rows.find((r) => r.rowNumber === row)!.cells[5];
    expect(cell(2)).toBe(40252);
    expect(cell(3)).toBe('15.03.2012');
    expect(cell(4)).toBeInstanceOf(Date);
    const byRow = new Map(preview.validRows.map((r) => [r.rowNumber, r.draft]));
    expect(byRow.get(2)?.registryDate).toBe('2010-03-15');
    expect(byRow.get(3)?.registryDate).toBe('2012-03-15');
    expect(byRow.get(4)?.registryDate).toBe('2015-06-01');
    expect(byRow.get(14)?.registryDate).toBe('2019-09-02');
  });
});

describe('register-mixed.xlsx', () => {
  async function previewRegister() {
    const tables = await readTables(fixture('register-mixed.xlsx'), 'register-mixed.xlsx');
    // The empty third sheet is skipped; the instructions sheet is a table too.
    expect(tables.map((t) => t.sheet)).toEqual(['Instrucțiuni', 'Unități']);
    const table = tables[1]!;
    const mapping = suggestMapping(table.headers, REGISTER_COLUMNS);
    return { table, mapping, preview: previewUnitImport(table, mapping, UNIT_CONTEXT) };
  }

  it('finds the header on the first non-empty row and maps "CUI" alone to the owner NGO', async () => {
    const { table, mapping } = await previewRegister();
    expect(table.headers[0]).toBe('CUI');
    expect(table.rows[0]!.rowNumber).toBe(3);
    expect(mapping).toEqual([
      'organizationCui', 'organizationName', 'name', 'serviceCode', 'locality', 'capacity',
      'licenceType', 'licenceNumber', 'licenceIssueDate', 'licenceExpiryDate', null,
    ]);
  });

  it('reports exactly the expected issues', async () => {
    const { preview } = await previewRegister();
    expect(preview.sheet).toBe('Unități');
    expect(preview.totalRows).toBe(10);
    expect(preview.emptyRowsSkipped).toBe(1);
    expect(preview.validRows.map((r) => r.rowNumber)).toEqual([3, 4, 11, 13]);
    expect(issueTuples(preview.issues)).toEqual([
      [5, 'Cod serviciu', '9999 XX-Y', 'Codul de serviciu „9999 XX-Y” nu există în nomenclatorul HG 867/2015.'],
      [6, 'CUI', '33011227', 'ONG-ul „Asociația Necunoscută” (CUI 33011227) nu există în catalog; adăugați-l mai întâi în catalogul ONG.'],
      [7, 'Capacitate (locuri)', 'abc', 'Capacitate: „abc” nu este un număr întreg.'],
      [9, 'Denumire unitate', 'centrul de zi GHIOCELUL', 'Unitatea „centrul de zi GHIOCELUL” a ONG-ului cu CUI-ul 14235864 apare și pe rândul 3.'],
      [10, 'Denumire unitate', 'Locuința protejată Speranța', 'Unitatea „Locuința protejată Speranța” există deja în registru la acest ONG.'],
      [12, 'Valabilă până la', '01.03.2024', 'Data expirării nu poate fi înaintea datei eliberării.'],
    ]);
  });

  it('builds the drafts: owner id from the CUI, canonical service code, licence dates from serials, text and date cells', async () => {
    const { preview } = await previewRegister();
    const byRow = new Map(preview.validRows.map((r) => [r.rowNumber, r.draft]));
    expect(byRow.get(3)).toMatchObject({
      organizationId: 'org-sansa', serviceCode: '8891 CZ-C-IV', targetGroup: 'copii', capacity: 30, licenceType: 'functionare',
      licenceNumber: '0010073', licenceIssueDate: '2022-09-01', licenceExpiryDate: '2027-09-01',
    });
    expect(byRow.get(4)).toMatchObject({ organizationId: 'org-soare', licenceIssueDate: '2022-07-01', licenceExpiryDate: '2027-07-01' });
    expect(byRow.get(11)).toMatchObject({ organizationId: 'org-speranta', serviceCode: '8891 CZ-C-IV', licenceType: 'provizorie', licenceIssueDate: '2024-03-01' });
    expect(byRow.get(13)).toMatchObject({ licenceIssueDate: '2023-05-01', licenceExpiryDate: '2028-05-01', capacityUnit: 'locuri' });
  });
});

describe('catalog-semicolon.csv (windows-1250, ;)', () => {
  it('decodes windows-1250, splits on ; and keeps a quoted ; inside a field', async () => {
    const { table, mapping, preview } = await previewCatalog('catalog-semicolon.csv');
    expect(table.sheet).toBe('CSV');
    // Header normalised with cleanText (ţ → ț); raw cells keep what the file says.
    expect(table.headers).toEqual(['Denumire', 'Cod fiscal', 'Localitate', 'Județ', 'Data înscrierii', 'Adresă sediu', 'Observații']);
    expect(table.rows[0]!.cells[0]).toBe('Asociaţia Prietenii Bătrânilor');
    expect(table.rows[0]!.cells[5]).toBe('Str. Horea nr. 3; et. 2');
    expect(mapping).toEqual(['name', 'cui', 'locality', 'county', 'registryDate', 'street', 'notes']);
    expect(preview.validRows.map((r) => r.draft)).toMatchObject([
      { name: 'Asociația Prietenii Bătrânilor', cui: '14235864', registryDate: '2011-05-12', street: 'Str. Horea nr. 3; et. 2' },
      { name: 'Fundația Îngeri Păzitori', locality: 'Florești', registryDate: '2012-09-30', notes: 'Conform "Legii 34/1998"' },
    ]);
    expect(issueTuples(preview.issues)).toEqual([[4, 'Cod fiscal', '18547291', 'CUI/CIF „18547291” are cifra de control greșită (ar trebui să fie 0).']]);
  });
});

describe('catalog-utf8-bom.csv (UTF-8 with BOM, ,)', () => {
  it('strips the BOM, splits on , and reports the row without a name', async () => {
    const { table, preview } = await previewCatalog('catalog-utf8-bom.csv');
    expect(table.headers[0]).toBe('Denumire');
    expect(preview.validRows.map((r) => r.draft)).toMatchObject([
      { name: 'Asociația Șansa, filiala Dej', cui: '33902158', iban: 'RO68BRDE0601205M41234500', phone: '0264 211 000' },
      { name: 'Fundația Țara Moților', legalForm: 'fundatie', locality: 'Câmpeni', county: 'Alba' },
    ]);
    expect(issueTuples(preview.issues)).toEqual([
      [4, 'Denumire', '', 'Denumirea este obligatorie (cel puțin 3 caractere).'],
      [4, 'CUI', '30124574', 'CUI-ul 30124574 există deja în catalog.'],
    ]);
  });
});

describe('not-a-workbook.xlsx', () => {
  it('gives ImportFileError with a Romanian message, not a stack trace', async () => {
    const error = await readTables(fixture('not-a-workbook.xlsx'), 'not-a-workbook.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe('Fișierul „not-a-workbook.xlsx” nu este un registru Excel valid (.xlsx): este deteriorat sau are alt format decât arată extensia.');
  });
});
