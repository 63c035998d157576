import { describe, expect, it } from 'vitest';
import { ORGANIZATION_COLUMNS } from '../../../src/catalog/columns';
import { duplicateMappings, mappingReport, missingRequired, suggestMapping, unmappedHeaders } from '../../../src/import/mapping';
import { REGISTER_COLUMNS } from '../../../src/register/columns';

describe('suggestMapping', () => {
  it('matches headers and aliases ignoring case, diacritics and punctuation', () => {
    expect(suggestMapping(['DENUMIRE', 'cod fiscal', 'Localitate ', 'judeţ', 'E-mail', 'xyz'], ORGANIZATION_COLUMNS)).toEqual([
      'name', 'cui', 'locality', 'county', 'email', null,
    ]);
  });

  it('maps a field once: the second column for it stays null and is reported', () => {
    const headers = ['Denumire', 'CUI', 'CIF', 'Localitate'];
    const mapping = suggestMapping(headers, ORGANIZATION_COLUMNS);
    expect(mapping).toEqual(['name', 'cui', null, 'locality']);
    expect(duplicateMappings(headers, mapping, ORGANIZATION_COLUMNS)).toEqual([{ index: 2, header: 'CIF', field: 'cui', keptIndex: 1, keptHeader: 'CUI' }]);
    expect(mappingReport(headers, mapping, ORGANIZATION_COLUMNS).messages).toEqual([
      'Coloana „CIF” este ignorată: câmpul „CUI/CIF” se citește deja din coloana „CUI”.',
    ]);
  });

  it('prefers the header exactly as the app writes it over an alias further left', () => {
    // "CUI" is an alias of "CUI ONG" in the register; the exact header wins.
    const mapping = suggestMapping(['CUI', 'Denumire unitate', 'CUI ONG'], REGISTER_COLUMNS);
    expect(mapping).toEqual([null, 'name', 'organizationCui']);
  });

  it('"CUI" alone in a register file is the owner NGO', () => {
    expect(suggestMapping(['CUI', 'Denumire ONG', 'Unitate'], REGISTER_COLUMNS)).toEqual(['organizationCui', 'organizationName', 'name']);
  });
});

describe('unmappedHeaders / missingRequired / user-edited mappings', () => {
  it('lists the ignored headers and the required columns nobody feeds', () => {
    const headers = ['Nume asociație', 'Cod fiscal', 'Oraș', 'Comentarii'];
    const mapping = suggestMapping(headers, ORGANIZATION_COLUMNS);
    expect(mapping).toEqual([null, 'cui', 'locality', null]);
    expect(unmappedHeaders(headers, mapping)).toEqual([
      { index: 0, header: 'Nume asociație' },
      { index: 3, header: 'Comentarii' },
    ]);
    expect(missingRequired(mapping, ORGANIZATION_COLUMNS).map((c) => c.field)).toEqual(['name']);
    const report = mappingReport(headers, mapping, ORGANIZATION_COLUMNS);
    expect(report.messages[0]).toBe('Lipsește coloana obligatorie „Denumire”. Alegeți coloana din fișier care o conține sau dați o valoare pentru toate rândurile.');

    // The user maps "Nume asociație" to the name and the mapping is complete.
    const edited = [...mapping];
    edited[0] = 'name';
    expect(missingRequired(edited, ORGANIZATION_COLUMNS)).toEqual([]);
  });

  it('a field the user mapped twice is read from the first column; the other is reported', () => {
    const headers = ['Denumire', 'Alt nume', 'CUI', 'Localitate'];
    const mapping = ['name', 'name', 'cui', 'locality'] as const;
    expect(duplicateMappings(headers, [...mapping], ORGANIZATION_COLUMNS)).toEqual([
      { index: 1, header: 'Alt nume', field: 'name', keptIndex: 0, keptHeader: 'Denumire' },
    ]);
    expect(missingRequired([...mapping], ORGANIZATION_COLUMNS)).toEqual([]);
  });
});
