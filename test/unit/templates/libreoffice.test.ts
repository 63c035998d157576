// The generated files opened by LibreOffice and printed to PDF: they must open, paginate, keep
// the Romanian text (diacritics included) and number their pages.
import { describe, expect, it } from 'vitest';
import { buildLicensedNgoList } from '../../../src/documents/licensed-ngo-list';
import { renderLicensedNgoListDocx } from '../../../templates/docx/licensed-ngo-list';
import { renderLicensedNgoListXlsx } from '../../../templates/xlsx/licensed-ngo-list';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { smallestTextPoints } from '../../helpers/print-size';
import { bigList, institution, NOMENCLATURE, TODAY } from './fixtures';

const TITLE = 'Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca';
const NGO = 'Asociația Șansa Țării Românești — Învățăm împreună';

describe('the licensed NGO list through LibreOffice', () => {
  // 15 NGOs × 2 units: 30 rows, more than one landscape page.
  const { organizations, units } = bigList(15);
  const model = buildLicensedNgoList({ organizations, units, nomenclature: NOMENCLATURE, institution: institution(), date: TODAY });

  it('converts the DOCX and the XLSX to PDF with their text', async () => {
    const docx = await renderLicensedNgoListDocx(model);
    const xlsx = await renderLicensedNgoListXlsx(model);
    expect(model.rows).toHaveLength(30);
    if (!sofficeAvailable()) {
      // CI installs LibreOffice and poppler; only a developer machine without them may pass over this.
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const docxPdf = convertToPdf(docx, 'lista-ong-licentiate.docx');
    expect(docxPdf.pageCount).toBeGreaterThan(1);
    expect(docxPdf.text).toContain(TITLE);
    expect(docxPdf.text).toContain(NGO);
    expect(docxPdf.text).toContain('Direcția de Asistență Socială și Medicală Cluj-Napoca');
    expect(docxPdf.text).toContain(`Pagina 1 din ${docxPdf.pageCount}`);
    expect(docxPdf.text).toContain(`Pagina ${docxPdf.pageCount} din ${docxPdf.pageCount}`);
    // The header row repeats: once per page.
    expect(docxPdf.text.split('Unitatea de asistență socială').length - 1).toBe(docxPdf.pageCount);
    expect(docxPdf.text).toContain(model.totalsLine);

    const xlsxPdf = convertToPdf(xlsx, 'lista-ong-licentiate.xlsx');
    expect(xlsxPdf.pageCount).toBeGreaterThan(0);
    expect(xlsxPdf.text).toContain(TITLE);
    expect(xlsxPdf.text).toContain(NGO);
    expect(xlsxPdf.text).toContain('Pagina 1 din');
    expect(xlsxPdf.text).toContain('14.01.2029');
    // Legible on A4: text at least 8 pt, the header row repeated on every page.
    expect(smallestTextPoints(xlsxPdf.pdfPath)).toBeGreaterThanOrEqual(7.95);
    expect(xlsxPdf.text.split('Valabilă până la').length - 1).toBe(xlsxPdf.pageCount);
  }, 120_000);
});
