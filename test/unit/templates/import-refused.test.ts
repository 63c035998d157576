// The refused rows of an import as XLSX: heading, one line per problem, readable by LibreOffice.
import ExcelJS from 'exceljs';
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentHeader } from '../../../src/documents/document-header';
import type { ImportIssue } from '../../../src/import/preview';
import { defaultInstitutionSettings } from '../../../src/settings/institution';
import { renderRefusedRowsXlsx } from '../../../templates/xlsx/import-refused';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';

const issues: ImportIssue[] = [
  { sheet: 'ONG-uri', row: 5, column: 'Cod fiscal', value: '18547291', reason: 'CUI/CIF: „18547291” are cifra de control greșită.' },
  { sheet: 'ONG-uri', row: 13, column: 'Telefon', value: '=B3&"0"', reason: 'Telefon: Celula are formula „=B3&"0"” fără valoare calculată.' },
  { sheet: 'ONG-uri', row: 13, column: 'E-mail', value: 'ana@', reason: 'E-mail: adresa nu este validă.' },
];

describe('refused rows workbook', () => {
  it('has the institution heading, the file and counts, and one typed line per problem; a value starting with "=" stays text', async () => {
    const header = documentHeader({ ...defaultInstitutionSettings(), name: 'Direcția de Asistență Socială și Medicală Cluj-Napoca' });
    const bytes = await renderRefusedRowsXlsx({ header, title: 'Rânduri refuzate la importul în catalogul ONG', fileName: 'catalog.xlsx', date: '2026-11-23', issues });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Rânduri refuzate')!;
    const texts = sheet.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('Direcția de Asistență Socială și Medicală Cluj-Napoca');
    expect(texts).toContain('Rânduri refuzate la importul în catalogul ONG');
    expect(texts).toContain('Fișierul „catalog.xlsx”, verificat la 23.11.2026: 2 rânduri refuzate, 3 probleme. Corectați rândurile în fișier și importați-l din nou.');
    const headerRow = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'Foaia')!;
    expect([1, 2, 3, 4, 5].map((c) => headerRow.getCell(c).value)).toEqual(['Foaia', 'Rândul', 'Coloana', 'Valoarea', 'Motivul']);
    const first = sheet.getRow(headerRow.number + 1);
    expect([1, 2, 3, 4].map((c) => first.getCell(c).value)).toEqual(['ONG-uri', 5, 'Cod fiscal', '18547291']);
    const formulaLike = sheet.getRow(headerRow.number + 2).getCell(4);
    expect(formulaLike.value).toBe('=B3&"0"');
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.headerFooter.oddFooter).toContain('&P');

    if (sofficeAvailable()) {
      const pdf = convertToPdf(bytes, 'randuri-refuzate.xlsx');
      if (process.env.KEEP_PDF) copyFileSync(pdf.pdfPath, process.env.KEEP_PDF);
      expect(pdf.pageCount).toBe(1);
      expect(pdf.text).toContain('are cifra de control greșită');
      expect(pdf.text).toContain('Pagina 1 din 1');
    }
  });
});
