// The national register differences as XLSX: heading with the register's date, one line per difference by kind, readable by LibreOffice.
import ExcelJS from 'exceljs';
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentHeader } from '../../../src/documents/document-header';
import type { RegisterDifference } from '../../../src/register/national-register';
import { defaultInstitutionSettings } from '../../../src/settings/institution';
import { REGISTER_CHECK_TITLE, renderRegisterCheckXlsx } from '../../../templates/xlsx/national-register-check';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';

const base = { organizationName: 'Asociația Speranța Someșului', cui: '18547290', proposal: 'Se preia din registru: Nr. licenței.' };
const differences: RegisterDifference[] = [
  { ...base, key: 'b', kind: 'licence_differs', record: 'Centrul de zi „Speranța”', localValue: 'nr. 500 din 01.01.2021', registerValue: 'nr. 0501 din 15.12.2025', registerRow: 4 },
  { ...base, key: 'a', kind: 'provider_not_accredited', record: 'Asociația Speranța Someșului', localValue: 'fără certificat de acreditare', registerValue: 'nu apare în lista furnizorilor acreditați', proposal: 'Verificați acreditarea.' },
];

describe('national register check workbook', () => {
  it('names the file and the register’s date, and lists the differences grouped by kind, numbered', async () => {
    const header = documentHeader({ ...defaultInstitutionSettings(), name: 'Direcția de Asistență Socială și Medicală Cluj-Napoca' });
    const bytes = await renderRegisterCheckXlsx({ header, fileName: 'registru-mmss.xlsx', registerDate: '2026-11-30', date: '2026-12-01', differences });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Diferențe')!;
    const texts = sheet.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(texts).toContain(REGISTER_CHECK_TITLE);
    expect(texts.find((t) => t.startsWith('Fișierul'))).toBe(
      'Fișierul „registru-mmss.xlsx”, registrul național din 30.11.2026, verificat la 01.12.2026: 2 diferențe (ONG-uri care nu apar ca furnizori acreditați: 1; Număr sau date ale licenței diferite: 1).',
    );
    const headerRow = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'Nr. crt.')!;
    const line = (n: number) => [1, 2, 5, 8].map((c) => sheet.getRow(headerRow.number + n).getCell(c).value);
    expect(line(1)).toEqual([1, 'ONG-uri care nu apar ca furnizori acreditați', 'Asociația Speranța Someșului', null]);
    expect(line(2)).toEqual([2, 'Număr sau date ale licenței diferite', 'Centrul de zi „Speranța”', 4]);
    expect(sheet.pageSetup.orientation).toBe('landscape');

    if (sofficeAvailable()) {
      const pdf = convertToPdf(bytes, 'verificare-registru-national.xlsx');
      if (process.env.KEEP_PDF) copyFileSync(pdf.pdfPath, process.env.KEEP_PDF);
      expect(pdf.pageCount).toBe(1);
      expect(pdf.text).toContain('nr. 0501 din 15.12.2025');
      expect(pdf.text).toContain('Pagina 1 din 1');
    }
  });
});
