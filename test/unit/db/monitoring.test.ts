import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../renderer/db/audit-log';
import { applyRestore, exportBackupText, previewRestore } from '../../../renderer/db/backup';
import { deleteRecord } from '../../../renderer/db/integrity';
import type { DbStore } from '../../../renderer/db/store';
import { emptyVisit } from '../../../src/monitoring/visit';
import { SHIPPED_CHECKLISTS } from '../../../src/monitoring/checklists';
import { unit1 } from '../conventions/fixtures';
import { dayCentreTemplate } from '../monitoring/fixtures';
import { financeStore, line, verifiedMonth } from './finance-fixture';
import { freshStore } from './helpers';
import { frozenAwardFixture } from './convention-fixture';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function doneVisit(store: DbStore) {
  const c = await financeStore(store, { createdAt: '2025-01-15T10:00:00.000Z', updatedAt: '2025-01-15T10:00:00.000Z' });
  const planned = await store.monitoring.planVisit(emptyVisit({ conventionId: c.id, unitId: unit1.id, plannedDate: '2025-05-10', team: [{ name: 'Ana Pop', role: 'inspector de specialitate' }, { name: 'Ion Rus', role: 'consilier' }] }));
  const done = await store.monitoring.updateVisit(planned.id, { ...planned, status: 'efectuata', actualDate: '2025-05-12' }, planned.version);
  return { c, visit: done };
}

async function issueReport(store: DbStore, conventionId: string) {
  return store.issuedDocuments.issue({
    kind: 'conventie', conventionId, title: 'Raport de monitorizare', addressee: 'Asociația', issuedOn: '2025-05-20', numberSource: 'registru_general', number: 'M-1',
    fileName: 'raport.docx', mimeType: 'application/octet-stream', bytes: new Uint8Array([1, 2, 3]), sourceData: '{}',
  });
}

