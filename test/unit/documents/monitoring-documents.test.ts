import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blockText, DRAFT_NOTE } from '../../../src/documents/finance-blocks';
import { buildBlankChecklist } from '../../../src/documents/monitoring-blank-checklist';
import { buildFindingNote } from '../../../src/documents/monitoring-finding-note';
import { buildFollowUpLetter } from '../../../src/documents/monitoring-follow-up-letter';
import { buildMonitoringReport } from '../../../src/documents/monitoring-report';
import { replacementNote } from '../../../src/documents/issued-document';
import { checklistsForServiceCode } from '../../../src/monitoring/checklists';
import { renderBlankChecklistDocx } from '../../../templates/docx/monitoring-blank-checklist';
import { renderFindingNoteDocx } from '../../../templates/docx/monitoring-finding-note';
import { renderFollowUpLetterDocx } from '../../../templates/docx/monitoring-follow-up-letter';
import { renderMonitoringReportDocx } from '../../../templates/docx/monitoring-report';
import { signatureWarnings } from '../../../src/settings/institution';
import { NGO, party, reportInput, settings, visit } from './monitoring-fixtures';

/** The text of a DOCX's body (runs joined), with its footer. */
async function docxText(bytes: Uint8Array): Promise<{ body: string; footer: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  const strip = (x: string) => x.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
  return { body: strip(xml), footer: strip(footers.join('')) };
}

describe('the visit report (raport de monitorizare)', () => {
  const model = buildMonitoringReport(reportInput());
  const text = blockText(model.blocks);

  it('identifies the NGO, the unit with its service code and licence, the convention and the visit with its team', () => {
    expect(text).toContain(`Furnizorul (ONG): ${NGO}, CUI 30000017`);
    expect(text).toContain('Serviciul social (cod HG nr. 867/2015): 8899 CPDH-I — Cantină socială');
    expect(text).toContain('Licența de funcționare: nr. 0010073 din 14.03.2023, valabilă până la 13.03.2028, emisă de AJPIS Cluj');
    expect(text).toContain('Convenția de subvenționare: nr. 17 din 20.01.2026');
    expect(text).toContain('Tipul vizitei: neanunțată');
    expect(text).toContain('Echipa de monitorizare: Elena Mureșan (Inspector); Andrei Șerban (Consilier)');
  });

  it('prints every item with its result and evidence, and each module with its totals', () => {
    expect(text).toContain('M.I-S1.1 | Cantina pune la dispoziția beneficiarilor … materiale informative privind serviciile oferite. | parțial | Pliantul nu menționează costul mesei.');
    expect(text).toContain('OC-S3.1 | Vizibilitatea finanțării. | nu se aplică |');
    expect(model.moduleTotals).toEqual(['M.I — 2 din 3 puncte (66,7%)', 'OC — 3 din 6 puncte (50,0%)']);
    expect(text).toContain('Total | conform 1 · parțial 0 · neconform 1 · nu se aplică 1 | 3 din 6 puncte (50,0%)');
  });

  it('compares the beneficiaries seen with the settlement, and lists findings and recommendations with responsible and deadline', () => {
    expect(text).toContain('Beneficiari prezenți la vizită: 31 de beneficiari');
    expect(text).toContain('Beneficiari declarați în decontul pe noiembrie 2026: 40 de beneficiari');
    expect(text).toContain('diferă de cel declarat în decont peste marja admisă');
    expect(text).toContain('1 | majoră | Numărul beneficiarilor prezenți (31)');
    expect(text).toContain('1 | Actualizarea registrului de prezență și corectarea decontului pe noiembrie. | 1 | Ion Țăranu | 10.12.2026');
    expect(text).toContain('6. Concluzii');
  });

  it('is signed by each team member with their function (the first as the team leader), the head of service and the NGO representative', () => {
    expect(model.signatures.map((s) => [s.role, s.title, s.name])).toEqual([['Întocmit', 'Inspector, șeful echipei', 'Elena Mureșan'], [undefined, 'Consilier', 'Andrei Șerban'], ['Avizat', 'Șef serviciu', 'Ioana Rus']]);
    const ack = model.acknowledgement!;
    expect([ack.heading, ack.organization, ack.signer.name]).toEqual(['Am luat la cunoștință,', NGO, 'Ion Țăranu']);
  });

  it('does not ask for the director\'s name on the report and the note (the team signs), but does on the letter', () => {
    const noDirector = { ...settings, headOfInstitution: '' };
    expect(signatureWarnings(noDirector, 'raport_monitorizare')).toEqual([]);
    expect(signatureWarnings(noDirector, 'nota_constatare')).toEqual([]);
    expect(signatureWarnings(noDirector, 'scrisoare_monitorizare').join(' ')).toContain('Director executiv');
  });

  it('renders a DOCX with the header, the number, the team and page numbers; a draft says CIORNĂ; a correction names the report it replaces', async () => {
    const { body, footer } = await docxText(await renderMonitoringReportDocx(model));
    expect(body).toContain('Nr. 1204 / 20.11.2026');
    expect(body).toContain('RAPORT DE MONITORIZARE');
    expect(body).toContain('Direcția de Asistență Socială și Medicală Cluj-Napoca');
    expect(body).toContain('Asociația „Șansa Țării Românești”');
    expect(body).toContain('Andrei Șerban');
    expect(body).toContain('Am luat la cunoștință,');
    expect(body.indexOf('Ioana Rus')).toBeLessThan(body.indexOf('Am luat la cunoștință,'));
    expect(footer).toContain('Pagina');
    const draft = await docxText(await renderMonitoringReportDocx(buildMonitoringReport(reportInput({ mark: {} }))));
    expect(draft.body).toContain(DRAFT_NOTE);
    const note = replacementNote({ number: '1204', issuedOn: '2026-11-20', title: 'Raport de monitorizare — Cantina socială' }, 'numărul beneficiarilor corectat');
    const corrected = await docxText(await renderMonitoringReportDocx(buildMonitoringReport(reportInput({ mark: { number: '1290', registryNote: note } }))));
    expect(corrected.body).toContain('Prezentul document înlocuiește documentul nr. 1204 din 20.11.2026 (Raport de monitorizare — Cantina socială): numărul beneficiarilor corectat.');
  });
});

