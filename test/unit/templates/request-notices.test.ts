import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createHolidayTable } from '../../../src/calendar/public-holidays';
import { buildMissingDocumentsNotice, buildRegistrationReceipt } from '../../../src/documents/request-notices';
import { bani } from '../../../src/money';
import { DOSSIER_ITEMS } from '../../../src/requests/dossier';
import type { SubsidyRequest } from '../../../src/requests/subsidy-request';
import { renderMissingDocumentsNoticeDocx, renderRegistrationReceiptDocx } from '../../../templates/docx/request-notices';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { institution, organization, unit } from './fixtures';

const ngo = organization(1, { name: 'Asociația Șansa Țării', representativeName: 'Ana Pop' });
const units = [unit(1, ngo.id, { name: 'Centrul de zi „Lumina”' }), unit(2, ngo.id, { name: 'Cantina socială „Pâinea”' })];
const request: SubsidyRequest = {
  id: 'r1', createdAt: '', updatedAt: '', version: 1, roundId: 'round', organizationId: ngo.id,
  registration: { year: 2026, sequence: 12 }, registeredOn: '2026-09-25', year: 2027, status: 'inregistrata', notes: '',
  units: units.map((u) => ({ unitId: u.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 20, months: [1, 2, 3], budgetByCategory: { personal: bani(1_000_000) }, ownContribution: bani(100_000), otherFunding: bani(0) })),
  dossier: DOSSIER_ITEMS.flatMap((item) =>
    item.isPerUnit
      ? units.filter((u) => !(item.code === 'fisa_tehnica' && u.id === units[1]!.id)).map((u) => ({ code: item.code, unitId: u.id, status: 'primit' as const, validUntil: item.hasValidity ? '2027-12-31' : undefined }))
      : item.code === 'bilant' ? [] : [{ code: item.code, status: 'primit' as const, validUntil: item.hasValidity ? '2026-12-31' : undefined }],
  ),
};

describe('request notices', () => {
  const notice = buildMissingDocumentsNotice({ request, organization: ngo, units, institution: institution(), date: '2026-09-28', completionWorkingDays: 5, holidays: createHolidayTable() });

  it('the missing-documents notice names the request, the deadline and each missing document', () => {
    expect(notice.title).toBe('NOTIFICARE privind documentele lipsă din dosarul cererii de subvenționare nr. 12/2026');
    // 5 working days from Monday 28.09.2026: Monday 05.10.2026 (before the fix, 5 calendar days: Saturday 03.10.2026).
    expect(notice.paragraphs[1]).toBe('Vă rugăm să depuneți, până la data de 05.10.2026 (5 zile lucrătoare de la data prezentei), următoarele documente:');
    expect(notice.missing).toEqual(['Fișa tehnică a unității de asistență socială — Cantina socială „Pâinea”', 'Ultimul bilanț contabil, înregistrat la administrația financiară']);
    expect(notice.addressee).toEqual({ name: 'Asociația Șansa Țării', address: 'str. Memorandumului nr. 1, Cluj-Napoca, jud. Cluj', representative: 'Președinte Ana Pop' });
  });

  it('the registration receipt lists the documents received', () => {
    const receipt = buildRegistrationReceipt({ request, organization: ngo, units, institution: institution() });
    expect(receipt.title).toBe('CONFIRMARE DE ÎNREGISTRARE a cererii de subvenționare nr. 12/2026');
    expect(receipt.received).toContain('Licența de funcționare a serviciului social — Centrul de zi „Lumina”');
    expect(receipt.received).not.toContain('Ultimul bilanț contabil, înregistrat la administrația financiară');
  });

  it('counts the term over public holidays and the days the user added as non-working', () => {
    // Friday 27.11.2026 + 3 working days: 30.11 and 01.12 are public holidays, 02.12 was added → 07.12.2026.
    const extra = createHolidayTable([{ date: '2026-12-02', name: 'zi liberă', source: 'HG test' }]);
    const late = buildMissingDocumentsNotice({ request, organization: ngo, units, institution: institution(), date: '2026-11-27', completionWorkingDays: 3, holidays: extra });
    expect(late.paragraphs[1]).toContain('până la data de 07.12.2026 (3 zile lucrătoare de la data prezentei)');
  });

  it('speaks of the NGO in the genitive, or "depusă de" when its name cannot be declined, and is signed as a letter', () => {
    const receipt = buildRegistrationReceipt({ request, organization: ngo, units, institution: institution() });
    expect(receipt.paragraphs[0]).toMatch(/^Cererea de subvenționare pentru anul \d{4} a Asociației Șansa Țării \(CUI \d+\), întemeiată pe Legea nr\. 34\/1998, a fost înregistrată cu nr\. 12\/2026 din /);
    const caritas = buildRegistrationReceipt({ request, organization: { ...ngo, name: 'Caritas Eparhial' }, units, institution: institution() });
    expect(caritas.paragraphs[0]).toContain(' depusă de Caritas Eparhial (CUI ');
    // The dossier "of the request registered …, filed …": both in the genitive.
    expect(notice.paragraphs[0]).toContain('dosarului cererii de subvenționare înregistrate cu nr. 12/2026 din ');
    expect(notice.paragraphs[0]).toContain(', depuse în temeiul Legii nr. 34/1998');
    expect(receipt.signatures).toEqual([
      { title: 'Director executiv', name: 'Maria Pop' },
      { title: 'Șef serviciu', name: 'Ioana Rus' },
      { role: 'Întocmit', title: 'Secretarul comisiei', name: 'Andrei Șerban' },
    ]);
  });

  it('render as DOCX that LibreOffice opens, with the text and page numbers', async () => {
    const bytes = await renderMissingDocumentsNoticeDocx(notice);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Cantina socială „Pâinea”');
    const receiptBytes = await renderRegistrationReceiptDocx(buildRegistrationReceipt({ request, organization: ngo, units, institution: institution() }));
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'notificare-documente-lipsa.docx');
    expect(pdf.pageCount).toBe(1);
    expect(pdf.text).toContain('până la data de 05.10.2026');
    expect(pdf.text).toContain('Pagina 1 din 1');
    const receiptPdf = convertToPdf(receiptBytes, 'confirmare-inregistrare.docx');
    expect(receiptPdf.text).toContain('a fost înregistrată cu nr. 12/2026 din 25.09.2026');
  }, 120_000);
});
