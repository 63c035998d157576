import { describe, expect, it } from 'vitest';
import { ORGANIZATION_COLUMNS } from '../../../src/catalog/columns';
import { inferLegalForm, previewOrganizationImport } from '../../../src/import/import-organizations';
import { previewUnitImport, unitKey } from '../../../src/import/import-units';
import { suggestMapping } from '../../../src/import/mapping';
import { convertCell } from '../../../src/import/preview';
import { cellText } from '../../../src/import/raw-table';
import { REGISTER_COLUMNS } from '../../../src/register/columns';
import { mergeNomenclature, NOMENCLATURE } from '../../../src/register/nomenclature';
import type { ColumnDef } from '../../../src/tabular/columns';
import { issueTuples, table } from './helpers';

const NO_CUIS = { existingCuis: new Set<string>() };
const def = (type: ColumnDef['type'], options?: Record<string, string>): ColumnDef => ({ field: 'f', header: 'Câmp', type, options });

describe('convertCell', () => {
  it('text: numbers without exponent or ".0", cleaned text, dates as dd.mm.yyyy', () => {
    expect(convertCell(4305857, def('text'))).toEqual({ ok: true, value: '4305857' });
    expect(convertCell(4305857.0, def('text'))).toEqual({ ok: true, value: '4305857' });
    expect(convertCell(1234567890, def('text'))).toEqual({ ok: true, value: '1234567890' });
    expect(convertCell(4305857.000000001, def('text'))).toEqual({ ok: true, value: '4305857' });
    expect(cellText(1e21)).toBe('1000000000000000000000');
    expect(convertCell('  Asociaţia\u00A0 Şansa ', def('text'))).toEqual({ ok: true, value: 'Asociația Șansa' });
    expect(convertCell(new Date(Date.UTC(2024, 2, 15)), def('text'))).toEqual({ ok: true, value: '15.03.2024' });
    expect(convertCell(null, def('text'))).toEqual({ ok: true, value: '' });
    expect(convertCell('\na\r\n\n  b ţ\n', def('text'), true)).toEqual({ ok: true, value: 'a\n\nb ț' });
  });

  it('date: serial, Date cell, dd.mm.yyyy, yyyy-mm-dd; blank is undefined; bad dates are issues', () => {
    expect(convertCell(45366, def('date'))).toEqual({ ok: true, value: '2024-03-15' });
    expect(convertCell(new Date(Date.UTC(2024, 2, 15)), def('date'))).toEqual({ ok: true, value: '2024-03-15' });
    expect(convertCell('15.03.2024', def('date'))).toEqual({ ok: true, value: '2024-03-15' });
    expect(convertCell('2024-03-15', def('date'))).toEqual({ ok: true, value: '2024-03-15' });
    expect(convertCell(' ', def('date'))).toEqual({ ok: true, value: undefined });
    expect(convertCell('31.02.2023', def('date'))).toEqual({ ok: false, message: 'Câmp: „31.02.2023” nu este o dată din calendar.' });
    expect(convertCell('mâine', def('date'))).toEqual({ ok: false, message: 'Câmp: „mâine” nu este o dată (se așteaptă zz.ll.aaaa).' });
  });

  it('integer: whole numbers only ("1.000" is ambiguous)', () => {
    expect(convertCell(12, def('integer'))).toEqual({ ok: true, value: 12 });
    expect(convertCell(' 12 ', def('integer'))).toEqual({ ok: true, value: 12 });
    expect(convertCell(12.5, def('integer'))).toEqual({ ok: false, message: 'Câmp: „12.5” nu este un număr întreg.' });
    expect(convertCell('1.000', def('integer')).ok).toBe(false);
    expect(convertCell('abc', def('integer'))).toEqual({ ok: false, message: 'Câmp: „abc” nu este un număr întreg.' });
    expect(convertCell(null, def('integer'))).toEqual({ ok: true, value: undefined });
  });

  it('enum: by stored value or label, or an issue listing the labels', () => {
    const options = { activ: 'Activ', radiat: 'Radiat' };
    expect(convertCell('ACTIV', def('enum', options))).toEqual({ ok: true, value: 'activ' });
    expect(convertCell('radiat', def('enum', options))).toEqual({ ok: true, value: 'radiat' });
    expect(convertCell('închis', def('enum', options))).toEqual({ ok: false, message: 'Câmp: „închis” nu este o valoare permisă; valori permise: „Activ”, „Radiat”.' });
  });
});

