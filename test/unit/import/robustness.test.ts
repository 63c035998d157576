// What users really write: licence types and statuses in their own words, header synonyms, a
// constant for a column the file lacks, a full address in one cell, formula cells without a value.
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_COLUMNS } from '../../../src/catalog/columns';
import { splitAddress } from '../../../src/import/address';
import { previewOrganizationImport } from '../../../src/import/import-organizations';
import { previewUnitImport } from '../../../src/import/import-units';
import { FULL_ADDRESS, fitsHeaders, layoutKey, mappingReport, remapByHeaders, suggestMapping } from '../../../src/import/mapping';
import { convertCell, sampleText } from '../../../src/import/preview';
import { emptyRows } from '../../../src/import/wording';
import { REGISTER_COLUMNS } from '../../../src/register/columns';
import { NOMENCLATURE } from '../../../src/register/nomenclature';
import { issueTuples, table } from './helpers';

const licence = REGISTER_COLUMNS.find((c) => c.field === 'licenceType')!;
const NO_CUIS = { existingCuis: new Set<string>() };

describe('values users write', () => {
  it('licence type: "de funcționare", "funcționare", "Licență de funcționare", any case or diacritics, all mean the same; "provizorie" too', () => {
    for (const text of ['de funcționare', 'funcționare', 'FUNCTIONARE', 'Licență de funcționare', 'licenta de functionare', 'Licența de funcționare.']) {
      expect(convertCell(text, licence)).toEqual({ ok: true, value: 'functionare' });
    }
    for (const text of ['provizorie', 'Licență provizorie', 'PROVIZORIE']) expect(convertCell(text, licence)).toEqual({ ok: true, value: 'provizorie' });
    expect(convertCell('definitivă', licence)).toMatchObject({ ok: false, message: expect.stringContaining('nu este o valoare permisă') });
  });

  it('header synonyms: "Data eliberării", "Nr. înregistrare Registrul …" with any ending', () => {
    expect(suggestMapping(['CUI ONG', 'Denumire unitate', 'Data eliberării', 'Tipul licenței', 'Valabilitate'], REGISTER_COLUMNS)).toEqual([
      'organizationCui', 'name', 'licenceIssueDate', 'licenceType', 'licenceExpiryDate',
    ]);
    expect(
      suggestMapping(['Denumire', 'Nr. înregistrare Registrul asociațiilor și fundațiilor', 'Număr de înregistrare în Registrul Național ONG', 'Nr. înregistrare Registrul'], ORGANIZATION_COLUMNS),
    ).toEqual(['name', 'registryNumber', null, null]);
    // The prefix needs a whole word after it: "Nr. înregistrare Registrulx" is not a match.
    expect(suggestMapping(['Nr. înregistrare Registrulx'], ORGANIZATION_COLUMNS)).toEqual([null]);
  });

  it('a row of real-world values is imported as the app writes them', () => {
    const t = table(
      ['CUI', 'Unitate', 'Cod serviciu', 'Localitate', 'Capacitate', 'Tip licență', 'Data eliberării', 'Stare'],
      [['14235864', 'Centrul de zi', '8891CZ-C-I', 'Cluj-Napoca', 20, 'de funcționare', '15.03.2024', 'activ']],
    );
    const preview = previewUnitImport(t, suggestMapping(t.headers, REGISTER_COLUMNS), { organizationIdByCui: new Map([['14235864', 'org-1']]), nomenclature: NOMENCLATURE });
    expect(issueTuples(preview.issues)).toEqual([]);
    expect(preview.validRows[0]!.draft).toMatchObject({ licenceType: 'functionare', licenceIssueDate: '2024-03-15', status: 'activa', organizationId: 'org-1' });
  });
});

