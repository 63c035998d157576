import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildLicensedNgoList } from '../../../src/documents/licensed-ngo-list';
import { renderLicensedNgoListDocx } from '../../../templates/docx/licensed-ngo-list';
import { bigList, institution, NOMENCLATURE, TODAY } from './fixtures';

async function parts(bytes: Uint8Array): Promise<{ body: string; footers: string; core: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async('string');
  const footerNames = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
  return { body: await read('word/document.xml'), footers: (await Promise.all(footerNames.map(read))).join(''), core: await read('docProps/core.xml') };
}

describe('licensed NGO list as DOCX', () => {
  const { organizations, units } = bigList(4);
  const model = buildLicensedNgoList({ organizations, units, nomenclature: NOMENCLATURE, institution: institution(), date: TODAY });

  it('is an A4 landscape document with the header, title, table, totals and signatures', async () => {
    const { body, core } = await parts(await renderLicensedNgoListDocx(model));
    expect(body).toContain('Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca');
    expect(body).toContain('actualizată la 23.11.2026');
    expect(body).toContain('Direcția de Asistență Socială și Medicală Cluj-Napoca');
    expect(body).toContain('Asociația Șansa Țării Românești — Învățăm împreună');
    expect(body).toContain('Cantina socială „Pâinea zilnică” nr. 1');
    expect(body).toContain('valabilă până la 14.01.2029');
    expect(body).toContain(model.totalsLine);
    expect(body).toContain('Andrei Șerban');
    // Landscape A4: 297 × 210 mm, 2 cm margins.
    expect(body).toMatch(/<w:pgSz[^>]*w:w="16838"[^>]*w:h="11906"[^>]*w:orient="landscape"/);
    expect(body).toMatch(/<w:pgMar[^>]*w:top="1134"[^>]*w:right="1134"/);
    expect(body).toContain('w:ascii="Arial"');
    expect(core).toContain('Subvenții ONG');
  });

  it('repeats the table header on each page and merges an NGO cells over its units', async () => {
    const { body } = await parts(await renderLicensedNgoListDocx(model));
    expect(body.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    // Three merged cells (nr., NGO, certificate) per NGO, each continued on its second unit row.
    expect(body.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(3 * 4);
    expect(body.match(/<w:vMerge w:val="continue"\/>|<w:vMerge\/>/g)).toHaveLength(3 * 4);
    expect(body).toContain('<w:cantSplit/>');
    expect(body).toContain('<w:keepNext/>');
  });

  it('numbers the pages "Pagina X din Y" in the footer', async () => {
    const { footers } = await parts(await renderLicensedNgoListDocx(model));
    expect(footers).toContain('Pagina ');
    expect(footers).toContain(' din ');
    expect(footers).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footers).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
  });

  it('says so instead of an empty table', async () => {
    const empty = buildLicensedNgoList({ organizations: [], units: [], nomenclature: NOMENCLATURE, institution: institution(), date: TODAY });
    const { body } = await parts(await renderLicensedNgoListDocx(empty));
    expect(body).toContain('nu există ONG-uri cu unități de asistență socială licențiate');
    expect(body).not.toContain('<w:tblHeader/>');
  });
});