describe('previewOrganizationImport', () => {
  it('a missing required column: every row reports it under the field label', () => {
    const t = table(['Denumire', 'Localitate'], [['Asociația A', 'Cluj-Napoca'], ['Asociația B', 'Dej']]);
    const preview = previewOrganizationImport(t, suggestMapping(t.headers, ORGANIZATION_COLUMNS), NO_CUIS);
    expect(preview.validRows).toEqual([]);
    expect(issueTuples(preview.issues)).toEqual([
      [2, 'CUI/CIF', '', 'CUI/CIF este obligatoriu.'],
      [3, 'CUI/CIF', '', 'CUI/CIF este obligatoriu.'],
    ]);
  });

  it('a user-edited mapping changes the outcome', () => {
    const t = table(['Nume asociație', 'Cod', 'Oraș'], [['Fundaţia X', '14235864', 'Turda']]);
    const suggested = suggestMapping(t.headers, ORGANIZATION_COLUMNS);
    expect(suggested).toEqual([null, null, 'locality']);
    const before = previewOrganizationImport(t, suggested, NO_CUIS);
    expect(before.validRows).toEqual([]);
    expect(before.issues.map((i) => i.column)).toEqual(['Denumire', 'CUI/CIF']);

    const after = previewOrganizationImport(t, ['name', 'cui', 'locality'], NO_CUIS);
    expect(after.issues).toEqual([]);
    expect(after.validRows).toMatchObject([{ rowNumber: 2, draft: { name: 'Fundația X', legalForm: 'fundatie', cui: '14235864', locality: 'Turda' } }]);

    // Mapping the city column to the county instead: the locality is now missing.
    const wrong = previewOrganizationImport(t, ['name', 'cui', 'county'], NO_CUIS);
    expect(issueTuples(wrong.issues)).toEqual([[2, 'Localitate', '', 'Localitatea sediului este obligatorie.']]);
  });

  it('keeps imported values only: no form defaults for columns the file lacks', () => {
    const t = table(['Denumire', 'CUI', 'Localitate', 'Puncte de lucru', 'Cod poștal', 'Observații'], [['Asociația A', 14235864, 'Cluj-Napoca', 'Str. A nr. 1\r\n\nStr. B nr. 2', 400001, 'rândul 1\nrândul 2']]);
    const [row] = previewOrganizationImport(t, suggestMapping(t.headers, ORGANIZATION_COLUMNS), NO_CUIS).validRows;
    expect(row!.draft).toMatchObject({
      county: '', representativeRole: '', legalForm: 'asociatie', status: 'activ', postalCode: '400001',
      // Line breaks typed with Alt+Enter survive in the multi-line fields.
      workingAddresses: 'Str. A nr. 1\nStr. B nr. 2', notes: 'rândul 1\nrândul 2',
    });
  });

  it('restores the leading zero of phones and postal codes read from number cells', () => {
    const t = table(['Denumire', 'CUI', 'Localitate', 'Telefon', 'Cod poștal'], [['Asociația A', '14235864', 'București', 722000111, 10011]]);
    const [row] = previewOrganizationImport(t, suggestMapping(t.headers, ORGANIZATION_COLUMNS), NO_CUIS).validRows;
    expect(row!.draft).toMatchObject({ phone: '0722 000 111', postalCode: '010011' });
  });

  it('CUI duplicates are compared after normalisation ("RO 14235864" = 14235864)', () => {
    const t = table(['Denumire', 'CUI', 'Localitate'], [['Asociația A', 'RO 14235864', 'Dej'], ['Asociația B', 14235864, 'Dej'], ['Asociația C', 'ro14235864', 'Dej']]);
    const preview = previewOrganizationImport(t, suggestMapping(t.headers, ORGANIZATION_COLUMNS), { existingCuis: new Set(['14235864']) });
    expect(issueTuples(preview.issues)).toEqual([
      [2, 'CUI', 'RO 14235864', 'CUI-ul 14235864 există deja în catalog.'],
      [3, 'CUI', '14235864', 'CUI-ul 14235864 apare și pe rândul 2.'],
      [3, 'CUI', '14235864', 'CUI-ul 14235864 există deja în catalog.'],
      [4, 'CUI', 'ro14235864', 'CUI-ul 14235864 apare și pe rândul 2.'],
      [4, 'CUI', 'ro14235864', 'CUI-ul 14235864 există deja în catalog.'],
    ]);
  });

  it('reports progress every 200 rows and at the end', () => {
    const rows = Array.from({ length: 450 }, (_, i) => [`Asociația ${i}`, '', 'Dej']);
    const t = table(['Denumire', 'CUI', 'Localitate'], rows);
    const calls: [number, number][] = [];
    const preview = previewOrganizationImport(t, suggestMapping(t.headers, ORGANIZATION_COLUMNS), NO_CUIS, { onProgress: (d, n) => calls.push([d, n]) });
    expect(calls).toEqual([[200, 450], [400, 450], [450, 450]]);
    expect(preview.issues).toHaveLength(450);
  });

  it('inferLegalForm', () => {
    expect(inferLegalForm('FUNDAŢIA Y')).toBe('fundatie');
    expect(inferLegalForm('Federatia Z')).toBe('federatie');
    expect(inferLegalForm('Clubul Sportiv')).toBeUndefined();
  });

  it('accepts recognised religious cults and their units as applicants (Legea 79/2017; HG 619/2017)', () => {
    expect(inferLegalForm('Parohia Ortodoxă „Sfântul Nicolae” Cluj-Napoca')).toBe('cult');
    expect(inferLegalForm('Episcopia Reformată a Ardealului')).toBe('cult');
    const t = table(['Denumire', 'Formă juridică', 'CUI/CIF', 'Localitate'], [
      ['Parohia Romano-Catolică Sf. Mihail', '', '14235864', 'Cluj-Napoca'],
      ['Comunitatea Evreilor', 'Cult', '18547290', 'Cluj-Napoca'],
    ]);
    const preview = previewOrganizationImport(t, ['name', 'legalForm', 'cui', 'locality'], NO_CUIS);
    expect(preview.issues).toEqual([]);
    expect(preview.validRows.map((r) => r.draft.legalForm)).toEqual(['cult', 'cult']);
  });
});