describe('monitoring repository', () => {
  it('plans a visit with the checklists of the unit’s service code and the convention’s obligations; every write audited', async () => {
    const store = await freshStore();
    const { visit } = await doneVisit(store);
    expect(visit.templates.map((t) => t.templateId)).toContain('obligatii-conventie');
    const expected = SHIPPED_CHECKLISTS.filter((t) => t.kind === 'obligatii_conventie' || t.serviceCodes.length > 0).length;
    expect(visit.templates.length).toBeLessThanOrEqual(expected);
    const audit = await auditFor(store.db, 'visits', visit.id);
    expect(audit.map((a) => a.action)).toEqual(['creare', 'modificare']);
    await expect(store.monitoring.planVisit(emptyVisit({ conventionId: 'conv1', unitId: 'alta', plannedDate: '2025-05-10', team: [{ name: 'Ana', role: 'consilier' }] }))).rejects.toThrow(/Datele introduse conțin erori/);
  });

  it('a failed write leaves neither the record nor its audit entry (same transaction)', async () => {
    const store = await freshStore();
    const { visit } = await doneVisit(store);
    const before = (await store.db.audit.toArray()).length;
    await expect(store.monitoring.setAnswer(visit.id, { key: 'necunoscut#X', result: 'conform' }, visit.version)).rejects.toThrow();
    expect((await store.db.audit.toArray()).length).toBe(before);
    expect((await store.monitoring.getVisit(visit.id))!.answers).toEqual([]);
    await expect(store.monitoring.setAnswer(visit.id, { key: 'obligatii-conventie#X', result: 'conform' }, visit.version - 1)).rejects.toThrow(/modificată între timp/);
  });

  it('locked after the report is issued: answers, findings and attachments no longer change', async () => {
    const store = await freshStore();
    const { c, visit } = await doneVisit(store);
    const key = `obligatii-conventie#${'X'}`;
    const answered = await store.monitoring.setAnswer(visit.id, { key, result: 'neconform', evidence: 'Registrul lipsește.' }, visit.version);
    const doc = await issueReport(store, c.id);
    const locked = await store.monitoring.attachReport(visit.id, doc.id);
    expect(locked.reportDocumentIds).toEqual([doc.id]);
    await expect(store.monitoring.setAnswer(visit.id, { key, result: 'conform' }, locked.version)).rejects.toThrow(/Raportul vizitei a fost emis/);
    await expect(store.monitoring.updateVisit(visit.id, { ...locked, conclusions: 'alt text' }, locked.version)).rejects.toThrow(/raport nou/);
    await expect(store.monitoring.addAttachment(visit.id, { name: 'a.png', bytes: png })).rejects.toThrow(/Raportul vizitei a fost emis/);
    await expect(store.monitoring.createFinding({ visitId: visit.id, severity: 'minora', source: 'manual', text: 'x', recommendations: [] })).rejects.toThrow(/Raportul vizitei a fost emis/);
    expect((await store.monitoring.getVisit(visit.id))!.answers).toEqual(answered.answers);
    await expect(store.monitoring.attachReport(visit.id, 'nu-exista')).rejects.toThrow(/registrul documentelor emise/);
  });

  it('attachments: type by bytes, stored with SHA-256, withdrawn (never deleted), and carried by the backup', async () => {
    const { store, unit, draft } = await frozenAwardFixture();
    const c = await store.conventions.createFromAward(draft());
    const visit = await store.monitoring.planVisit(emptyVisit({ conventionId: c.id, unitId: unit.id, plannedDate: '2027-05-10', team: [{ name: 'Ana Pop', role: 'inspector de specialitate' }] }));
    await expect(store.monitoring.addAttachment(visit.id, { name: 'x.pdf', bytes: new TextEncoder().encode('MZ executabil') })).rejects.toThrow(/nu este o fotografie JPEG/);
    const a = await store.monitoring.addAttachment(visit.id, { name: 'sala.png', bytes: png, caption: 'Sala de activități' });
    expect(a).toMatchObject({ type: 'image/png', size: png.length });
    await expect(store.monitoring.addAttachment(visit.id, { name: 'copie.png', bytes: png })).rejects.toThrow(/deja atașat/);
    expect((await store.monitoring.attachmentBytes(a.id)).bytes).toEqual(png);
    const f = await store.monitoring.createFinding({ visitId: visit.id, severity: 'grava', source: 'manual', text: 'Registru lipsă.', recommendations: [{ id: 'r1', text: 'Registrul.', responsible: 'Ion Popescu', deadline: '2027-06-01' }] });
    await store.monitoring.addFollowUp({ findingId: f.id, recommendationId: 'r1', date: '2027-05-20', evidence: 'Registru prezentat.', by: 'Ana Pop', closes: false });
    const s = await store.monitoring.proposeSuspension(f.id, { proposedOn: '2027-05-12' });
    await store.monitoring.decideSuspension(s.id, { number: '9', date: '2027-05-15', effectiveFrom: '2027-06-01' }, s.version);

    const target = await freshStore();
    await applyRestore(target.db, (await previewRestore(target.db, await exportBackupText(store.db, '0.1.0'))).file);
    const restored = await target.monitoring.attachmentBytes(a.id);
    expect(restored.bytes).toEqual(png);
    expect(restored.attachment.sha256).toBe(a.sha256);
    expect(await target.monitoring.getVisit(visit.id)).toEqual(await store.monitoring.getVisit(visit.id));
    expect(await target.monitoring.listSuspensions()).toEqual(await store.monitoring.listSuspensions());
    expect(await target.monitoring.listFollowUps()).toEqual(await store.monitoring.listFollowUps());

    await store.monitoring.withdrawAttachment(a.id, 'fotografie greșită');
    expect((await store.monitoring.listAttachments(visit.id))[0]).toMatchObject({ removedReason: 'fotografie greșită' });
    // Referenced records are not deleted: the visit has attachments and findings.
    await expect(store.db.transaction('rw', store.db.tables, () => deleteRecord(store.db, 'visits', visit.id, 'vizita'))).rejects.toThrow();
  });

  it('follow-ups close a recommendation; a closed one takes no more entries', async () => {
    const store = await freshStore();
    const { visit } = await doneVisit(store);
    const f = await store.monitoring.createFinding({ visitId: visit.id, severity: 'majora', source: 'manual', text: 'Lipsește afișul finanțării.', recommendations: [{ id: 'r1', text: 'Afișarea finanțării.', responsible: 'Maria Ionescu', deadline: '2025-06-10' }] });
    expect(f).toMatchObject({ conventionId: 'conv1', unitId: unit1.id });
    await store.monitoring.addFollowUp({ findingId: f.id, recommendationId: 'r1', date: '2025-06-05', evidence: 'Fotografie cu afișul.', by: 'Ana Pop', closes: true });
    await expect(store.monitoring.addFollowUp({ findingId: f.id, recommendationId: 'r1', date: '2025-06-06', evidence: 'x', by: 'Ana Pop', closes: false })).rejects.toThrow(/a fost închisă la 05\.06\.2025/);
    await expect(store.monitoring.updateFinding(f.id, { ...f, recommendations: [] }, f.version)).rejects.toThrow(/are urmăriri înregistrate/);
  });

  it('a decided suspension refuses the month’s approval with the decision’s number and date; lifted, the next month is approved', async () => {
    const store = await freshStore();
    const { visit, c } = await doneVisit(store);
    const june = await verifiedMonth(store, c, 6, [line(6, 10_000)]);
    const f = await store.monitoring.createFinding({ visitId: visit.id, severity: 'grava', source: 'manual', text: 'Beneficiari declarați, dar inexistenți.', recommendations: [] });
    let s = await store.monitoring.proposeSuspension(f.id, { proposedOn: '2025-05-20' });
    // A proposal has no effect.
    expect(await store.settlements.suspensionReasons(june)).toEqual([]);
    s = await store.monitoring.decideSuspension(s.id, { number: '456', date: '2025-05-25', effectiveFrom: '2025-06-01' }, s.version);
    const reasons = await store.settlements.suspensionReasons(june);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('Decizia nr. 456 din 25.05.2025');
    // The computation shows it too.
    expect((await store.settlements.preview(june)).due.suspensionReasons).toEqual(reasons);
    await expect(store.settlements.approveSettlement(june.id, { ordonantareNumber: 'ORD 6', ordonantareDate: '2025-07-10' }, june.version)).rejects.toThrow(/suspendată.*Decizia nr\. 456 din 25\.05\.2025/);
    s = await store.monitoring.liftSuspension(s.id, { number: '470', date: '2025-07-01', effectiveFrom: '2025-07-01' }, s.version);
    expect(await store.settlements.suspensionReasons(june)).toHaveLength(1);
    const july = await verifiedMonth(store, c, 7, [line(7, 10_000)]);
    expect(await store.settlements.suspensionReasons(july)).toEqual([]);
    expect((await auditFor(store.db, 'suspensions', s.id)).map((a) => a.action)).toEqual(['creare', 'modificare', 'modificare']);
  });

  it('an edited checklist is saved as a new version; the earlier version stays as it was', async () => {
    const store = await freshStore();
    const shipped = SHIPPED_CHECKLISTS.find((t) => t.id === 'obligatii-conventie')!;
    const edited = await store.monitoring.saveTemplateVersion({ ...shipped, title: `${shipped.title} (completată)` }, 'completat din textul oficial');
    expect(edited.version).toBe(shipped.version + 1);
    expect((await store.monitoring.template(shipped.id, shipped.version))!.title).toBe(shipped.title);
    expect((await store.monitoring.currentTemplates()).find((t) => t.id === shipped.id)!.version).toBe(shipped.version + 1);

    const completed = { ...dayCentreTemplate, modules: dayCentreTemplate.modules.map((m) => ({ ...m, standards: m.standards.map((s) => ({ ...s, requirements: s.requirements.map((r) => ({ ...r, text: r.text || 'Planul individualizat există.', toComplete: false })) })) })) };
    const first = await store.monitoring.saveTemplateVersion(dayCentreTemplate, 'listă nouă');
    const second = await store.monitoring.saveTemplateVersion(completed, 'completat');
    expect([first.version, first.status, second.version, second.status]).toEqual([1, 'de_completat', 2, 'verificat']);
    expect((await store.monitoring.template(dayCentreTemplate.id, 1))!.modules).toEqual(first.modules);
    await expect(store.monitoring.saveTemplateVersion({ ...second, title: '' }, '')).rejects.toThrow(/titlu/);
  });
});

