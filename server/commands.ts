import type pg from 'pg';
import { diffRecords } from '../src/audit/diff';
import { TABLE_BY_NAME, TABLE_DESCRIPTORS, findForbiddenKey, rowProblem, valuesAt, type TableDescriptor } from '../src/backup/schema';
import { validateOrganization, type OrganizationDraft } from '../src/catalog/organization';
import { validateExtraNonWorkingDay } from '../src/calendar/public-holidays';
import { validateAppeal, type AppealDraft } from '../src/commission/appeals';
import { validateCommission, type CommissionDraft } from '../src/commission/commission';
import { validateImpartialityDeclaration, type ImpartialityDeclarationDraft } from '../src/commission/conflicts';
import { validateCommissionDecision, type CommissionDecisionDraft } from '../src/commission/decisions';
import { validateRecordedRecusal, validateRoundEvaluation, type RecordedRecusalDraft, type RoundEvaluationDraft } from '../src/commission/round-evaluation';
import { validateScoringGrid, type ScoringGridDraft } from '../src/commission/scoring-grid';
import { newId } from '../src/entity';
import { mergeNomenclature, validateNomenclatureEntry, type NomenclatureEntry } from '../src/register/nomenclature';
import { validateUnit, type UnitDraft } from '../src/register/unit';
import { validateFundingRound, type FundingRoundDraft } from '../src/rounds/funding-round';
import type { Command, ServerRow } from '../src/shared/wire';
import type { FieldErrors } from '../src/validation/result';
import { validateVisit, validateVisitPlan, type VisitDraft, type VisitPlanDraft } from '../src/monitoring/visit';
import { validateFinding, validateFollowUp, type FindingDraft, type FollowUpDraft } from '../src/monitoring/findings';

export { REPLICATED_TABLES } from '../src/shared/wire';

export type { Command, Operation, ServerRow } from '../src/shared/wire';

export type CommandErrorKind = 'validation' | 'conflict' | 'permission' | 'domain';
const STATUS: Record<CommandErrorKind, number> = { validation: 422, conflict: 409, permission: 403, domain: 422 };

/** A refused command: a Romanian message, the fields at fault, and the server's current record (so no one is left waiting). */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly kind: CommandErrorKind,
    message: string,
    readonly details: { fields?: FieldErrors; current?: ServerRow; index?: number } = {},
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.kind];
  }
}

const GROUP_LABELS: Record<string, string> = {
  secretariat: 'secretariatul comisiei',
  monitoring: 'monitorizarea',
  finance: 'serviciul financiar',
  admin: 'administratorul aplicației',
};

/** Serialises every write (also taken by the stamp trigger): the change feed then has no commit-order gaps. */
export const WRITE_LOCK = 7340213;

/** Tables whose records get their number from the server when inserted (server/migrations/002). */
const NUMBERED_TABLES = new Set(['requests', 'appeals', 'issuedDocuments']);

const ENTITY_KEYS = ['id', 'createdAt', 'updatedAt', 'version'];
const DERIVED_KEYS = ['searchText']; // computed by each replica for its own quick search, never stored on the server

