import { diffRecords } from '../../../src/audit/diff';
import type { Convention } from '../../../src/conventions/convention';
import { stamp } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { checkAttachment } from '../../../src/monitoring/attachments';
import type { ChecklistAnswer, ChecklistTemplate } from '../../../src/monitoring/checklist';
import { latestVersions, nextTemplateVersion, validateTemplate } from '../../../src/monitoring/checklist-editing';
import { applicableTemplates } from '../../../src/monitoring/checklist-scoring';
import { SHIPPED_CHECKLISTS } from '../../../src/monitoring/checklists';
import {
  decideSuspension, liftSuspension, proposeSuspension, recommendationStatuses, rejectSuspension, validateFinding, validateFollowUp,
  type Finding, type FindingDraft, type FollowUp, type FollowUpDraft, type RecordedAct, type Suspension,
} from '../../../src/monitoring/findings';
import { conventionPeriod } from '../../../src/monitoring/visit-schedule';
import {
  defaultMonitoringSettings, isVisitLocked, validateMonitoringSettings, validateVisit, validateVisitPlan, visitDate, withAnswer,
  type MonitoringSettings, type MonitoringVisit, type VisitDraft, type VisitPlan, type VisitPlanDraft,
} from '../../../src/monitoring/visit';
import { formatRoDate, type IsoDate } from '../../../src/validation/dates';
import { hasErrors } from '../../../src/validation/result';
import { appendAudit, currentUserName, type AuditInput } from '../audit-log';
import type { StoredChecklistTemplate, StoredVisitAttachment, SubventiiDb } from '../database';
import { base64ToBytes, bytesToBase64, sha256OfBytes } from './issued-documents';

const SETTINGS_KEY = 'monitoring';

const visitLabel = (v: Pick<MonitoringVisit, 'plannedDate' | 'actualDate'>, unitName = '') => `Vizita de monitorizare din ${formatRoDate(visitDate(v))}${unitName ? ` — ${unitName}` : ''}`;
const LOCKED_MESSAGE = 'Raportul vizitei a fost emis: constatările din fișa de verificare nu se mai modifică. O corectură se face printr-un raport nou, care îl înlocuiește pe cel emis.';

/**
 * Monitoring visits: the quarter plans, the visits and their checklist answers, the files attached,
 * findings with recommendations and their follow-up, suspensions of payments by recorded decisions,
 * and the checklist templates users complete. Every write is validated by src/monitoring, checked
 * for concurrent changes and audited in the same transaction; nothing referenced is deleted (a visit
 * is cancelled, an attachment withdrawn, a suspension lifted by decision). A visit whose report was
 * issued is locked: its answers, findings and attachments no longer change.
 */
