import { AUDIT_ACTION_LABELS } from '../audit/diff';
import { LEGAL_FORMS, ORGANIZATION_STATUSES } from '../catalog/organization';
import { APPEAL_STATUSES } from '../commission/appeals';
import { MEMBER_ROLES } from '../commission/members';
import { SCORE_SHEET_STATES, SCORE_SOURCES } from '../commission/scores';
import { SHIPPED_SCORING_GRIDS } from '../commission/scoring-grid';
import { SESSION_KINDS, SESSION_STATUSES } from '../commission/session';
import { countPhrase } from '../documents/licensed-ngo-list';
import { formatDecimal, formatLei } from '../money';
import { SERVICE_FORM_LABELS } from '../register/nomenclature';
import { CAPACITY_UNITS, LICENCE_TYPES, UNIT_STATUSES } from '../register/unit';
import { ASSESSMENT_DATE_BASES, FUNDING_LAWS, ROUND_STATUSES } from '../rounds/funding-round';
import { formatRoDate, formatRoDateTime, isValidIsoDate } from '../validation/dates';
import { ISSUED_DOCUMENT_KINDS } from '../documents/issued-document';
import { DECISION_KINDS } from '../commission/decisions';
import { CONVENTION_STATES } from '../conventions/convention';
import { INSTALMENT_STATES } from '../conventions/payment-plan';
import { SETTLEMENT_STATES } from '../settlements/monthly-settlement';
import { VISIT_KIND_LABELS, VISIT_PLACE_LABELS, VISIT_STATUS_LABELS } from '../monitoring/visit';
import { FINDING_SEVERITY_LABELS, FINDING_SOURCE_LABELS } from '../monitoring/findings';
import { ATTACHMENT_TYPE_LABELS } from '../monitoring/attachments';
import type { FieldSpec, ReferenceSpec, TableDescriptor } from './schema-check';

export { fieldProblem, findForbiddenKey, FORBIDDEN_KEYS, rowProblem, valuesAt } from './schema-check';
export type { FieldSpec, FieldType, ReferenceSpec, TableDescriptor } from './schema-check';

/**
 * The tables of the database as data: for each, its Romanian name, its key, the type of every
 * field, the references to other tables and how a record is named in messages. A backup is checked
 * against it before anything is shown, a delete is refused when a reference points at the record,
 * and the history formats values by it. A new table is one entry here.
 */

const ENTITY_FIELDS: Record<string, FieldSpec> = {
  id: { type: 'id' },
  createdAt: { type: 'timestamp' },
  updatedAt: { type: 'timestamp' },
  version: { type: 'integer' },
};
const entity = (fields: Record<string, FieldSpec>): Record<string, FieldSpec> => ({ ...ENTITY_FIELDS, ...fields });

const text: FieldSpec = { type: 'text' };
const optText: FieldSpec = { type: 'text', optional: true };
const id: FieldSpec = { type: 'id' };
const optId: FieldSpec = { type: 'id', optional: true };
const date: FieldSpec = { type: 'date' };
const optDate: FieldSpec = { type: 'date', optional: true };
const int: FieldSpec = { type: 'integer' };
const bool: FieldSpec = { type: 'boolean' };
const obj: FieldSpec = { type: 'object' };
const arr: FieldSpec = { type: 'array' };
const enumOf = (values: Readonly<Record<string, string>>, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'enum', values, ...extra });

const quoted = (value: unknown) => `„${String(value ?? '')}”`;
const registration = (row: Record<string, unknown>) => {
  const r = row['registration'] as { sequence?: number; year?: number } | undefined;
  return `nr. ${r?.sequence ?? '?'}/${r?.year ?? '?'}`;
};
const SHIPPED_GRID_IDS = SHIPPED_SCORING_GRIDS.map((g) => g.id);