function withoutKeys(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function toRow(table: string, r: { id: string; version: number; deleted: boolean; server_seq: string | number; modified_by: string; record: Record<string, unknown> }): ServerRow {
  return { table, id: r.id, version: r.version, deleted: r.deleted, serverSeq: Number(r.server_seq), modifiedBy: r.modified_by, record: r.record };
}

async function readRow(client: pg.ClientBase, table: string, id: string, lock = false): Promise<ServerRow | undefined> {
  const { rows } = await client.query(`SELECT id, version, deleted, server_seq, modified_by, record FROM ${quoteIdent(table)} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toRow(table, rows[0]) : undefined;
}

type Validator = (draft: Record<string, unknown>, client: pg.ClientBase, id: string) => Promise<{ value: Record<string, unknown>; errors: FieldErrors }>;

/** A validator of src/ that needs nothing but the draft. */
function plain<D>(validate: (draft: D) => { value: unknown; errors: FieldErrors }): Validator {
  return async (draft) => {
    const { value, errors } = validate(draft as unknown as D);
    return { value: value as Record<string, unknown>, errors };
  };
}

/** The validation of src/ that the local repository of each table runs (the shape is checked for every table). */
const VALIDATORS: Record<string, Validator> = {
  declarations: plain<ImpartialityDeclarationDraft>(validateImpartialityDeclaration),
  recusals: plain<RecordedRecusalDraft>(validateRecordedRecusal),
  roundEvaluations: plain<RoundEvaluationDraft>(validateRoundEvaluation),
  scoringGrids: plain<ScoringGridDraft>(validateScoringGrid),
  commissionDecisions: plain<CommissionDecisionDraft>(validateCommissionDecision),
  appeals: plain<AppealDraft>(validateAppeal),
  nonWorkingDays: plain<{ date: unknown; name: string; source: string }>(validateExtraNonWorkingDay),
  visitPlans: plain<VisitPlanDraft>(validateVisitPlan),
  visits: plain<VisitDraft>((draft) => validateVisit(draft)),
  findings: plain<FindingDraft>(validateFinding),
  followUps: plain<FollowUpDraft>((draft) => validateFollowUp(draft)),
  async organizations(draft, client, id) {
    const { value, errors } = validateOrganization(draft as unknown as OrganizationDraft);
    if (!errors['cui'] && value.cui) {
      const { rows } = await client.query<{ name: string }>(`SELECT record ->> 'name' AS name FROM organizations WHERE record ->> 'cui' = $1 AND NOT deleted AND id <> $2`, [value.cui, id]);
      if (rows[0]) (errors as FieldErrors)['cui'] = `CUI-ul ${value.cui} aparține deja ONG-ului „${rows[0].name}”.`;
    }
    return { value: value as unknown as Record<string, unknown>, errors };
  },
  async units(draft, client) {
    const { rows } = await client.query<{ record: NomenclatureEntry }>('SELECT record FROM nomenclature WHERE NOT deleted');
    const nomenclature = mergeNomenclature(rows.map((r) => r.record));
    const { value, errors } = validateUnit(draft as unknown as UnitDraft, { nomenclature });
    return { value: value as unknown as Record<string, unknown>, errors };
  },
  async rounds(draft) {
    const { value, errors } = validateFundingRound(draft as unknown as FundingRoundDraft);
    return { value: value as unknown as Record<string, unknown>, errors };
  },
  async nomenclature(draft) {
    const { value, errors } = validateNomenclatureEntry(draft as unknown as NomenclatureEntry);
    return { value: value as unknown as Record<string, unknown>, errors };
  },
  async commissions(draft) {
    const { value, errors } = validateCommission(draft as unknown as CommissionDraft);
    return { value: value as unknown as Record<string, unknown>, errors };
  },
};

/** How a record is named in messages: "ONG-ul „Speranța”". */
function named(descriptor: TableDescriptor, record: Record<string, unknown>): string {
  return `${descriptor.subject} ${descriptor.describe(record)}`;
}

async function refusePermission(client: pg.ClientBase, descriptor: TableDescriptor, login: string): Promise<never> {
  const { rows } = await client.query<{ writers: string[] }>('SELECT writers FROM replicated_tables WHERE name = $1', [descriptor.name]);
  const writers = [...(rows[0]?.writers ?? []), 'admin'].map((g) => GROUP_LABELS[g] ?? g);
  throw new CommandError(
    'permission',
    `Permisiune refuzată: contul „${login}” nu are dreptul să modifice ${descriptor.nouns[1]}. Le modifică ${writers.join(' sau ')}.`,
  );
}

/** Live rows of other tables that point at this record (src/backup/schema.ts references). */
async function dependants(client: pg.ClientBase, table: string, id: string): Promise<{ descriptor: TableDescriptor; count: number }[]> {
  const found: { descriptor: TableDescriptor; count: number }[] = [];
  for (const descriptor of TABLE_DESCRIPTORS) {
    if (descriptor.isAppendOnly) continue;
    for (const ref of descriptor.references) {
      if (ref.table !== table) continue;
      const jsonPath = '$.' + ref.path.split('.').map((p) => (p.endsWith('[]') ? `${p.slice(0, -2)}[*]` : p)).join('.') + ' ? (@ == $id)';
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${quoteIdent(descriptor.name)} WHERE NOT deleted AND id <> $2 AND jsonb_path_exists(record, $1::jsonpath, jsonb_build_object('id', $2::text))`,
        [jsonPath, id],
      );
      const n = Number(rows[0]?.n ?? 0);
      if (n > 0) found.push({ descriptor, count: n });
    }
  }
  return found;
}