export function createMonitoringRepository(db: SubventiiDb) {
  const tables = () => [db.visitPlans, db.visits, db.visitAttachments, db.findings, db.followUps, db.suspensions, db.checklistTemplates, db.conventions, db.issuedDocuments, db.audit, db.settings];
  const rw = <T>(fn: () => Promise<T>) => db.transaction('rw', tables(), fn);

  async function unitNameOf(v: Pick<MonitoringVisit, 'conventionId' | 'unitId'>): Promise<string> {
    const c = await db.conventions.get(v.conventionId);
    return c?.units.find((u) => u.unitId === v.unitId)?.unitName ?? '';
  }

  function assertVersion(current: { version: number }, expected: number, what: string): void {
    if (current.version !== expected) throw new ConflictError(`${what} a fost modificată între timp (versiunea ${current.version}). Reîncărcați pagina și refaceți modificarea.`);
  }

  async function loadVisit(id: string): Promise<MonitoringVisit> {
    const v = await db.visits.get(id);
    if (!v) throw new DomainError('Vizita nu mai există.');
    return v;
  }

  async function loadConvention(id: string): Promise<Convention> {
    const c = await db.conventions.get(id);
    if (!c) throw new DomainError('Convenția vizitei nu a fost găsită.');
    return c;
  }

  async function allTemplates(): Promise<ChecklistTemplate[]> {
    const stored = await db.checklistTemplates.toArray();
    return [...SHIPPED_CHECKLISTS, ...stored.map((s) => s.template)];
  }

  function checkVisit(draft: VisitDraft, convention: Convention): VisitDraft {
    const { value, errors } = validateVisit(draft, { conventionPeriod: conventionPeriod(convention), unitIds: convention.units.map((u) => u.unitId) });
    if (hasErrors(errors)) throw new ValidationError(errors);
    return value;
  }

  async function putVisit(current: MonitoringVisit, next: MonitoringVisit, extra: AuditInput[] = []): Promise<MonitoringVisit> {
    const changes = diffRecords(current, next);
    if (changes.length === 0) return current;
    const record: MonitoringVisit = { ...next, id: current.id, createdAt: current.createdAt, updatedAt: new Date().toISOString(), version: current.version + 1 };
    await db.visits.put(record);
    await appendAudit(db, [{ entity: 'visits', entityId: record.id, label: visitLabel(record, await unitNameOf(record)), action: 'modificare', changes }, ...extra]);
    return record;
  }

  async function findingVisitUnlocked(visitId: string): Promise<MonitoringVisit> {
    const visit = await loadVisit(visitId);
    if (isVisitLocked(visit)) throw new DomainError(LOCKED_MESSAGE);
    return visit;
  }

  async function changeSuspension(id: string, expectedVersion: number, apply: (s: Suspension) => { ok: true; value: Suspension } | { ok: false; message: string }): Promise<Suspension> {
    return rw(async () => {
      const current = await db.suspensions.get(id);
      if (!current) throw new DomainError('Suspendarea nu mai există.');
      assertVersion(current, expectedVersion, 'Suspendarea');
      const result = apply(current);
      if (!result.ok) throw new DomainError(result.message);
      const record: Suspension = { ...result.value, updatedAt: new Date().toISOString(), version: current.version + 1 };
      await db.suspensions.put(record);
      const convention = await db.conventions.get(record.conventionId);
      await appendAudit(db, [{ entity: 'suspensions', entityId: id, label: `Suspendarea plăților — convenția nr. ${convention?.number ?? '?'}`, action: 'modificare', changes: diffRecords(current, record) }]);
      return record;
    });
  }

  return {
    // --- settings: plan parameters -------------------------------------------------------------
    async getSettings(): Promise<{ value: MonitoringSettings; version: number }> {
      const row = await db.settings.get(SETTINGS_KEY);
      return { value: { ...defaultMonitoringSettings(), ...((row?.value as Partial<MonitoringSettings> | undefined) ?? {}) }, version: row?.version ?? 0 };
    },
    async saveSettings(input: { visitsPerYear: unknown; discrepancyMarginPercent: unknown }, expectedVersion?: number): Promise<MonitoringSettings> {
      const { value, errors } = validateMonitoringSettings(input);
      if (hasErrors(errors)) throw new ValidationError(errors);
      await db.transaction('rw', [db.settings, db.audit], async () => {
        const row = await db.settings.get(SETTINGS_KEY);
        const version = row?.version ?? 0;
        if (expectedVersion !== undefined && expectedVersion !== version) throw new ConflictError('Parametrii de monitorizare au fost modificați între timp. Reîncărcați pagina.');
        const before = { ...defaultMonitoringSettings(), ...((row?.value as Partial<MonitoringSettings> | undefined) ?? {}) };
        await db.settings.put({ key: SETTINGS_KEY, value, version: version + 1 });
        await appendAudit(db, [{ entity: 'settings', entityId: SETTINGS_KEY, label: 'Parametrii de monitorizare', action: row ? 'modificare' : 'creare', changes: diffRecords(before, value) }]);
      });
      return value;
    },

    // --- plans ---------------------------------------------------------------------------------
    listPlans: (year: number) => db.visitPlans.where('year').equals(year).toArray(),
    getPlan: (year: number, quarter: number) => db.visitPlans.where('[year+quarter]').equals([year, quarter]).first(),
    async savePlan(draft: VisitPlanDraft, id?: string, expectedVersion?: number): Promise<VisitPlan> {
      const { value, errors } = validateVisitPlan(draft);
      if (hasErrors(errors)) throw new ValidationError(errors);
      return rw(async () => {
        const label = `Planul de vizite, trimestrul ${value.quarter}/${value.year}`;
        if (!id) {
          const same = await db.visitPlans.where('[year+quarter]').equals([value.year, value.quarter]).first();
          if (same) throw new ConflictError(`${label} există deja; modificați-l pe acela.`);
          const record = stamp(value) as VisitPlan;
          await db.visitPlans.add(record);
          await appendAudit(db, [{ entity: 'visitPlans', entityId: record.id, label, action: 'creare', after: record }]);
          return record;
        }
        const current = await db.visitPlans.get(id);
        if (!current) throw new DomainError('Planul de vizite nu mai există.');
        assertVersion(current, expectedVersion ?? current.version, 'Planul de vizite');
        const record: VisitPlan = { ...current, ...value, updatedAt: new Date().toISOString(), version: current.version + 1 };
        const changes = diffRecords(current, record);
        if (changes.length === 0) return current;
        await db.visitPlans.put(record);
        await appendAudit(db, [{ entity: 'visitPlans', entityId: id, label, action: 'modificare', changes }]);
        return record;
      });
    },

    // --- checklist templates -------------------------------------------------------------------
    /** Every version known: shipped with the app, then saved by users. */
    allTemplates,
    /** The latest version of each template. */
    async currentTemplates(): Promise<ChecklistTemplate[]> {
      return latestVersions(await allTemplates());
    },
    async template(templateId: string, version: number): Promise<ChecklistTemplate | undefined> {
      return (await allTemplates()).find((t) => t.id === templateId && t.version === version);
    },
    /** Whether a version was applied on a visit whose report was issued (then it is never changed: edits save a new version). */
    async isTemplateOnIssuedReport(templateId: string, version: number): Promise<boolean> {
      const visits = await db.visits.toArray();
      return visits.some((v) => isVisitLocked(v) && v.templates.some((t) => t.templateId === templateId && t.version === version));
    },
    /** Saves an edited template as a new version (same id, the next version number); earlier versions stay as they were. */
    async saveTemplateVersion(input: ChecklistTemplate, note: string): Promise<ChecklistTemplate> {
      return rw(async () => {
        const version = nextTemplateVersion(await allTemplates(), input.id);
        const { value, errors } = validateTemplate({ ...input, version });
        if (errors.length > 0) throw new ValidationError({ template: errors.join(' ') }, errors[0]);
        const user = await currentUserName(db);
        const record = stamp({ key: `${value.id}@${version}`, templateId: value.id, template: value, savedBy: user, note: note.trim() }) as StoredChecklistTemplate;
        await db.checklistTemplates.add(record);
        await appendAudit(db, [{ entity: 'checklistTemplates', entityId: record.id, label: `Lista de verificare „${value.title}”, versiunea ${version}`, action: 'creare', changes: [{ field: 'version', before: version - 1, after: version }, { field: 'note', before: null, after: record.note }] }]);
        return value;
      });
    },

    // --- visits --------------------------------------------------------------------------------
    getVisit: (id: string) => db.visits.get(id),
    listVisits: () => db.visits.orderBy('plannedDate').toArray(),
    listVisitsByConvention: (conventionId: string) => db.visits.where('conventionId').equals(conventionId).toArray(),

    /**
     * Plans a visit to a unit of a convention; the checklists applied are chosen by the unit's
     * service code and the acts in force on the planned date (with the convention's obligations).
     */
    async planVisit(draft: VisitDraft): Promise<MonitoringVisit> {
      return rw(async () => {
        const convention = await loadConvention(draft.conventionId);
        const unit = convention.units.find((u) => u.unitId === draft.unitId);
        const templates = draft.templates.length > 0 ? draft.templates : unit ? applicableTemplates(await allTemplates(), unit.serviceCode, draft.plannedDate).map((t) => ({ templateId: t.id, version: t.version, title: t.title })) : [];
        const value = checkVisit({ ...draft, templates, status: 'planificata', reportDocumentIds: [] }, convention);
        const record = stamp(value) as MonitoringVisit;
        await db.visits.add(record);
        await appendAudit(db, [{ entity: 'visits', entityId: record.id, label: visitLabel(record, unit?.unitName), action: 'creare', after: record }]);
        return record;
      });
    },

    /** Any change of a visit (answers typed on site or later from paper, done, cancelled…); refused once its report was issued. */
    async updateVisit(id: string, draft: VisitDraft, expectedVersion: number): Promise<MonitoringVisit> {
      return rw(async () => {
        const current = await loadVisit(id);
        assertVersion(current, expectedVersion, 'Vizita');
        if (isVisitLocked(current)) throw new DomainError(LOCKED_MESSAGE);
        const value = checkVisit({ ...draft, reportDocumentIds: current.reportDocumentIds }, await loadConvention(current.conventionId));
        return putVisit(current, { ...current, ...value });
      });
    },

    /** One answer of the checklist (result, evidence, attachments); refused once the report was issued. */
    async setAnswer(id: string, answer: ChecklistAnswer, expectedVersion: number): Promise<MonitoringVisit> {
      return rw(async () => {
        const current = await loadVisit(id);
        assertVersion(current, expectedVersion, 'Vizita');
        if (isVisitLocked(current)) throw new DomainError(LOCKED_MESSAGE);
        const value = checkVisit({ ...current, answers: withAnswer(current.answers, answer) }, await loadConvention(current.conventionId));
        return putVisit(current, { ...current, ...value });
      });
    },

    /**
     * Records that a visit report was issued (the document is in the register): the visit is
     * locked from then on. A later report (a correction naming the earlier) is added the same way.
     */
    async attachReport(visitId: string, documentId: string): Promise<MonitoringVisit> {
      return rw(async () => {
        const current = await loadVisit(visitId);
        if (current.reportDocumentIds.includes(documentId)) return current;
        if (!(await db.issuedDocuments.get(documentId))) throw new DomainError('Raportul nu figurează în registrul documentelor emise.');
        if (current.status !== 'efectuata') throw new DomainError('Raportul se emite pentru o vizită efectuată.');
        return putVisit(current, { ...current, reportDocumentIds: [...current.reportDocumentIds, documentId] });
      });
    },

    // --- attachments ---------------------------------------------------------------------------
    async listAttachments(visitId: string): Promise<Omit<StoredVisitAttachment, 'dataBase64'>[]> {
      const rows = await db.visitAttachments.where('visitId').equals(visitId).sortBy('createdAt');
      return rows.map(({ dataBase64: _d, ...rest }) => rest);
    },
    /** Checks the file (type by its bytes, size, count on the visit) and stores it with its SHA-256. */
    async addAttachment(visitId: string, file: { name: string; bytes: Uint8Array; caption?: string; answerKey?: string }): Promise<Omit<StoredVisitAttachment, 'dataBase64'>> {
      const sha256 = await sha256OfBytes(file.bytes);
      const dataBase64 = bytesToBase64(file.bytes);
      return rw(async () => {
        const visit = await loadVisit(visitId);
        if (isVisitLocked(visit)) throw new DomainError(LOCKED_MESSAGE);
        const existing = (await db.visitAttachments.where('visitId').equals(visitId).toArray()).filter((a) => !a.removedAt);
        const check = checkAttachment({ name: file.name, size: file.bytes.length, bytes: file.bytes }, existing.length);
        if (!check.ok) throw new DomainError(check.message);
        const same = existing.find((a) => a.sha256 === sha256);
        if (same) throw new DomainError(`Fișierul „${file.name}” este deja atașat vizitei (ca „${same.fileName}”).`);
        const record = stamp({ visitId, fileName: file.name.trim(), type: check.type, size: file.bytes.length, sha256, caption: (file.caption ?? '').trim(), answerKey: file.answerKey, dataBase64 }) as StoredVisitAttachment;
        await db.visitAttachments.add(record);
        const { dataBase64: _d, ...meta } = record;
        await appendAudit(db, [{ entity: 'visitAttachments', entityId: record.id, label: `Fișierul „${record.fileName}” — ${visitLabel(visit)}`, action: 'creare', after: meta }]);
        return meta;
      });
    },
    /** The bytes as attached, checked against their SHA-256. */
    async attachmentBytes(id: string): Promise<{ attachment: Omit<StoredVisitAttachment, 'dataBase64'>; bytes: Uint8Array }> {
      const row = await db.visitAttachments.get(id);
      if (!row) throw new DomainError('Fișierul atașat nu a fost găsit.');
      const bytes = base64ToBytes(row.dataBase64);
      if ((await sha256OfBytes(bytes)) !== row.sha256) throw new DomainError(`Fișierul „${row.fileName}” este deteriorat (amprenta nu corespunde).`);
      const { dataBase64: _d, ...attachment } = row;
      return { attachment, bytes };
    },
    /** Withdraws an attachment (kept, marked with the reason); refused once the report was issued. */
    async withdrawAttachment(id: string, reason: string): Promise<void> {
      await rw(async () => {
        const row = await db.visitAttachments.get(id);
        if (!row) throw new DomainError('Fișierul atașat nu a fost găsit.');
        const visit = await loadVisit(row.visitId);
        if (isVisitLocked(visit)) throw new DomainError(LOCKED_MESSAGE);
        const text = reason.trim();
        if (!text) throw new ValidationError({ removedReason: 'Indicați motivul retragerii fișierului.' });
        const record = { ...row, removedAt: new Date().toISOString(), removedReason: text, updatedAt: new Date().toISOString(), version: row.version + 1 };
        await db.visitAttachments.put(record);
        await appendAudit(db, [{ entity: 'visitAttachments', entityId: id, label: `Fișierul „${row.fileName}” — ${visitLabel(visit)}`, action: 'modificare', changes: [{ field: 'removedReason', before: null, after: text }] }]);
      });
    },

    // --- findings and follow-ups ----------------------------------------------------------------
    listFindings: () => db.findings.toArray(),
    listFindingsByVisit: (visitId: string) => db.findings.where('visitId').equals(visitId).sortBy('createdAt'),
    getFinding: (id: string) => db.findings.get(id),
    async createFinding(draft: Omit<FindingDraft, 'conventionId' | 'unitId' | 'noteDocumentIds'>): Promise<Finding> {
      return rw(async () => {
        const visit = await findingVisitUnlocked(draft.visitId);
        const { value, errors } = validateFinding({ ...draft, conventionId: visit.conventionId, unitId: visit.unitId, noteDocumentIds: [] });
        if (hasErrors(errors)) throw new ValidationError(errors);
        const record = stamp(value) as Finding;
        await db.findings.add(record);
        await appendAudit(db, [{ entity: 'findings', entityId: record.id, label: `Constatare — ${visitLabel(visit, await unitNameOf(visit))}`, action: 'creare', after: record }]);
        return record;
      });
    },
    async updateFinding(id: string, draft: FindingDraft, expectedVersion: number): Promise<Finding> {
      return rw(async () => {
        const current = await db.findings.get(id);
        if (!current) throw new DomainError('Constatarea nu mai există.');
        assertVersion(current, expectedVersion, 'Constatarea');
        const visit = await findingVisitUnlocked(current.visitId);
        const { value, errors } = validateFinding({ ...draft, visitId: current.visitId, conventionId: current.conventionId, unitId: current.unitId, noteDocumentIds: current.noteDocumentIds });
        if (hasErrors(errors)) throw new ValidationError(errors);
        const followed = new Set((await db.followUps.where('findingId').equals(id).toArray()).map((f) => f.recommendationId));
        const gone = current.recommendations.find((r) => followed.has(r.id) && !value.recommendations.some((n) => n.id === r.id));
        if (gone) throw new DomainError(`Recomandarea „${gone.text}” are urmăriri înregistrate și nu se poate șterge.`);
        const record: Finding = { ...current, ...value, updatedAt: new Date().toISOString(), version: current.version + 1 };
        const changes = diffRecords(current, record);
        if (changes.length === 0) return current;
        await db.findings.put(record);
        await appendAudit(db, [{ entity: 'findings', entityId: id, label: `Constatare — ${visitLabel(visit)}`, action: 'modificare', changes }]);
        return record;
      });
    },
    /** Records that a "Notă de constatare" was issued for the finding (the document is in the register). */
    async attachFindingNote(findingId: string, documentId: string): Promise<Finding> {
      return rw(async () => {
        const current = await db.findings.get(findingId);
        if (!current) throw new DomainError('Constatarea nu mai există.');
        if (current.noteDocumentIds.includes(documentId)) return current;
        if (!(await db.issuedDocuments.get(documentId))) throw new DomainError('Nota de constatare nu figurează în registrul documentelor emise.');
        const record: Finding = { ...current, noteDocumentIds: [...current.noteDocumentIds, documentId], updatedAt: new Date().toISOString(), version: current.version + 1 };
        await db.findings.put(record);
        await appendAudit(db, [{ entity: 'findings', entityId: findingId, label: 'Constatare', action: 'modificare', changes: diffRecords(current, record) }]);
        return record;
      });
    },
    listFollowUps: () => db.followUps.toArray(),
    listFollowUpsByFinding: (findingId: string) => db.followUps.where('findingId').equals(findingId).sortBy('date'),
    /** A follow-up entry of a recommendation; one that closes it is the last (a closed recommendation takes no more). */
    async addFollowUp(draft: FollowUpDraft): Promise<FollowUp> {
      return rw(async () => {
        const finding = await db.findings.get(draft.findingId);
        if (!finding) throw new DomainError('Constatarea nu mai există.');
        const { value, errors } = validateFollowUp(draft, finding);
        if (hasErrors(errors)) throw new ValidationError(errors);
        const existing = await db.followUps.where('findingId').equals(finding.id).toArray();
        const status = recommendationStatuses([finding], existing, value.date).find((s) => s.recommendation.id === value.recommendationId);
        if (status?.state === 'inchisa') throw new DomainError(`Recomandarea a fost închisă la ${formatRoDate(status.closedOn)}; nu se mai adaugă urmăriri.`);
        const record = stamp(value) as FollowUp;
        await db.followUps.add(record);
        await appendAudit(db, [{ entity: 'followUps', entityId: record.id, label: `Urmărirea recomandării „${status?.recommendation.text ?? ''}”${value.closes ? ' (închide recomandarea)' : ''}`, action: 'creare', after: record }]);
        return record;
      });
    },

    // --- suspensions ---------------------------------------------------------------------------
    listSuspensions: () => db.suspensions.toArray(),
    listSuspensionsByConvention: (conventionId: string) => db.suspensions.where('conventionId').equals(conventionId).toArray(),
    /** A serious finding proposes a suspension; it has no effect until a decision is recorded. */
    async proposeSuspension(findingId: string, input: { reason?: string; proposedOn: IsoDate; wholeConvention?: boolean }): Promise<Suspension> {
      return rw(async () => {
        const finding = await db.findings.get(findingId);
        if (!finding) throw new DomainError('Constatarea nu mai există.');
        const open = (await db.suspensions.where('findingId').equals(findingId).toArray()).find((s) => !s.lifting && !s.rejectedReason);
        if (open) throw new ConflictError('Constatarea are deja o suspendare propusă sau în vigoare.');
        const result = proposeSuspension(finding, { ...input, proposedBy: await currentUserName(db) });
        if (!result.ok) throw new DomainError(result.message);
        const record = stamp(result.value) as Suspension;
        await db.suspensions.add(record);
        const convention = await db.conventions.get(record.conventionId);
        await appendAudit(db, [{ entity: 'suspensions', entityId: record.id, label: `Suspendarea plăților — convenția nr. ${convention?.number ?? '?'}`, action: 'creare', after: record }]);
        return record;
      });
    },
    /** The decision suspending the payments (act number, date, effective from): from then the settlements refuse approval. */
    decideSuspension: (id: string, act: RecordedAct, expectedVersion: number) => changeSuspension(id, expectedVersion, (s) => decideSuspension(s, act)),
    /** The later decision lifting it. */
    liftSuspension: (id: string, act: RecordedAct, expectedVersion: number) => changeSuspension(id, expectedVersion, (s) => liftSuspension(s, act)),
    /** A proposal not followed by a decision. */
    rejectSuspension: (id: string, reason: string, expectedVersion: number) => changeSuspension(id, expectedVersion, (s) => rejectSuspension(s, reason)),
  };
}

export type MonitoringRepository = ReturnType<typeof createMonitoringRepository>;
