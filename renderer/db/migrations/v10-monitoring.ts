import type { Dexie } from 'dexie';

/**
 * Version 10: monitoring visits (issue 12). The quarter's visit plans; the visits with their
 * checklist answers; the files attached to a visit (photos, scans: bytes in base64 with type,
 * size and SHA-256, like the files of issued documents, so that the backup carries them); the
 * findings with their recommendations, the follow-up entries of each recommendation; the
 * suspensions of payments (proposed, decided, lifted by recorded acts); the checklist templates
 * users added or edited (the shipped ones live in src/monitoring/checklists). `key` of a
 * template row is `${templateId}@${version}`: a new version is a new row, never an edit of one
 * already used.
 */
export const V10_STORES = {
  visitPlans: 'id, year, [year+quarter]',
  visits: 'id, planId, conventionId, unitId, status, plannedDate',
  visitAttachments: 'id, visitId, sha256',
  findings: 'id, visitId, conventionId, unitId, severity',
  followUps: 'id, findingId, [findingId+recommendationId]',
  suspensions: 'id, conventionId, findingId',
  checklistTemplates: 'id, &key, templateId',
};

export function applyV10(db: Dexie): void {
  db.version(10).stores(V10_STORES);
}