describe('constant values and full addresses', () => {
  it('a constant fills a field the file has no column for, and blank cells of a mapped column; a required field with a constant is not missing', () => {
    const t = table(['Denumire', 'CUI', 'Localitate'], [['Asociația A', '14235864', null], ['Asociația B', '18547290', 'Dej']]);
    const mapping = suggestMapping(t.headers, ORGANIZATION_COLUMNS);
    const preview = previewOrganizationImport(t, mapping, NO_CUIS, { defaults: { locality: 'Cluj-Napoca', county: 'Cluj' } });
    expect(preview.validRows.map((r) => [r.draft.locality, r.draft.county])).toEqual([['Cluj-Napoca', 'Cluj'], ['Dej', 'Cluj']]);

    const noLocality = table(['Denumire', 'CUI'], [['Asociația A', '14235864']]);
    const m = suggestMapping(noLocality.headers, ORGANIZATION_COLUMNS);
    expect(mappingReport(noLocality.headers, m, ORGANIZATION_COLUMNS).missingRequired.map((c) => c.field)).toEqual(['locality']);
    expect(mappingReport(noLocality.headers, m, ORGANIZATION_COLUMNS, { locality: 'Cluj-Napoca' }).missingRequired).toEqual([]);
    expect(mappingReport(noLocality.headers, m, ORGANIZATION_COLUMNS, { locality: '  ' }).missingRequired.map((c) => c.field)).toEqual(['locality']);
  });

  it('splits a Romanian address into street with number, locality, county and postal code where it can', () => {
    expect(splitAddress('Str. Memorandumului nr. 21, Cluj-Napoca, jud. Cluj, 400114')).toEqual({ street: 'Str. Memorandumului nr. 21', locality: 'Cluj-Napoca', county: 'Cluj', postalCode: '400114' });
    expect(splitAddress('Cluj-Napoca, Bd. 21 Decembrie 1989, nr. 5, ap. 3')).toEqual({ street: 'Bd. 21 Decembrie 1989, nr. 5, ap. 3', locality: 'Cluj-Napoca', county: '', postalCode: '' });
    expect(splitAddress('Calea Turzii 12; mun. Cluj-Napoca; județul Cluj')).toEqual({ street: 'Calea Turzii 12', locality: 'Cluj-Napoca', county: 'Cluj', postalCode: '' });
    expect(splitAddress('str. Principală 7, com. Florești, Cluj')).toEqual({ street: 'str. Principală 7', locality: 'Florești', county: 'Cluj', postalCode: '' });
    expect(splitAddress('str. Horea 3, 400174 Cluj-Napoca')).toEqual({ street: 'str. Horea 3', locality: 'Cluj-Napoca', county: '', postalCode: '400174' });
    // Nothing to tell the locality by: all of it stays in the street.
    expect(splitAddress('Piața Unirii')).toEqual({ street: 'Piața Unirii', locality: '', county: '', postalCode: '' });
  });

  it('a column mapped to the full address fills the address fields without a column of their own; the split is the sample; the constant covers what it cannot find', () => {
    const t = table(
      ['Denumire', 'CUI', 'Adresa completă', 'Județ'],
      [['Asociația A', '14235864', 'Str. Horea nr. 3, Cluj-Napoca, jud. Cluj, 400174', 'Cluj'], ['Asociația B', '18547290', 'Str. Avram Iancu nr. 10', 'Cluj']],
    );
    const mapping = ['name', 'cui', FULL_ADDRESS, 'county'] as const;
    expect(mappingReport(t.headers, [...mapping], ORGANIZATION_COLUMNS).missingRequired).toEqual([]);
    const preview = previewOrganizationImport(t, [...mapping], NO_CUIS);
    expect(preview.validRows.map((r) => [r.draft.street, r.draft.locality, r.draft.county, r.draft.postalCode])).toEqual([['Str. Horea nr. 3', 'Cluj-Napoca', 'Cluj', '400174']]);
    // Row 3 has no locality: reported at the address column, with the cell.
    expect(issueTuples(preview.issues)).toEqual([[3, 'Adresa completă', 'Str. Avram Iancu nr. 10', 'Localitatea sediului este obligatorie.']]);
    const withDefault = previewOrganizationImport(t, [...mapping], NO_CUIS, { defaults: { locality: 'Cluj-Napoca' } });
    expect(withDefault.validRows.map((r) => r.draft.locality)).toEqual(['Cluj-Napoca', 'Cluj-Napoca']);
    expect(sampleText(t.rows[0]!.cells[2], 'address')).toBe('Stradă: Str. Horea nr. 3; Localitate: Cluj-Napoca; Județ: Cluj; Cod poștal: 400174');
  });

  it('the layout key is the set of headers (case, diacritics and order aside); a remembered mapping must fit and follows its headers', () => {
    expect(layoutKey(['Denumire', 'CUI', 'Localitate'])).toBe(layoutKey(['DENUMIRE', 'cui', 'localitate ']));
    expect(layoutKey(['Denumire', 'CUI', 'Localitate'])).toBe(layoutKey(['CUI', 'Localitate', 'Denumire']));
    expect(layoutKey(['Denumire', 'CUI', 'Localitate'])).not.toBe(layoutKey(['Denumire', 'CUI', 'Județ']));
    expect(remapByHeaders(['name', 'cui', FULL_ADDRESS], ['Denumire', 'CUI', 'Adresa'], ['adresa', 'Denumire', 'CUI'])).toEqual([FULL_ADDRESS, 'name', 'cui']);
    expect(fitsHeaders(['name', 'cui', FULL_ADDRESS], ['a', 'b', 'c'], ORGANIZATION_COLUMNS)).toBe(true);
    expect(fitsHeaders(['name', 'cui'], ['a', 'b', 'c'], ORGANIZATION_COLUMNS)).toBe(false);
    expect(fitsHeaders(['name', 'nuExista', null], ['a', 'b', 'c'], ORGANIZATION_COLUMNS)).toBe(false);
  });
});