describe('schema version 10', () => {
  it('opens a version-9 database with its settlements and adds the monitoring tables, all in the backup', async () => {
    const { createDatabase, openDatabase, BACKUP_TABLES, SCHEMA_VERSION } = await import('../../../renderer/db/database');
    const name = `migration-v9-${Math.random().toString(36).slice(2)}`;
    const v9 = createDatabase(name, 9);
    await v9.open();
    await v9.table('settlements').add({ id: 's1', conventionId: 'c1', year: 2025, month: 3, state: 'depus' });
    v9.close();
    const current = await openDatabase(name);
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
    expect(await current.settlements.get('s1')).toMatchObject({ state: 'depus' });
    expect(await current.visits.count()).toBe(0);
    await current.checklistTemplates.add({ id: 't1', key: 'a@2', templateId: 'a', template: dayCentreTemplate, savedBy: 'x', note: '', createdAt: '', updatedAt: '', version: 1 });
    await expect(current.checklistTemplates.add({ id: 't2', key: 'a@2', templateId: 'a', template: dayCentreTemplate, savedBy: 'x', note: '', createdAt: '', updatedAt: '', version: 1 })).rejects.toThrow(/ConstraintError|unique/i);
    expect(BACKUP_TABLES).toEqual(expect.arrayContaining(['visitPlans', 'visits', 'visitAttachments', 'findings', 'followUps', 'suspensions', 'checklistTemplates']));
    current.close();
  });
});