describe('the note of a serious finding (notă de constatare)', () => {
  const input = {
    ...party(), settings, mark: { number: '1205' }, date: '2026-11-20', visit: visit(),
    finding: { number: '3', severity: 'gravă', description: 'Hrana se prepară într-un spațiu fără aviz sanitar-veterinar.', reference: 'OC-S4.1' },
    evidence: 'Constatat vizual; lipsa avizului confirmată de administrator.',
    measure: { kind: 'suspendare_plati' as const, from: '2026-11-01' },
    reportRef: 'nr. 1204 din 20.11.2026',
  };

  it('proposes the suspension of payments with its basis in the convention, effective only by a recorded decision', async () => {
    const t = blockText(buildFindingNote(input).blocks);
    expect(t).toContain('Se propune suspendarea plății subvenției acordate în baza Convenției de subvenționare nr. 17 din 20.01.2026, începând cu 01.11.2026');
    expect(t).toContain('Cap. IX (Suspendarea plății)');
    expect(t).toContain('Suspendarea produce efecte numai după aprobarea ei prin decizia conducerii instituției, înregistrată cu număr și dată');
    expect(t).toContain('consemnată în Raportul de monitorizare nr. 1204 din 20.11.2026');
    const { body } = await docxText(await renderFindingNoteDocx(buildFindingNote(input)));
    expect(body).toContain('NOTĂ DE CONSTATARE');
    expect(body).toContain('Hrana se prepară într-un spațiu fără aviz sanitar-veterinar.');
  });

  it('states another measure as given, without a suspension', () => {
    const t = blockText(buildFindingNote({ ...input, measure: { kind: 'alta_masura', text: 'Reverificarea unității în 30 de zile.' } }).blocks);
    expect(t).toContain('Reverificarea unității în 30 de zile.');
    expect(t).not.toContain('Se propune suspendarea');
  });
});

describe('the follow-up letter', () => {
  const base = reportInput();
  const letter = buildFollowUpLetter({ ...party(), settings, mark: { number: '1300' }, date: '2026-11-25', visit: visit(), reportRef: 'nr. 1204 din 20.11.2026', recommendations: base.recommendations });

  it('asks the NGO to report on each recommendation by its deadline, addressed to it and signed by the service', async () => {
    const t = blockText(letter.blocks);
    expect(letter.addressee!.name).toBe(NGO);
    expect(t).toContain('consemnată în Raportul de monitorizare nr. 1204 din 20.11.2026');
    expect(t).toContain('2 | Completarea pliantului cu costul mesei. | 2 | Maria Ilieș | 15.01.2027 |');
    expect(t).toContain('prima până la 10.12.2026');
    expect(letter.signatures.map((s) => [s.role, s.title, s.name])).toEqual([[undefined, 'Director executiv', 'Maria Pop'], [undefined, 'Șef serviciu', 'Ioana Rus'], ['Întocmit', 'Inspector', 'Elena Mureșan']]);
    const { body } = await docxText(await renderFollowUpLetterDocx(letter));
    expect(body).toContain('Către');
    expect(body).toContain('Nr. 1300');
  });
});

describe('the blank checklist to print', () => {
  const templates = checklistsForServiceCode('8899 CPDH-I');
  const model = buildBlankChecklist({ ...party(), settings, visit: visit(), templates, printedOn: '2026-11-17' });
  const t = blockText(model.blocks);

  it('lists every requirement of the unit\'s checklists with four empty boxes and the basis, and marks what is "de completat"', async () => {
    expect(model.isForm).toBe(true);
    const tables = model.blocks.filter((b) => b.kind === 'table');
    const rows = tables.flatMap((b) => (b.kind === 'table' && b.table.columns[2]?.header === 'C' ? b.table.rows : []));
    // Anexa 9's one item and the convention's seven obligations.
    expect(rows.map((r) => r[0])).toEqual(['M.I-S1.1', 'OC-S1.1', 'OC-S1.2', 'OC-S2.1', 'OC-S3.1', 'OC-S4.1', 'OC-S4.2', 'OC-S4.3']);
    for (const r of rows) expect(r.slice(2, 6)).toEqual(['☐', '☐', '☐', '☐']);
    expect(t).toContain('Temei: Ord. MMJS nr. 29/2019, anexa nr. 9, M.I-S1.1');
    expect(t).toContain('listă incompletă');
    expect(t).toContain('Celelalte standarde ale modulului M.I sunt de completat din actul oficial.');
    const { body } = await docxText(await renderBlankChecklistDocx(model));
    expect(body).toContain('LISTĂ DE VERIFICARE');
    expect(body).not.toContain('Nr. __________');
    expect(body.split('☐').length - 1).toBe(rows.length * 4);
  });
});
