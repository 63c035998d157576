import { TABLE_BY_NAME, formatFieldValue, tableLabel } from '../backup/schema';
import { ORGANIZATION_FIELD_LABELS } from '../catalog/organization';
import { COMMISSION_FIELD_LABELS } from '../commission/commission';
import { COMMISSION_MEMBER_FIELD_LABELS } from '../commission/members';
import { ROUND_EVALUATION_FIELD_LABELS } from '../commission/round-evaluation';
import { SCORING_GRID_FIELD_LABELS } from '../commission/scoring-grid';
import { COMMISSION_SESSION_FIELD_LABELS } from '../commission/session';
import { UNIT_FIELD_LABELS } from '../register/unit';
import { FUNDING_ROUND_FIELD_LABELS } from '../rounds/funding-round';
import { INSTITUTION_FIELD_LABELS } from '../settings/institution';
import type { AuditEntry, FieldChange } from './diff';

/** What kind of record an entry is about, in Romanian. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  organizations: 'ONG',
  units: 'Unitate',
  settings: 'Setări',
  nomenclature: 'Nomenclator',
  rounds: 'Rundă de finanțare',
  parameterValues: 'Parametru legal',
  requests: 'Cerere de subvenție',
  commissions: 'Comisie',
  commissionMembers: 'Membru al comisiei',
  commissionSessions: 'Ședință a comisiei',
  declarations: 'Declarație de imparțialitate',
  recusals: 'Recuzare',
  scoringGrids: 'Grilă de evaluare',
  scoreSheets: 'Fișă de evaluare',
  roundEvaluations: 'Evaluarea rundei',
  appeals: 'Contestație',
  nonWorkingDays: 'Zi nelucrătoare',
  resultSnapshots: 'Rezultate finale',
  issuedDocuments: 'Document emis',
  commissionDecisions: 'Decizie a comisiei',
  database: 'Baza de date',
};

const COMMON_LABELS: Record<string, string> = {
  organizationId: 'ONG',
  unitId: 'Unitatea',
  roundId: 'Runda de finanțare',
  requestId: 'Cererea',
  commissionId: 'Comisia',
  memberId: 'Membrul comisiei',
  sessionId: 'Ședința',
  gridId: 'Grila',
  registration: 'Numărul de înregistrare',
  registeredOn: 'Data înregistrării',
  year: 'Anul',
  units: 'Unități',
  dossier: 'Dosarul',
  status: 'Stare',
  notes: 'Observații',
  reason: 'Motivul',
  date: 'Data',
  name: 'Denumirea',
  source: 'Sursa',
  points: 'Punctaje',
  comment: 'Comentariu',
  state: 'Starea fișei',
  receivedOn: 'Data primirii',
  notifiedOn: 'Data comunicării',
  grounds: 'Motivele contestației',
  resolution: 'Soluționarea',
  signedOn: 'Data semnării',
  validFrom: 'În vigoare de la',
  validTo: 'În vigoare până la',
  value: 'Valoarea',
  note: 'Notă',
  isVerified: 'Verificată',
  code: 'Codul',
  form: 'Forma',
  targetGroup: 'Grup țintă',
  rezumat: 'Rezumat',
  sha256: 'Suma de control SHA-256 a fișierului',
};

/** Field labels per record type (the same field name can mean different things). */
const FIELD_LABELS: Record<string, Record<string, string>> = {
  organizations: ORGANIZATION_FIELD_LABELS,
  units: UNIT_FIELD_LABELS,
  settings: INSTITUTION_FIELD_LABELS,
  rounds: FUNDING_ROUND_FIELD_LABELS,
  commissions: COMMISSION_FIELD_LABELS,
  commissionMembers: COMMISSION_MEMBER_FIELD_LABELS,
  commissionSessions: COMMISSION_SESSION_FIELD_LABELS,
  scoringGrids: SCORING_GRID_FIELD_LABELS,
  roundEvaluations: ROUND_EVALUATION_FIELD_LABELS,
};

/** The Romanian name of a field of a record type, as the history shows it ("Buget total"). */
export function auditFieldLabel(entity: string, field: string): string {
  // A restore or demo load logs one line per table.
  if (entity === 'database' && TABLE_BY_NAME.has(field)) return tableLabel(field);
  const spec = TABLE_BY_NAME.get(entity)?.fields[field];
  if (spec?.label) return spec.label;
  return FIELD_LABELS[entity]?.[field] ?? COMMON_LABELS[field] ?? field;
}

/** A value as the screens show it: lei from bani, dd.mm.yyyy, enum labels, names instead of ids. */
export function auditValue(entity: string, field: string, value: unknown, names?: ReadonlyMap<string, string>): string {
  return formatFieldValue(TABLE_BY_NAME.get(entity)?.fields[field], value, names);
}

export interface AuditLine {
  /** The field's code ("budget"). */
  key: string;
  /** Its Romanian name ("Buget total"). */
  field: string;
  before: string;
  after: string;
  /** "Buget total: 1.537.120,00 lei (înainte: 1.000.000,00 lei)". */
  text: string;
}

/** Fields that are the record's identity or bookkeeping, not something a user changed. */
const HIDDEN_FIELDS = new Set(['id', 'searchText']);

/** One readable line per changed field. */
export function auditLines(entry: Pick<AuditEntry, 'entity' | 'action' | 'changes'>, names?: ReadonlyMap<string, string>): AuditLine[] {
  return entry.changes.filter((c) => !HIDDEN_FIELDS.has(c.field)).map((change: FieldChange) => {
    const field = auditFieldLabel(entry.entity, change.field);
    const before = auditValue(entry.entity, change.field, change.before, names);
    const after = auditValue(entry.entity, change.field, change.after, names);
    const hasBefore = 'before' in change && change.before !== undefined;
    const hasAfter = 'after' in change && change.after !== undefined;
    const text = hasBefore && hasAfter ? `${field}: ${after} (înainte: ${before})` : hasAfter ? `${field}: ${after}` : `${field}: ${before} (șters)`;
    return { key: change.field, field, before: hasBefore ? before : '—', after: hasAfter ? after : '—', text };
  });
}