export const TABLE_DESCRIPTORS: readonly TableDescriptor[] = [
  {
    name: 'organizations', label: 'ONG-uri', nouns: ['ONG', 'ONG-uri'], subject: 'ONG-ul', gender: 'm', key: 'id',
    fields: entity({
      name: text, legalForm: enumOf(LEGAL_FORMS), cui: text, registryNumber: text, registryDate: optDate, street: text, locality: text, county: text, postalCode: text,
      workingAddresses: text, representativeName: text, representativeRole: text, contactPerson: text, phone: text, email: text, website: text, bankName: text, iban: text,
      accreditationSeries: text, accreditationNumber: text, accreditationDate: optDate, status: enumOf(ORGANIZATION_STATUSES), archivedOn: optDate, archiveReason: optText,
      notes: text, searchText: optText,
    }),
    references: [],
    describe: (row) => quoted(row['name']),
    archiveHint: 'Marcați ONG-ul ca „Radiat”: datele lui se păstrează (cel puțin 5 ani de la încheierea finanțării).',
  },
  {
    name: 'units', label: 'Unități licențiate', nouns: ['unitate licențiată', 'unități licențiate'], subject: 'Unitatea', gender: 'f', key: 'id',
    fields: entity({
      organizationId: id, name: text, street: text, locality: text, county: text, postalCode: text, serviceCode: text, targetGroup: text, capacity: { type: 'number' },
      capacityUnit: enumOf(CAPACITY_UNITS), licenceType: enumOf(LICENCE_TYPES), licenceNumber: text, licenceIssueDate: optDate, licenceExpiryDate: optDate, licensingAuthority: optText,
      status: enumOf(UNIT_STATUSES), archivedOn: optDate, archiveReason: optText, notes: text, searchText: optText,
    }),
    references: [{ path: 'organizationId', table: 'organizations' }],
    describe: (row) => quoted(row['name']),
    archiveHint: 'Marcați unitatea ca „Închisă”: datele ei se păstrează (cel puțin 5 ani de la încheierea finanțării).',
  },
  {
    name: 'rounds', label: 'Runde de finanțare', nouns: ['rundă de finanțare', 'runde de finanțare'], subject: 'Runda de finanțare', gender: 'f', key: 'id',
    fields: entity({
      law: enumOf(FUNDING_LAWS), year: int, name: text, budget: { type: 'bani', label: 'Buget total' }, submissionStart: date, submissionEnd: date, legalBasis: text,
      status: enumOf(ROUND_STATUSES), maxShareBasisPoints: { type: 'basisPoints', nullable: true }, maxShareSource: text, notes: text,
      assessmentDateBasis: enumOf(ASSESSMENT_DATE_BASES, { optional: true }), mandatoryDossierItems: { type: 'array', optional: true }, completionWorkingDays: { type: 'integer', optional: true },
    }),
    references: [],
    describe: (row) => quoted(row['name']),
    archiveHint: 'Marcați runda ca „Finalizată”.',
  },
  {
    name: 'requests', label: 'Cereri de subvenție', nouns: ['cerere de subvenție', 'cereri de subvenție'], subject: 'Cererea', gender: 'f', key: 'id',
    fields: entity({
      roundId: id, organizationId: id, registration: obj, registeredOn: date, year: int, units: arr, dossier: arr,
      status: enumOf({ inregistrata: 'Înregistrată', retrasa: 'Retrasă' }), notes: text,
    }),
    references: [
      { path: 'roundId', table: 'rounds' },
      { path: 'organizationId', table: 'organizations' },
      { path: 'units[].unitId', table: 'units' },
    ],
    describe: registration,
    archiveHint: 'Retrageți cererea: își păstrează numărul și istoricul.',
  },
  {
    name: 'parameterValues', label: 'Parametri legali adăugați', nouns: ['valoare a unui parametru legal', 'valori ale parametrilor legali'], subject: 'Valoarea parametrului', gender: 'f', key: 'id',
    fields: {
      id, key: text, validFrom: date, validTo: optDate, value: { type: 'json', nullable: true }, listLabels: { type: 'object', optional: true }, source: obj, note: text, isVerified: bool,
      origin: enumOf({ livrat: 'livrată cu aplicația', utilizator: 'adăugată în aplicație' }), createdAt: { type: 'timestamp', optional: true }, version: { type: 'integer', optional: true },
    },
    references: [],
    describe: (row) => quoted(row['key']),
  },
  {
    name: 'settings', label: 'Setări', nouns: ['setare', 'setări'], subject: 'Setarea', gender: 'f', key: 'key',
    fields: { key: text, value: { type: 'json', nullable: true }, version: { type: 'integer', optional: true } },
    references: [],
    describe: (row) => quoted(row['key']),
  },
  {
    name: 'nomenclature', label: 'Coduri de serviciu adăugate', nouns: ['cod de serviciu', 'coduri de serviciu'], subject: 'Codul de serviciu', gender: 'm', key: 'code',
    fields: {
      code: text, name: text, form: enumOf(SERVICE_FORM_LABELS), targetGroup: text, verified: bool, source: text, isCustom: { type: 'boolean', optional: true },
      version: { type: 'integer', optional: true },
    },
    references: [],
    describe: (row) => quoted(row['code']),
  },
  {
    name: 'commissions', label: 'Comisii', nouns: ['comisie', 'comisii'], subject: 'Comisia', gender: 'f', key: 'id',
    fields: entity({ name: text, law: enumOf(FUNDING_LAWS), legalBasis: text, rules: obj, notes: text }),
    references: [],
    describe: (row) => quoted(row['name']),
  },
  {
    name: 'commissionMembers', label: 'Membri ai comisiilor', nouns: ['membru al comisiei', 'membri ai comisiei'], subject: 'Membrul comisiei', gender: 'm', key: 'id',
    fields: entity({
      commissionId: id, name: text, role: enumOf(MEMBER_ROLES), institution: text, isSubstitute: bool, substituteForId: optId, appointmentAct: text, appointmentDate: date,
      periodFrom: date, periodTo: optDate, ngoLinks: arr, notes: text,
    }),
    references: [
      { path: 'commissionId', table: 'commissions' },
      { path: 'substituteForId', table: 'commissionMembers' },
      { path: 'ngoLinks[].organizationId', table: 'organizations' },
    ],
    describe: (row) => quoted(row['name']),
  },
  {
    name: 'commissionSessions', label: 'Ședințe ale comisiei', nouns: ['ședință a comisiei', 'ședințe ale comisiei'], subject: 'Ședința', gender: 'f', key: 'id',
    fields: entity({
      roundId: id, commissionId: id, kind: enumOf(SESSION_KINDS), date, time: text, place: text, agenda: arr, attendance: obj, status: enumOf(SESSION_STATUSES), notes: text,
    }),
    references: [
      { path: 'roundId', table: 'rounds' },
      { path: 'commissionId', table: 'commissions' },
      { path: 'agenda[]', table: 'requests' },
    ],
    describe: (row) => `din ${formatRoDate(String(row['date'] ?? ''))}`,
  },
  {
    name: 'declarations', label: 'Declarații de imparțialitate', nouns: ['declarație de imparțialitate', 'declarații de imparțialitate'], subject: 'Declarația', gender: 'f', key: 'id',
    fields: entity({ sessionId: id, memberId: id, signedOn: { type: 'date', nullable: true }, notes: text }),
    references: [
      { path: 'sessionId', table: 'commissionSessions' },
      { path: 'memberId', table: 'commissionMembers' },
    ],
    describe: (row) => `semnată la ${formatRoDate(String(row['signedOn'] ?? '')) || '—'}`,
  },
  {
    name: 'recusals', label: 'Recuzări consemnate', nouns: ['recuzare', 'recuzări'], subject: 'Recuzarea', gender: 'f', key: 'id',
    fields: entity({ sessionId: id, memberId: id, requestId: id, reason: text }),
    references: [
      { path: 'sessionId', table: 'commissionSessions' },
      { path: 'memberId', table: 'commissionMembers' },
      { path: 'requestId', table: 'requests' },
    ],
    describe: (row) => quoted(String(row['reason'] ?? '').slice(0, 60)),
  },
  {
    name: 'scoringGrids', label: 'Grile de evaluare', nouns: ['grilă de evaluare', 'grile de evaluare'], subject: 'Grila', gender: 'f', key: 'id',
    fields: entity({ name: text, law: enumOf(FUNDING_LAWS), criteria: arr, minTotal: { type: 'number', nullable: true }, source: text, references: arr, notes: text }),
    references: [],
    describe: (row) => quoted(row['name']),
  },
  {
    name: 'scoreSheets', label: 'Fișe de evaluare', nouns: ['fișă de evaluare', 'fișe de evaluare'], subject: 'Fișa de evaluare', gender: 'f', key: 'id',
    fields: entity({
      sessionId: id, roundId: id, memberId: id, requestId: id, gridId: id, gridFingerprint: text, points: obj, comment: text, source: enumOf(SCORE_SOURCES),
      state: enumOf(SCORE_SHEET_STATES), submittedAt: { type: 'timestamp', optional: true }, reopenings: arr,
    }),
    references: [
      { path: 'sessionId', table: 'commissionSessions' },
      { path: 'roundId', table: 'rounds' },
      { path: 'memberId', table: 'commissionMembers' },
      { path: 'requestId', table: 'requests' },
      { path: 'gridId', table: 'scoringGrids', external: SHIPPED_GRID_IDS },
    ],
    describe: (row) => `pentru cererea ${String(row['requestId'] ?? '').slice(0, 8)}`,
  },
  {
    name: 'roundEvaluations', label: 'Evaluări ale rundelor', nouns: ['evaluare a rundei', 'evaluări ale rundelor'], subject: 'Evaluarea rundei', gender: 'f', key: 'id',
    fields: entity({
      roundId: id, commissionId: id, gridId: id, ruleOverrides: obj, appealRules: obj, tieDecisions: arr, notifiedOn: optDate, decisionAct: text, lock: obj, notes: text,
    }),
    references: [
      { path: 'roundId', table: 'rounds' },
      { path: 'commissionId', table: 'commissions' },
      { path: 'gridId', table: 'scoringGrids', external: SHIPPED_GRID_IDS },
      { path: 'tieDecisions[].order[]', table: 'requests' },
    ],
    describe: () => 'rundei',
  },
  {
    name: 'appeals', label: 'Contestații', nouns: ['contestație', 'contestații'], subject: 'Contestația', gender: 'f', key: 'id',
    fields: entity({
      roundId: id, requestId: id, organizationId: id, registration: obj, notifiedOn: date, receivedOn: date, grounds: text, status: enumOf(APPEAL_STATUSES),
      resolution: { type: 'object', optional: true },
    }),
    references: [
      { path: 'roundId', table: 'rounds' },
      { path: 'requestId', table: 'requests' },
      { path: 'organizationId', table: 'organizations' },
      { path: 'resolution.sessionId', table: 'commissionSessions' },
      { path: 'resolution.decisionId', table: 'commissionDecisions' },
    ],
    describe: registration,
  },
  {
    name: 'nonWorkingDays', label: 'Zile nelucrătoare adăugate', nouns: ['zi nelucrătoare', 'zile nelucrătoare'], subject: 'Ziua nelucrătoare', gender: 'f', key: 'id',
    fields: entity({ date, name: text, source: text }),
    references: [],
    describe: (row) => `${formatRoDate(String(row['date'] ?? ''))} ${quoted(row['name'])}`,
  },
  {
    name: 'resultSnapshots', label: 'Rezultate finale înghețate', nouns: ['rezultat final înghețat', 'rezultate finale înghețate'], subject: 'Rezultatul final', gender: 'm', key: 'id',
    fields: entity({
      roundId: id, sequence: int, takenAt: { type: 'timestamp' }, takenBy: text, cause: enumOf({ rezultate_finale: 'rezultate finale', contestatie_admisa: 'contestație admisă' }),
      basisAct: optText, previousId: optId, supersededAt: { type: 'timestamp', optional: true }, supersededReason: optText, budget: { type: 'bani', label: 'Buget total' }, gridFingerprint: text,
      content: obj,
    }),
    references: [
      { path: 'roundId', table: 'rounds' },
      { path: 'previousId', table: 'resultSnapshots' },
    ],
    describe: (row) => `nr. ${String(row['sequence'] ?? '?')}`,
  },
  {
    name: 'issuedDocuments', label: 'Registrul documentelor emise', nouns: ['document emis', 'documente emise'], subject: 'Documentul emis', gender: 'm', key: 'id',
    fields: entity({
      kind: enumOf(ISSUED_DOCUMENT_KINDS), year: int, number: text, numberSource: enumOf({ secventa: 'secvența aplicației', registru_general: 'registrul general' }), sequence: int, issuedOn: date, issuedBy: text, title: text,
      addressee: text, roundId: optId, organizationId: optId, requestId: optId, appealId: optId, conventionId: optId, amendmentId: optId, settlementId: optId, visitId: optId, findingId: optId, period: optText, replacesId: optId, replacementReason: optText, replacedById: optId,
      fileId: id, fileName: text, mimeType: text, size: int, sha256: text, sourceData: text,
    }),
    references: [
      { path: 'roundId', table: 'rounds' },
      { path: 'organizationId', table: 'organizations' },
      { path: 'requestId', table: 'requests' },
      { path: 'appealId', table: 'appeals' },
      { path: 'conventionId', table: 'conventions' },
      { path: 'amendmentId', table: 'conventionAmendments' },
      { path: 'settlementId', table: 'settlements' },
      { path: 'visitId', table: 'visits' },
      { path: 'findingId', table: 'findings' },
      { path: 'replacesId', table: 'issuedDocuments' },
      { path: 'replacedById', table: 'issuedDocuments' },
      { path: 'fileId', table: 'documentFiles' },
    ],
    describe: (row) => `nr. ${String(row['number'] ?? '?')}/${formatRoDate(String(row['issuedOn'] ?? ''))} ${quoted(row['title'])}`,
  },
  {
    name: 'documentFiles', label: 'Fișierele documentelor emise', nouns: ['fișier al unui document emis', 'fișiere ale documentelor emise'], subject: 'Fișierul documentului', gender: 'm', key: 'id',
    fields: { id, dataBase64: text },
    references: [],
    describe: (row) => String(row['id'] ?? ''),
  },
  {
    name: 'commissionDecisions', label: 'Decizii ale comisiei', nouns: ['decizie a comisiei', 'decizii ale comisiei'], subject: 'Decizia comisiei', gender: 'f', key: 'id',
    fields: entity({
      roundId: id, sessionId: id, kind: enumOf(DECISION_KINDS), requestId: optId, requestIds: { type: 'array', optional: true }, appealId: optId, text, votes: arr,
      outcome: { type: 'object', optional: true }, rankingKey: optText,
    }),
    references: [
      { path: 'roundId', table: 'rounds' },
      { path: 'sessionId', table: 'commissionSessions' },
      { path: 'requestId', table: 'requests' },
      { path: 'appealId', table: 'appeals' },
      { path: 'requestIds[]', table: 'requests' },
      { path: 'votes[].memberId', table: 'commissionMembers' },
    ],
    describe: (row) => quoted(String(row['text'] ?? '').slice(0, 60)),
  },
  {
    name: 'conventions', label: 'Convenții de subvenționare', nouns: ['convenție', 'convenții'], subject: 'Convenția', gender: 'f', key: 'id',
    fields: entity({
      roundId: id, requestId: id, snapshotId: id, year: int, number: text, date, state: enumOf(CONVENTION_STATES, { label: 'Starea' }),
      councilDecision: obj, finalDecision: { type: 'object', optional: true }, authority: text, provider: obj, firstMonth: int, lastMonth: int, units: arr,
      amount: { type: 'bani', label: 'Suma convenției' }, allocationNotes: arr, submissionDay: int, terminatedOn: optDate, terminationReason: optText,
    }),
    references: [
      { path: 'roundId', table: 'rounds' },
      { path: 'requestId', table: 'requests' },
      { path: 'snapshotId', table: 'resultSnapshots' },
      { path: 'provider.organizationId', table: 'organizations' },
      { path: 'units[].unitId', table: 'units' },
    ],
    describe: (row) => `nr. ${String(row['number'] ?? '?')}/${formatRoDate(String(row['date'] ?? ''))}`,
    archiveHint: 'O convenție nu se șterge: se încetează, cu data și motivul.',
  },
  {
    name: 'conventionAmendments', label: 'Acte adiționale', nouns: ['act adițional', 'acte adiționale'], subject: 'Actul adițional', gender: 'm', key: 'id',
    fields: entity({ conventionId: id, number: text, date, effectiveFrom: date, reason: text, decidingAct: text, changes: obj }),
    references: [{ path: 'conventionId', table: 'conventions' }, { path: 'changes.units[].unitId', table: 'units' }],
    describe: (row) => `nr. ${String(row['number'] ?? '?')}/${formatRoDate(String(row['date'] ?? ''))}`,
  },
  {
    name: 'instalments', label: 'Plan de plăți (tranșe lunare)', nouns: ['tranșă lunară', 'tranșe lunare'], subject: 'Tranșa', gender: 'f', key: 'id',
    fields: entity({
      conventionId: id, month: int, planned: { type: 'bani', label: 'Suma planificată' }, state: enumOf(INSTALMENT_STATES, { label: 'Starea' }),
      amount: { type: 'bani', optional: true, label: 'Suma' }, paymentOrderNumber: optText, history: arr,
    }),
    references: [{ path: 'conventionId', table: 'conventions' }],
    describe: (row) => `luna ${String(row['month'] ?? '?')}`,
  },
  {
    name: 'budgetCommitments', label: 'Angajamente bugetare', nouns: ['angajament bugetar', 'angajamente bugetare'], subject: 'Angajamentul bugetar', gender: 'm', key: 'id',
    fields: entity({ conventionId: id, number: text, date, amount: { type: 'bani', label: 'Suma angajată' }, classification: obj, cfpVisa: { type: 'object', optional: true } }),
    references: [{ path: 'conventionId', table: 'conventions' }],
    describe: (row) => `nr. ${String(row['number'] ?? '?')}/${formatRoDate(String(row['date'] ?? ''))}`,
  },
  {
    name: 'settlements', label: 'Deconturi lunare', nouns: ['decont lunar', 'deconturi lunare'], subject: 'Decontul', gender: 'm', key: 'id',
    fields: entity({
      conventionId: id, year: int, month: int, state: enumOf(SETTLEMENT_STATES, { label: 'Starea' }), beneficiaries: arr, expenses: arr, otherFunding: arr, adjustments: arr,
      submittedOn: optDate, isLate: { type: 'boolean', optional: true }, verification: { type: 'object', optional: true }, approval: { type: 'object', optional: true },
      payment: { type: 'object', optional: true }, rejection: { type: 'object', optional: true }, history: arr,
    }),
    references: [{ path: 'conventionId', table: 'conventions' }, { path: 'beneficiaries[].unitId', table: 'units' }, { path: 'expenses[].unitId', table: 'units' }],
    describe: (row) => `luna ${String(row['month'] ?? '?')}/${String(row['year'] ?? '?')}`,
    archiveHint: 'Un decont verificat nu se șterge: se corectează printr-o regularizare într-o lună ulterioară.',
  },
  {
    name: 'payments', label: 'Plăți efectuate', nouns: ['plată', 'plăți'], subject: 'Plata', gender: 'f', key: 'id',
    fields: entity({
      key: text, settlementId: id, conventionId: id, importId: id, date, paymentOrderNumber: text, ordonantareNumber: text, amount: { type: 'bani', label: 'Suma plătită' },
      row: int, year: int, month: int,
    }),
    references: [{ path: 'settlementId', table: 'settlements' }, { path: 'conventionId', table: 'conventions' }, { path: 'importId', table: 'paymentImports' }],
    describe: (row) => `OP ${String(row['paymentOrderNumber'] ?? '?')}/${formatRoDate(String(row['date'] ?? ''))}`,
  },
  {
    name: 'paymentImports', label: 'Importuri de plăți', nouns: ['import de plăți', 'importuri de plăți'], subject: 'Importul', gender: 'm', key: 'id',
    fields: entity({ fileName: text, sha256: text, importedAt: { type: 'timestamp' }, importedBy: text, rowCount: int, newCount: int, unmatched: arr }),
    references: [],
    describe: (row) => quoted(row['fileName']),
  },
  {
    name: 'recoveries', label: 'Sume de recuperat', nouns: ['sumă de recuperat', 'sume de recuperat'], subject: 'Suma de recuperat', gender: 'f', key: 'id',
    fields: entity({
      conventionId: id, year: int, amount: { type: 'bani', label: 'Suma de recuperat' }, reason: text, dueDate: date, paidOn: optDate,
      paidAmount: { type: 'bani', optional: true, label: 'Suma restituită' }, statementDocumentId: optId,
    }),
    references: [{ path: 'conventionId', table: 'conventions' }, { path: 'statementDocumentId', table: 'issuedDocuments' }],
    describe: (row) => formatLei(Number(row['amount'] ?? 0)),
  },
  {
    name: 'visitPlans', label: 'Planuri de vizite de monitorizare', nouns: ['plan de vizite', 'planuri de vizite'], subject: 'Planul de vizite', gender: 'm', key: 'id',
    fields: entity({ year: int, quarter: int, team: arr, visitsPerYear: { type: 'integer', label: 'Vizite pe unitate pe an' }, notes: text }),
    references: [],
    describe: (row) => `trimestrul ${String(row['quarter'] ?? '?')}/${String(row['year'] ?? '?')}`,
  },
  {
    name: 'visits', label: 'Vizite de monitorizare', nouns: ['vizită de monitorizare', 'vizite de monitorizare'], subject: 'Vizita', gender: 'f', key: 'id',
    fields: entity({
      planId: optId, conventionId: id, unitId: id, plannedDate: date, actualDate: optDate, kind: enumOf(VISIT_KIND_LABELS, { label: 'Tipul vizitei' }),
      place: enumOf(VISIT_PLACE_LABELS, { label: 'Locul vizitei' }), team: arr, status: enumOf(VISIT_STATUS_LABELS, { label: 'Starea vizitei' }), cancelReason: optText,
      templates: arr, answers: arr, observed: obj, conclusions: text, ngoRepresentative: optText, reportDocumentIds: arr,
    }),
    references: [
      { path: 'planId', table: 'visitPlans' },
      { path: 'conventionId', table: 'conventions' },
      { path: 'unitId', table: 'units' },
      { path: 'reportDocumentIds[]', table: 'issuedDocuments' },
    ],
    describe: (row) => `din ${formatRoDate(String(row['actualDate'] ?? row['plannedDate'] ?? ''))}`,
    archiveHint: 'O vizită nu se șterge: se marchează „Anulată”, cu motivul.',
  },
  {
    name: 'visitAttachments', label: 'Fișiere atașate vizitelor', nouns: ['fișier atașat unei vizite', 'fișiere atașate vizitelor'], subject: 'Fișierul atașat', gender: 'm', key: 'id',
    fields: entity({
      visitId: id, fileName: text, type: enumOf(ATTACHMENT_TYPE_LABELS), size: int, sha256: text, caption: text, answerKey: optText, dataBase64: text,
      removedAt: { type: 'timestamp', optional: true }, removedReason: optText,
    }),
    references: [{ path: 'visitId', table: 'visits' }],
    describe: (row) => quoted(row['fileName']),
    archiveHint: 'Un fișier atașat nu se șterge: se marchează ca retras, cu motivul.',
  },
  {
    name: 'findings', label: 'Constatări de monitorizare', nouns: ['constatare', 'constatări'], subject: 'Constatarea', gender: 'f', key: 'id',
    fields: entity({
      visitId: id, conventionId: id, unitId: id, severity: enumOf(FINDING_SEVERITY_LABELS, { label: 'Gravitatea' }), source: enumOf(FINDING_SOURCE_LABELS), requirementKey: optText,
      text, recommendations: arr, noteDocumentIds: arr,
    }),
    references: [
      { path: 'visitId', table: 'visits' },
      { path: 'conventionId', table: 'conventions' },
      { path: 'unitId', table: 'units' },
      { path: 'noteDocumentIds[]', table: 'issuedDocuments' },
    ],
    describe: (row) => quoted(String(row['text'] ?? '').slice(0, 60)),
    archiveHint: 'O constatare nu se șterge: recomandările ei se închid prin urmărire.',
  },
  {
    name: 'followUps', label: 'Urmăriri ale recomandărilor', nouns: ['urmărire a unei recomandări', 'urmăriri ale recomandărilor'], subject: 'Urmărirea', gender: 'f', key: 'id',
    fields: entity({ findingId: id, recommendationId: id, date, evidence: text, by: text, closes: bool }),
    references: [{ path: 'findingId', table: 'findings' }],
    describe: (row) => `din ${formatRoDate(String(row['date'] ?? ''))}`,
  },
  {
    name: 'suspensions', label: 'Suspendări ale plăților', nouns: ['suspendare a plăților', 'suspendări ale plăților'], subject: 'Suspendarea', gender: 'f', key: 'id',
    fields: entity({
      conventionId: id, unitId: optId, findingId: optId, reason: text, proposedOn: date, proposedBy: text,
      decision: { type: 'object', optional: true, label: 'Decizia de suspendare' }, lifting: { type: 'object', optional: true, label: 'Decizia de ridicare' }, rejectedReason: optText,
    }),
    references: [{ path: 'conventionId', table: 'conventions' }, { path: 'unitId', table: 'units' }, { path: 'findingId', table: 'findings' }],
    describe: (row) => `propusă la ${formatRoDate(String(row['proposedOn'] ?? ''))}`,
    archiveHint: 'O suspendare nu se șterge: se ridică printr-o decizie înregistrată.',
  },
  {
    name: 'checklistTemplates', label: 'Liste de verificare (editate)', nouns: ['versiune a unei liste de verificare', 'versiuni ale listelor de verificare'], subject: 'Lista de verificare', gender: 'f', key: 'id',
    fields: entity({ key: text, templateId: text, template: obj, savedBy: text, note: text }),
    references: [],
    describe: (row) => quoted(row['key']),
  },
  {
    name: 'audit', label: 'Jurnal modificări (doar se adaugă)', nouns: ['intrare în jurnal', 'intrări în jurnal'], subject: 'Intrarea din jurnal', gender: 'f', key: 'id',
    fields: {
      id, at: { type: 'timestamp' }, seq: { type: 'number', optional: true }, user: { type: 'text' }, entity: { type: 'id' }, entityId: { type: 'id' }, label: text,
      action: enumOf(AUDIT_ACTION_LABELS), changes: arr,
    },
    references: [],
    describe: (row) => String(row['id'] ?? ''),
    isAppendOnly: true,
  },
];