describe('cells that cannot be read', () => {
  it('a formula error or a formula without a cached value is reported on its row, never stored empty', () => {
    const t = table(['Denumire', 'CUI', 'Localitate', 'Telefon'], [
      ['Asociația A', { error: '#N/A', formula: 'VLOOKUP(A2,Foaie2!A:B,2,0)' }, 'Dej', null],
      ['Asociația B', '18547290', 'Dej', { error: '', formula: 'B3&"0"' }],
    ]);
    const preview = previewOrganizationImport(t, suggestMapping(t.headers, ORGANIZATION_COLUMNS), NO_CUIS);
    expect(preview.validRows).toEqual([]);
    expect(issueTuples(preview.issues)).toEqual([
      [2, 'CUI', '#N/A', 'CUI/CIF: Celula are eroarea #N/A a formulei „=VLOOKUP(A2,Foaie2!A:B,2,0)”: corectați formula sau scrieți valoarea în celulă, apoi importați din nou.'],
      [3, 'Telefon', '=B3&"0"', 'Telefon: Celula are formula „=B3&"0"” fără valoare calculată (fișierul a fost salvat de un program care nu calculează formulele): deschideți-l în Excel, salvați-l din nou sau copiați valorile cu Lipire specială → Valori.'],
    ]);
  });

  it('the sample of a date column is dd.mm.yyyy, from a date cell, an Excel serial or text', () => {
    const date = REGISTER_COLUMNS.find((c) => c.field === 'licenceIssueDate')!;
    expect(sampleText(new Date(Date.UTC(2024, 2, 15)), date)).toBe('15.03.2024');
    expect(sampleText(45366, date)).toBe('15.03.2024');
    expect(sampleText('2024-03-15', date)).toBe('15.03.2024');
    expect(sampleText('mâine', date)).toBe('mâine');
    expect(sampleText(new Date(Date.UTC(2024, 2, 15)), undefined)).toBe('15.03.2024');
    // An enum shows what it will become; an unknown value as written.
    expect(sampleText('de funcționare', licence)).toBe('Licență de funcționare');
    expect(sampleText('altceva', licence)).toBe('altceva');
  });

  it('"1 rând gol", "2 rânduri goale", "20 de rânduri goale"', () => {
    expect([1, 2, 19, 20, 101, 1000].map(emptyRows)).toEqual(['1 rând gol', '2 rânduri goale', '19 rânduri goale', '20 de rânduri goale', '101 rânduri goale', '1.000 de rânduri goale']);
  });
});