describe('previewUnitImport', () => {
  const headers = ['CUI ONG', 'Denumirea unității', 'Cod serviciu (HG 867/2015)', 'Localitate', 'Capacitate', 'U.M. capacitate', 'Stare'];
  const context = {
    organizationIdByCui: new Map([['14235864', 'org-a']]),
    existingUnitKeys: new Set([unitKey('org-a', 'Centrul Existent')]),
    nomenclature: NOMENCLATURE,
  };
  const preview = (rows: (string | number | null)[][], ctx = context) => {
    const t = table(headers, rows);
    return previewUnitImport(t, suggestMapping(t.headers, REGISTER_COLUMNS), ctx);
  };

  it('owner CUI: missing, malformed, unknown; a valid one gives the organization id', () => {
    const p = preview([
      [null, 'Centrul 1', '8891 CZ-C-IV', 'Dej', 10, 'locuri', 'Activă'],
      ['123', 'Centrul 2', '8891 CZ-C-IV', 'Dej', 10, 'locuri', 'Activă'],
      ['28741195', 'Centrul 3', '8891 CZ-C-IV', 'Dej', 10, 'locuri', 'Activă'],
      ['RO14235864', 'Centrul 4', '8891 CZ-C-IV', 'Dej', 10, 'beneficiari/luna', 'suspendata'],
    ]);
    expect(issueTuples(p.issues)).toEqual([
      [2, 'CUI ONG', '', 'Lipsește CUI-ul ONG-ului care administrează unitatea.'],
      [3, 'CUI ONG', '123', 'CUI/CIF „123” are cifra de control greșită (ar trebui să fie 4).'],
      [4, 'CUI ONG', '28741195', 'ONG-ul cu CUI-ul 28741195 nu există în catalog; adăugați-l mai întâi în catalogul ONG.'],
    ]);
    expect(p.validRows).toMatchObject([{ rowNumber: 5, draft: { organizationId: 'org-a', capacityUnit: 'beneficiari_luna', status: 'suspendata' } }]);
  });

  it('all issues of a row, without double reports for cells that failed conversion', () => {
    const p = preview([['14235864', 'X', '0000', null, 'zece', 'kg', 'Activă']]);
    expect(issueTuples(p.issues)).toEqual([
      [2, 'Denumirea unității', 'X', 'Denumirea unității este obligatorie (cel puțin 3 caractere).'],
      [2, 'Cod serviciu (HG 867/2015)', '0000', 'Codul de serviciu „0000” nu există în nomenclatorul HG 867/2015.'],
      [2, 'Localitate', '', 'Localitatea este obligatorie.'],
      [2, 'Capacitate', 'zece', 'Capacitate: „zece” nu este un număr întreg.'],
      [2, 'U.M. capacitate', 'kg', 'U.M. capacitate: „kg” nu este o valoare permisă; valori permise: „locuri”, „beneficiari/lună”.'],
    ]);
  });

  it('duplicates inside the file (even for an unknown owner) and against the register', () => {
    const p = preview([
      ['14235864', 'Centrul Existent', '8891 CZ-C-IV', 'Dej', 10, null, null],
      ['28741195', 'Centrul Nou', '8891 CZ-C-IV', 'Dej', 10, null, null],
      ['28741195', 'CENTRUL  NOU', '8891 CZ-C-IV', 'Dej', 10, null, null],
      ['14235864', 'Centrul Nou', '8891 CZ-C-IV', 'Dej', 10, null, null],
    ]);
    expect(p.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, 'Denumirea unității', 'Unitatea „Centrul Existent” există deja în registru la acest ONG.'],
      [3, 'CUI ONG', 'ONG-ul cu CUI-ul 28741195 nu există în catalog; adăugați-l mai întâi în catalogul ONG.'],
      [4, 'CUI ONG', 'ONG-ul cu CUI-ul 28741195 nu există în catalog; adăugați-l mai întâi în catalogul ONG.'],
      [4, 'Denumirea unității', 'Unitatea „CENTRUL NOU” a ONG-ului cu CUI-ul 28741195 apare și pe rândul 3.'],
    ]);
    expect(p.validRows.map((r) => r.rowNumber)).toEqual([5]);
  });

  it('uses the nomenclature passed in (codes added by the user)', () => {
    const custom = mergeNomenclature([{ code: '8899 CZ-X-I', name: 'Serviciu local', form: 'zi', targetGroup: 'familii', verified: false, source: '' }]);
    const row = ['14235864', 'Centrul Local', '8899 cz-x-i', 'Dej', 5, null, null];
    expect(preview([row]).validRows).toEqual([]);
    expect(preview([row], { ...context, nomenclature: custom }).validRows).toMatchObject([{ draft: { serviceCode: '8899 CZ-X-I', targetGroup: 'familii' } }]);
  });

  it('unitKey ignores case, diacritics and spacing of the name', () => {
    expect(unitKey('id', ' Centrul  de zi Ghiocelul')).toBe(unitKey('id', 'CENTRUL DE ZI GHIOCELUL'));
    expect(unitKey('id', 'Cămin Șansa')).toBe(unitKey('id', 'camin sansa'));
    expect(unitKey('a', 'X')).not.toBe(unitKey('b', 'X'));
  });
});