async function checkReferences(client: pg.ClientBase, descriptor: TableDescriptor, record: Record<string, unknown>): Promise<void> {
  const errors: FieldErrors = {};
  for (const ref of descriptor.references) {
    const ids = [...new Set(valuesAt(record, ref.path).filter((v) => !ref.external?.includes(v)))];
    if (ids.length === 0) continue;
    const target = TABLE_BY_NAME.get(ref.table);
    if (!target) continue;
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM ${quoteIdent(ref.table)} WHERE id = ANY($1::text[]) AND NOT deleted`, [ids]);
    const present = new Set(rows.map((r) => r.id));
    const missing = ids.filter((i) => !present.has(i));
    if (missing.length > 0) errors[ref.path] = `Trimite la ${target.nouns[missing.length === 1 ? 0 : 1]} care nu există pe server (${missing.join(', ')}).`;
  }
  if (Object.keys(errors).length > 0) throw new CommandError('validation', 'Înregistrarea trimite la date care nu există. Corectați câmpurile marcate.', { fields: errors });
}

function conflict(descriptor: TableDescriptor, current: ServerRow): CommandError {
  const verb = descriptor.gender === 'f' ? 'modificată' : 'modificat';
  return new CommandError(
    'conflict',
    `${named(descriptor, current.record)} a fost ${verb} între timp de „${current.modifiedBy}” (versiunea ${current.version}). Reîncărcați fișa și refaceți modificarea; datele introduse de dumneavoastră nu au fost salvate.`,
    { current },
  );
}

/**
 * Runs one command in one transaction as the signed-in login (the client's connection): the write
 * lock, the version check, the validation from src/, the references, then the write; the triggers
 * add the change sequence, the author and the audit entry in the same transaction. Answers the
 * stored row, or throws a CommandError with a Romanian reason.
 */
export async function runCommand(client: pg.ClientBase, command: Command, now: string = new Date().toISOString()): Promise<ServerRow> {
  const [row] = await runCommands(client, [command], now);
  return row!;
}

/**
 * Runs a batch of commands (one repository transaction of a workstation) in ONE transaction: all
 * are stored or none. A refusal names the operation at fault (`details.index`, counted from 0).
 */
export async function runCommands(client: pg.ClientBase, commands: readonly Command[], now: string = new Date().toISOString()): Promise<ServerRow[]> {
  if (!Array.isArray(commands) || commands.length === 0) throw new CommandError('validation', 'Comanda nu conține nicio operație.');
  if (commands.length > 5000) throw new CommandError('validation', 'O comandă poate conține cel mult 5000 de operații.');
  // Checked before the transaction opens: a malformed op costs no round trip.
  const descriptors = commands.map((command) => checkShape(command));
  await client.query('BEGIN');
  const stored: ServerRow[] = [];
  let index = 0;
  try {
    for (; index < commands.length; index++) stored.push(await applyCommand(client, commands[index]!, descriptors[index]!, now));
    await client.query('COMMIT');
    return stored;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const translated = await translate(error, client, descriptors[index] ?? descriptors[0]!);
    if (translated instanceof CommandError && commands.length > 1) {
      throw new CommandError(translated.kind, translated.message, { ...translated.details, index });
    }
    throw translated;
  }
}

function checkShape(command: Command): TableDescriptor {
  if (!command || typeof command !== 'object') throw new CommandError('validation', 'Comanda nu conține înregistrarea.');
  const descriptor = TABLE_BY_NAME.get(command.table);
  if (!descriptor || descriptor.isAppendOnly) throw new CommandError('domain', `Tabelul „${String(command.table)}” nu se poate modifica prin comenzi.`);
  if (command.operation !== 'put' && command.operation !== 'delete') throw new CommandError('domain', `Operația „${String(command.operation)}” nu există (put sau delete).`);
  const input = command.record;
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new CommandError('validation', 'Comanda nu conține înregistrarea.');
  const forbidden = findForbiddenKey(input);
  if (forbidden) throw new CommandError('validation', `Câmpul „${forbidden}” nu este permis.`);
  const keyField = descriptor.key;
  const id = input[keyField] ?? (keyField === 'id' && command.operation === 'put' ? 'new' : undefined);
  if (typeof id !== 'string' || id === '') throw new CommandError('validation', `Înregistrarea nu are cheia „${keyField}”.`);
  const expected = command.expectedVersion ?? 0;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new CommandError('validation', 'Versiunea așteptată (expectedVersion) trebuie să fie un număr întreg ≥ 0.');
  return descriptor;
}

/** One write inside the open transaction (runCommands): the checks, then the row; the triggers stamp and audit it. */
async function applyCommand(client: pg.ClientBase, command: Command, descriptor: TableDescriptor, now: string): Promise<ServerRow> {
  const input = command.record;
  const table = descriptor.name;
  const keyField = descriptor.key;
  const id = typeof input[keyField] === 'string' ? (input[keyField] as string) : newId(); // checkShape: absent only for a new record keyed by id
  const expected = command.expectedVersion ?? 0;
  {
    // A previous op of the batch may have named its own record for the audit trigger.
    await client.query(`SELECT set_config('subventii.audit_label', '', true)`);
    const { rows: who } = await client.query<{ login: string; may: boolean }>(`SELECT session_user AS login, has_table_privilege($1, 'INSERT, UPDATE') AS may`, [quoteIdent(table)]);
    const login = who[0]?.login ?? '?';
    if (!who[0]?.may) await refusePermission(client, descriptor, login);
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const current = await readRow(client, table, id, true);
    if (current?.deleted) {
      throw new CommandError('conflict', `${named(descriptor, current.record)} a fost ${descriptor.gender === 'f' ? 'ștearsă' : 'șters'} între timp de „${current.modifiedBy}”.`, { current });
    }
    if (current && current.version !== expected) throw conflict(descriptor, current);
    if (!current && expected > 0) throw new CommandError('conflict', `${descriptor.subject} nu există pe server (a fost trimisă o modificare a versiunii ${expected}).`);

    let stored: ServerRow;
    if (command.operation === 'delete') {
      if (!current) throw new CommandError('domain', `${descriptor.subject} nu există pe server.`);
      const users = await dependants(client, table, id);
      if (users.length > 0) {
        const list = users.map((u) => `${u.count} ${u.descriptor.nouns[u.count === 1 ? 0 : 1]}`).join(', ');
        throw new CommandError('domain', `${named(descriptor, current.record)} nu se poate șterge: ${descriptor.gender === 'f' ? 'o' : 'îl'} folosesc ${list}.${descriptor.archiveHint ? ` ${descriptor.archiveHint}` : ''}`, { current });
      }
      const version = current.version + 1;
      const record = 'version' in current.record ? { ...current.record, version } : current.record;
      await client.query(`SELECT set_config('subventii.audit_label', $1, true)`, [descriptor.describe(current.record)]);
      const { rows } = await client.query(
        `UPDATE ${quoteIdent(table)} SET deleted = true, version = $2, record = $3 WHERE id = $1 RETURNING id, version, deleted, server_seq, modified_by, record`,
        [id, version, record],
      );
      stored = toRow(table, rows[0]);
    } else {
      const hasEntity = 'version' in descriptor.fields && descriptor.fields['version']?.optional !== true;
      const draft = withoutKeys(input, [...ENTITY_KEYS, ...DERIVED_KEYS]);
      if (keyField !== 'id') draft[keyField] = id;
      const validator = VALIDATORS[table];
      let value = draft;
      if (validator) {
        const result = await validator(draft, client, id);
        if (Object.keys(result.errors).length > 0) throw new CommandError('validation', 'Datele introduse conțin erori. Corectați câmpurile marcate.', { fields: result.errors });
        value = { ...draft, ...result.value };
      }
      if (keyField !== 'id' && value[keyField] !== id) {
        throw new CommandError('validation', 'Datele introduse conțin erori. Corectați câmpurile marcate.', { fields: { [keyField]: `Cheia se scrie „${String(value[keyField])}” (forma curățată), nu „${id}”.` } });
      }
      const version = current ? current.version + 1 : 1;
      const record: Record<string, unknown> = hasEntity
        ? { ...value, id, createdAt: current?.record['createdAt'] ?? now, updatedAt: now, version }
        : 'version' in descriptor.fields
          ? { ...value, version }
          : value;
      const problem = rowProblem(descriptor, record);
      if (problem) throw new CommandError('validation', `${descriptor.subject} nu respectă structura datelor: ${problem}.`);
      await checkReferences(client, descriptor, record);
      if (current && diffRecords(withoutKeys(current.record, DERIVED_KEYS), record).length === 0) return current;
      // A number the server gives on insert is not known yet: the trigger names those records itself.
      if (current || !NUMBERED_TABLES.has(table)) await client.query(`SELECT set_config('subventii.audit_label', $1, true)`, [descriptor.describe(record)]);
      const sql = current
        ? `UPDATE ${quoteIdent(table)} SET version = $2, record = $3 WHERE id = $1 RETURNING id, version, deleted, server_seq, modified_by, record`
        : `INSERT INTO ${quoteIdent(table)} (id, version, record, server_seq, modified_by, modified_at) VALUES ($1, $2, $3, 0, '', now()) RETURNING id, version, deleted, server_seq, modified_by, record`;
      const { rows } = await client.query(sql, [id, version, record]);
      stored = toRow(table, rows[0]);
    }
    return stored;
  }
}

/** A PostgreSQL refusal in the user's words (privilege, unique value, a rule enforced by trigger). */
async function translate(error: unknown, client: pg.ClientBase, descriptor: TableDescriptor): Promise<unknown> {
  if (error instanceof CommandError) return error;
  const pgError = error as { code?: string; message?: string; constraint?: string };
  switch (pgError.code) {
    case '42501': {
      const { rows } = await client.query<{ login: string }>('SELECT session_user AS login').catch(() => ({ rows: [] as { login: string }[] }));
      return refusePermission(client, descriptor, rows[0]?.login ?? '?').catch((e: unknown) => e);
    }
    case '23505':
      if (pgError.constraint === 'organizations_cui_unique') return new CommandError('validation', 'Datele introduse conțin erori. Corectați câmpurile marcate.', { fields: { cui: 'CUI-ul aparține deja altui ONG din catalog (adăugat între timp).' } });
      if (pgError.constraint === 'payments_key_unique') return new CommandError('domain', 'Plata a fost deja înregistrată (același rând din exportul contabilității).');
      return new CommandError('domain', `${descriptor.subject} are o valoare care trebuie să fie unică și există deja pe server (${pgError.constraint ?? ''}).`);
    case '40P01': // a deadlock with a direct SQL writer: PostgreSQL cancelled this one, nothing was written
    case '40001':
      return new CommandError('conflict', `Modificarea s-a suprapus cu o alta făcută în același moment și nu a fost salvată. Reîncărcați fișa și încercați din nou.`);
    case 'SV409':
      return new CommandError('conflict', pgError.message ?? 'Înregistrarea a fost modificată între timp.');
    case 'SV403':
    case 'SV422':
    case 'SV423':
      return new CommandError('domain', pgError.message ?? 'Modificarea a fost refuzată de server.');
    default:
      return error;
  }
}