export const TABLE_BY_NAME: ReadonlyMap<string, TableDescriptor> = new Map(TABLE_DESCRIPTORS.map((t) => [t.name, t]));

/** The Romanian name of a table ("ONG-uri"); the code itself for an unknown one. */
export function tableLabel(name: string): string {
  return TABLE_BY_NAME.get(name)?.label ?? name;
}

/** The references that point at a table: which table, by which path. */
export function referencesTo(table: string): { from: TableDescriptor; reference: ReferenceSpec }[] {
  return TABLE_DESCRIPTORS.flatMap((from) => from.references.filter((r) => r.table === table).map((reference) => ({ from, reference })));
}

// --- formatting values as the screens show them ----------------------------------------------

/** A value of a field as the screens show it: lei from bani, dd.mm.yyyy, enum labels, %. */
export function formatFieldValue(spec: FieldSpec | undefined, value: unknown, names?: ReadonlyMap<string, string>): string {
  if (value === undefined || value === null || value === '') return '—';
  if (names && typeof value === 'string' && names.has(value)) return names.get(value)!;
  switch (spec?.type) {
    case 'bani':
      return typeof value === 'number' ? formatLei(value) : String(value);
    case 'basisPoints':
      return typeof value === 'number' ? `${formatDecimal(value / 100, value % 100 === 0 ? 0 : 2)} %` : String(value);
    case 'date':
      return formatRoDate(String(value));
    case 'timestamp':
      return formatRoDateTime(String(value));
    case 'boolean':
      return value ? 'da' : 'nu';
    case 'enum':
      return spec.values?.[String(value)] ?? String(value);
    default:
      break;
  }
  if (typeof value === 'boolean') return value ? 'da' : 'nu';
  if (typeof value === 'string' && isValidIsoDate(value)) return formatRoDate(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => formatFieldValue(undefined, v, names)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "2 unități licențiate („A”, „B”)" — at most `limit` names, then "și încă N". */
export function describeRecords(table: TableDescriptor, rows: readonly Record<string, unknown>[], limit = 5): string {
  const names = rows.slice(0, limit).map((r) => table.describe(r));
  const more = rows.length > limit ? ` și încă ${rows.length - limit}` : '';
  return `${countPhrase(rows.length, table.nouns[0], table.nouns[1])} (${names.join(', ')}${more})`;
}
