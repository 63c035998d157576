import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DbStore } from '../../../renderer/db/store';
import { blankChecklist, issueFindingNote, issueFollowUpLetter, issueVisitReport, monitoringSummary, visitReportDocument } from '../../../renderer/services/monitoring-documents';
import { emptyVisit } from '../../../src/monitoring/visit';
import { unit1 } from '../conventions/fixtures';
import { financeStore, line, verifiedMonth } from '../db/finance-fixture';
import { freshStore } from '../db/helpers';

const bodyOf = async (bytes: Uint8Array) => (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

/** A verified May (25 beneficiaries claimed) and a visit done on 12.05.2025: 19 present, one obligation not met, a serious finding with a recommendation. */
async function visitedUnit(store: DbStore) {
  const c = await financeStore(store, { createdAt: '2025-01-15T10:00:00.000Z', updatedAt: '2025-01-15T10:00:00.000Z' });
  await verifiedMonth(store, c, 5, [line(5, 12_000)]);
  const planned = await store.monitoring.planVisit(emptyVisit({ conventionId: c.id, unitId: unit1.id, plannedDate: '2025-05-10', team: [{ name: 'Ana Pop', role: 'inspector de specialitate' }, { name: 'Ion Rus', role: 'consilier' }] }));
  let visit = await store.monitoring.updateVisit(planned.id, { ...planned, status: 'efectuata', actualDate: '2025-05-12', kind: 'inopinata', observed: { present: 19, onRegister: 19, year: 2025, month: 5 }, conclusions: 'Se constată o diferență de beneficiari.' }, planned.version);
  visit = await store.monitoring.setAnswer(visit.id, { key: 'obligatii-conventie#OC-S1.1', result: 'neconform', evidence: '19 prezenți, 25 declarați.' }, visit.version);
  visit = await store.monitoring.setAnswer(visit.id, { key: 'obligatii-conventie#OC-S4.1', result: 'conform', evidence: 'Licența nr. 0010073 văzută.' }, visit.version);
  const finding = await store.monitoring.createFinding({
    visitId: visit.id, severity: 'grava', source: 'lista_verificare', requirementKey: 'obligatii-conventie#OC-S1.1', text: 'Beneficiarii declarați în decont nu se regăsesc la unitate.',
    recommendations: [{ id: 'r1', text: 'Corectarea decontului pe mai.', responsible: 'Ion Popescu', deadline: '2025-06-10' }],
  });
  return { c, visit, finding };
}

describe('monitoring documents service', () => {
  it('the report names who issued the unit\'s licence once the register records it; the report issued before stays as it was', async () => {
    const store = await freshStore();
    const { visit } = await visitedUnit(store);
    const first = await issueVisitReport(store, visit.id, { issuedOn: '2025-05-20' });
    const before = await bodyOf((await store.issuedDocuments.fileBytes(first.id)).bytes);
    expect(before).toContain('autoritatea emitentă neînregistrată');
    const unit = (await store.units.get(unit1.id))!;
    await store.units.update(unit.id, { ...unit, licensingAuthority: '  Ministerul Muncii  și Solidarității Sociale ' }, unit.version);
    const second = await issueVisitReport(store, visit.id, { issuedOn: '2025-05-22', replacementReason: 'autoritatea emitentă a licenței, completată' });
    const after = await bodyOf((await store.issuedDocuments.fileBytes(second.id)).bytes);
    expect(after).toContain('emisă de Ministerul Muncii și Solidarității Sociale');
    expect(after).not.toContain('autoritatea emitentă neînregistrată');
    expect(await bodyOf((await store.issuedDocuments.fileBytes(first.id)).bytes)).toBe(before);
  });

  it('issues the visit report in the register, locks the visit, re-downloads the same bytes; a correction names the first report', async () => {
    const store = await freshStore();
    const { visit } = await visitedUnit(store);
    const first = await issueVisitReport(store, visit.id, { issuedOn: '2025-05-20' });
    expect(first).toMatchObject({ kind: 'raport_monitorizare', visitId: visit.id, number: '1', issuedOn: '2025-05-20' });
    const stored = await store.issuedDocuments.fileBytes(first.id);
    const again = await store.issuedDocuments.fileBytes(first.id);
    expect(again.bytes).toEqual(stored.bytes);
    expect(stored.document.sha256).toBe(first.sha256);
    expect((await store.monitoring.getVisit(visit.id))!.reportDocumentIds).toEqual([first.id]);

    const text = await bodyOf(stored.bytes);
    expect(text).toContain('RAPORT DE MONITORIZARE');
    expect(text).toContain('Nr. 1 / 20.05.2025');
    expect(text).toContain('neanunțată');
    expect(text).toContain('19 prezenți, 25 declarați.');
    expect(text).toContain('Beneficiari declarați în decontul pe mai 2025');
    expect(text).toContain('25 de beneficiari');
    expect(text).toContain('Beneficiarii declarați în decont nu se regăsesc la unitate.');
    expect(text).toContain('Corectarea decontului pe mai.');
    // Each member signs with their own function (stored with the visit), the first as the team leader; nobody as "Inspector".
    expect(text).toContain('Ana Pop (inspector de specialitate); Ion Rus (consilier)');
    expect(text).toContain('Întocmit,Inspector de specialitate, șeful echipeiAna Pop');
    expect(text).toContain('Consilier,Ion Rus');
    expect(text).not.toContain('Inspector,');
    // The model kept with the register entry has the module totals (OC: 3 of 6 points).
    expect(JSON.parse(first.sourceData).moduleTotals).toContain('OC — 3 din 6 puncte (50,0%)');

    // A correction needs a reason, then names the first report; the first stays as issued.
    await expect(issueVisitReport(store, visit.id, { issuedOn: '2025-05-22' })).rejects.toThrow(/Datele introduse conțin erori/);
    const second = await issueVisitReport(store, visit.id, { issuedOn: '2025-05-22', replacementReason: 'numărul beneficiarilor din registru, corectat' });
    expect(second.replacesId).toBe(first.id);
    expect(await bodyOf((await store.issuedDocuments.fileBytes(second.id)).bytes)).toContain('Prezentul document înlocuiește documentul nr. 1 din 20.05.2025');
    expect((await store.issuedDocuments.get(first.id))!.replacedById).toBe(second.id);
    expect((await store.issuedDocuments.fileBytes(first.id)).bytes).toEqual(stored.bytes);
    expect((await store.monitoring.getVisit(visit.id))!.reportDocumentIds).toEqual([first.id, second.id]);
  });

  it('previews a draft marked CIORNĂ without numbering it, and refuses a report for a visit not done', async () => {
    const store = await freshStore();
    const { visit, c } = await visitedUnit(store);
    const draft = await visitReportDocument(store, visit.id, 'Raport de monitorizare — test', c.provider.name, c.id, c.provider.organizationId).render('2025-05-20', { number: '', registryNote: 'CIORNĂ — document neemis, fără număr de înregistrare; nu se transmite.' });
    expect(await bodyOf(draft.bytes)).toContain('CIORNĂ');
    expect(await store.issuedDocuments.list()).toEqual([]);
    const planned = await store.monitoring.planVisit(emptyVisit({ conventionId: c.id, unitId: unit1.id, plannedDate: '2025-07-10', team: [{ name: 'Ana Pop', role: 'inspector de specialitate' }] }));
    await expect(issueVisitReport(store, planned.id, { issuedOn: '2025-05-20' })).rejects.toThrow(/vizită efectuată/);
  });

  it('issues the note of the serious finding (proposing the suspension) and the follow-up letter, each in the register', async () => {
    const store = await freshStore();
    const { visit, finding } = await visitedUnit(store);
    const report = await issueVisitReport(store, visit.id, { issuedOn: '2025-05-20' });
    const note = await issueFindingNote(store, finding.id, { issuedOn: '2025-05-20', measure: { kind: 'suspendare_plati', from: '2025-06-01' } });
    expect(note).toMatchObject({ kind: 'nota_constatare', findingId: finding.id, number: '2' });
    const noteText = await bodyOf((await store.issuedDocuments.fileBytes(note.id)).bytes);
    expect(noteText).toContain('NOTĂ DE CONSTATARE');
    expect(noteText).toContain('Se propune suspendarea plății subvenției');
    expect(noteText).toContain(`Raportul de monitorizare nr. ${report.number} din 20.05.2025`);
    expect(noteText).toContain('19 prezenți, 25 declarați.');
    expect((await store.monitoring.getFinding(finding.id))!.noteDocumentIds).toEqual([note.id]);

    const letter = await issueFollowUpLetter(store, visit.id, { issuedOn: '2025-05-21' });
    expect(letter).toMatchObject({ kind: 'scrisoare_monitorizare', visitId: visit.id, number: '3' });
    const letterText = await bodyOf((await store.issuedDocuments.fileBytes(letter.id)).bytes);
    expect(letterText).toContain('Corectarea decontului pe mai.');
    expect(letterText).toContain('10.06.2025');
  });

  it('prints the blank checklist of the visit (not in the register) and the summary of the quarter', async () => {
    const store = await freshStore();
    const { visit } = await visitedUnit(store);
    const blank = await blankChecklist(store, visit.id);
    expect(blank.fileName).toMatch(/^lista-verificare-.*-2025-05-12\.docx$/);
    const text = await bodyOf(blank.bytes);
    expect(text).toContain('LISTĂ DE VERIFICARE');
    expect(text).toContain('OC-S4.3');
    expect(await store.issuedDocuments.list()).toEqual([]);

    const { bytes, fileName } = await monitoringSummary(store, 2025, 2, '2025-06-30');
    expect(fileName).toBe('sinteza-monitorizare-2025-T2-2025-06-30.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const all = (name: string) => wb.getWorksheet(name)!.getSheetValues().flat().map(String).join(' | ');
    expect(all('Vizite')).toContain('Ana Pop');
    expect(all('Constatări')).toContain('OC-S1');
    expect(all('Urmărire')).toContain('termen depășit');
  });
});
