import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { CommandError, runCommand, type ServerRow } from '../../server/commands';
import { createTestDatabase, noPostgres, type Login, type TestDatabase } from './helpers';
import { insertRaw, organizationDraft } from './fixtures';

async function refusal(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CommandError)) throw new Error(`expected a CommandError, got ${String(error)}`);
  return error;
}

async function sqlError(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error('expected PostgreSQL to refuse');
  return error as { code?: string; message: string };
}

describe.skipIf(noPostgres)('server records: privileges, audit, rules', () => {
  let db: TestDatabase;
  let secretariat: Login, finance: Login, monitoring: Login, admin: Login;
  let sec: pg.Client, fin: pg.Client, mon: pg.Client, adm: pg.Client, owner: pg.Client;

  const auditCount = async (entityId?: string) =>
    Number((await owner.query('SELECT count(*) AS n FROM audit WHERE $1::text IS NULL OR entity_id = $1', [entityId ?? null])).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('records');
    await db.migrate();
    [secretariat, finance, monitoring, admin] = await Promise.all([db.createLogin('secretariat'), db.createLogin('finance'), db.createLogin('monitoring'), db.createLogin('admin')]);
    [sec, fin, mon, adm, owner] = await Promise.all([db.connect(secretariat), db.connect(finance), db.connect(monitoring), db.connect(admin), db.connect(db.owner)]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('stores an NGO validated by src/, stamped by the server, with its audit entry authored by the login', async () => {
    const draft = organizationDraft({ name: 'Fundaţia  Casa Luminii' });
    const row = await runCommand(sec, { table: 'organizations', operation: 'put', record: draft });
    expect(row.version).toBe(1);
    expect(row.modifiedBy).toBe(secretariat.login);
    expect(row.serverSeq).toBeGreaterThan(0);
    expect(row.record['name']).toBe('Fundația Casa Luminii'); // cleaned by validateOrganization (ș ț, spaces)
    expect(row.record['version']).toBe(1);
    const { rows } = await owner.query('SELECT author, action, label, changes, server_seq FROM audit WHERE entity = $1 AND entity_id = $2', ['organizations', row.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].author).toBe(secretariat.login);
    expect(rows[0].action).toBe('creare');
    expect(rows[0].label).toBe('„Fundația Casa Luminii”');
    expect(rows[0].changes).toContainEqual({ field: 'name', after: 'Fundația Casa Luminii' });
    expect(Number(rows[0].server_seq)).toBeGreaterThan(row.serverSeq);

    const updated = await runCommand(sec, { table: 'organizations', operation: 'put', record: { ...row.record, phone: '0264 596 941' }, expectedVersion: 1 });
    expect(updated.version).toBe(2);
    expect(updated.record['createdAt']).toBe(row.record['createdAt']);
    const { rows: changes } = await owner.query(`SELECT changes FROM audit WHERE entity_id = $1 AND action = 'modificare'`, [row.id]);
    expect(changes[0].changes).toEqual([{ field: 'phone', before: '', after: '0264 596 941' }]);
  });

  it('refuses invalid data with the Romanian message of the field, writing nothing', async () => {
    const before = await auditCount();
    const error = await refusal(runCommand(sec, { table: 'organizations', operation: 'put', record: organizationDraft({ cui: '18547291' }) }));
    expect(error.kind).toBe('validation');
    expect(error.details.fields?.['cui']).toMatch(/CUI/);
    expect(await auditCount()).toBe(before);
    const shape = await refusal(runCommand(sec, { table: 'rounds', operation: 'put', record: { law: 'legea_34_1998', year: 'două mii' } }));
    expect(shape.kind).toBe('validation');
  });

  it('runs the validators of src/ the local repositories use, table by table', async () => {
    const day = await runCommand(sec, { table: 'nonWorkingDays', operation: 'put', record: { date: '24.12.2026', name: 'Zi  liberă pentru personalul bugetar', source: 'HG 1/2026' } });
    expect(day.record).toMatchObject({ date: '2026-12-24', name: 'Zi liberă pentru personalul bugetar' });
    const noName = await refusal(runCommand(sec, { table: 'nonWorkingDays', operation: 'put', record: { date: '2026-12-24', name: '', source: 'HG 1/2026' } }));
    expect(noName.details.fields?.['name']).toMatch(/^Denumirea zilei nelucrătoare este obligatorie/);
    const evaluation = await refusal(runCommand(sec, { table: 'roundEvaluations', operation: 'put', record: { roundId: '', commissionId: '' } }));
    expect(evaluation.details.fields).toMatchObject({ roundId: 'Alegeți runda.', commissionId: 'Alegeți comisia care evaluează runda.' });
    const grid = await refusal(runCommand(sec, { table: 'scoringGrids', operation: 'put', record: { name: ' ', law: 'legea_34_1998', criteria: [] } }));
    expect(grid.kind).toBe('validation');
    expect(Object.keys(grid.details.fields ?? {})).toContain('name');
  });

  it('finance cannot write an NGO: the service says why, and PostgreSQL refuses it anyway', async () => {
    const before = await auditCount();
    const error = await refusal(runCommand(fin, { table: 'organizations', operation: 'put', record: organizationDraft() }));
    expect(error.kind).toBe('permission');
    expect(error.message).toContain(`contul „${finance.login}” nu are dreptul să modifice ONG-uri`);
    expect(error.message).toContain('secretariatul comisiei');
    const direct = await sqlError(insertRaw(fin, 'organizations', { id: 'x-fin', ...organizationDraft() }));
    expect(direct.code).toBe('42501');
    expect(await auditCount()).toBe(before);
  });

  it('monitoring cannot change a payment; finance can', async () => {
    await insertRaw(fin, 'payments', { id: 'pay-1', key: 'OP-1', amount: 100 });
    const error = await refusal(runCommand(mon, { table: 'payments', operation: 'put', record: { id: 'pay-1', key: 'OP-1', amount: 1 }, expectedVersion: 1 }));
    expect(error.kind).toBe('permission');
    expect(error.message).toContain('serviciul financiar');
    expect((await sqlError(mon.query(`UPDATE payments SET version = 2, record = record || '{"amount": 1}' WHERE id = 'pay-1'`))).code).toBe('42501');
    expect((await sqlError(sec.query(`UPDATE payments SET version = 2 WHERE id = 'pay-1'`))).code).toBe('42501');
    await fin.query(`UPDATE payments SET version = 2, record = record || '{"amount": 90, "version": 2}' WHERE id = 'pay-1'`);
    expect((await owner.query(`SELECT record ->> 'amount' AS a, modified_by FROM payments WHERE id = 'pay-1'`)).rows[0]).toEqual({ a: '90', modified_by: finance.login });
    // Nobody deletes rows: deletions are tombstones.
    expect((await sqlError(adm.query(`DELETE FROM payments WHERE id = 'pay-1'`))).code).toBe('42501');
  });

  it('the audit log is insert-only for every role, the owner included', async () => {
    await runCommand(sec, { table: 'organizations', operation: 'put', record: organizationDraft() });
    const before = await auditCount();
    for (const client of [sec, fin, mon, adm, owner, db.superuser]) {
      for (const sql of ['UPDATE audit SET label = $$x$$', 'DELETE FROM audit', 'TRUNCATE audit']) {
        const error = await sqlError(client.query(sql));
        expect(['42501', 'SV403'], `${sql}: ${error.message}`).toContain(error.code);
      }
    }
    // The owner and the superuser pass the privileges: the triggers refuse them, in Romanian.
    expect((await sqlError(owner.query('DELETE FROM audit'))).message).toContain('doar se completează');
    expect((await sqlError(db.superuser.query('TRUNCATE audit'))).code).toBe('SV403');
    // Nor may a staff login write entries of its own.
    expect((await sqlError(sec.query(`INSERT INTO audit (entity, entity_id, label, action, changes) VALUES ('x', 'x', 'x', 'creare', '[]')`))).code).toBe('42501');
    expect(await auditCount()).toBe(before);
  });

  it('writes the audit entry in the same transaction: invisible to others until commit, gone with a rollback', async () => {
    const row = await runCommand(sec, { table: 'organizations', operation: 'put', record: organizationDraft() });
    const entries = await auditCount(row.id);
    await sec.query('BEGIN');
    await sec.query(`UPDATE organizations SET version = 2, record = record || '{"notes": "în lucru", "version": 2}' WHERE id = $1`, [row.id]);
    expect(Number((await sec.query('SELECT count(*) AS n FROM audit WHERE entity_id = $1', [row.id])).rows[0].n)).toBe(entries + 1);
    expect(await auditCount(row.id)).toBe(entries);
    await sec.query('ROLLBACK');
    expect(await auditCount(row.id)).toBe(entries);
    // A command refused half-way (a stale version) leaves no entry either.
    const error = await refusal(runCommand(sec, { table: 'organizations', operation: 'put', record: { ...row.record, notes: 'x' }, expectedVersion: 7 }));
    expect(error.kind).toBe('conflict');
    expect(await auditCount(row.id)).toBe(entries);
  });

  it('answers a stale version with the conflict and the server’s current record', async () => {
    const row = await runCommand(sec, { table: 'organizations', operation: 'put', record: organizationDraft({ name: 'Asociația Pași' }) });
    await runCommand(adm, { table: 'organizations', operation: 'put', record: { ...row.record, phone: '0740123456' }, expectedVersion: 1 });
    const error = await refusal(runCommand(sec, { table: 'organizations', operation: 'put', record: { ...row.record, notes: 'de verificat' }, expectedVersion: 1 }));
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain(`ONG-ul „Asociația Pași” a fost modificat între timp de „${admin.login}” (versiunea 2)`);
    expect((error.details.current as ServerRow).record['phone']).toBe('0740 123 456');
    // Even a direct UPDATE cannot go back in versions.
    expect((await sqlError(sec.query(`UPDATE organizations SET version = 2 WHERE id = $1`, [row.id]))).code).toBe('SV409');
  });

  it('deletes as a tombstone, refused while other records point at the record', async () => {
    const org = await runCommand(sec, { table: 'organizations', operation: 'put', record: organizationDraft() });
    const unit = await insertRaw(sec, 'units', { id: `unit-${org.id}`, organizationId: org.id, name: 'Centrul de zi Pași' });
    const error = await refusal(runCommand(sec, { table: 'organizations', operation: 'delete', record: org.record, expectedVersion: 1 }));
    expect(error.kind).toBe('domain');
    expect(error.message).toMatch(/nu se poate șterge: îl folosesc 1 unitate licențiată\. Marcați ONG-ul ca „Radiat”/);
    await sec.query(`UPDATE units SET version = 2, deleted = true, record = record || '{"version": 2}' WHERE id = $1`, [unit['id']]);
    const gone = await runCommand(sec, { table: 'organizations', operation: 'delete', record: org.record, expectedVersion: 1 });
    expect(gone).toMatchObject({ deleted: true, version: 2 });
    expect((await owner.query(`SELECT action, changes FROM audit WHERE entity_id = $1 ORDER BY server_seq DESC LIMIT 1`, [org.id])).rows[0].action).toBe('stergere');
    // The CUI is free again for a new NGO; the tombstone stays.
    const again = await runCommand(sec, { table: 'organizations', operation: 'put', record: organizationDraft({ cui: String(org.record['cui']) }) });
    expect(again.id).not.toBe(org.id);
    expect((await refusal(runCommand(sec, { table: 'organizations', operation: 'put', record: org.record, expectedVersion: 2 }))).kind).toBe('conflict');
  });

  it('keeps an issued document as issued: only the mark of the document that replaces it may be added', async () => {
    const doc = await insertRaw(sec, 'issuedDocuments', { id: 'doc-1', numberSource: 'secventa', year: 2026, sequence: 0, number: '', issuedOn: '2026-03-02', title: 'Notificare' });
    expect(doc).toMatchObject({ sequence: 1, number: '1' });
    const changed = await sqlError(sec.query(`UPDATE "issuedDocuments" SET version = 2, record = record || '{"title": "Altceva", "version": 2}' WHERE id = 'doc-1'`));
    expect(changed.code).toBe('SV423');
    expect(changed.message).toContain('Documentul emis nr. 1 din 2026-03-02 nu se mai modifică');
    await sec.query(`UPDATE "issuedDocuments" SET version = 2, record = record || '{"replacedById": "doc-2", "version": 2}' WHERE id = 'doc-1'`);
    expect((await sqlError(sec.query(`UPDATE "issuedDocuments" SET version = 3, record = record || '{"replacedById": "doc-3", "version": 3}' WHERE id = 'doc-1'`))).code).toBe('SV423');
    await insertRaw(sec, 'documentFiles', { id: 'file-1', dataBase64: 'AAAA' });
    expect((await sqlError(adm.query(`UPDATE "documentFiles" SET version = 2, record = '{"id": "file-1", "dataBase64": "BBBB"}' WHERE id = 'file-1'`))).code).toBe('SV423');
  });
});

describe.skipIf(noPostgres)('server records: the results lock', () => {
  let db: TestDatabase;
  let sec: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('lock');
    await db.migrate();
    sec = await db.connect(await db.createLogin('secretariat'));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('refuses score sheets, evaluation sessions and the evaluation’s settings of a round with final results, until reopened with a reason', async () => {
    const lock = { isLocked: false, reopenings: [] as unknown[] };
    await insertRaw(sec, 'roundEvaluations', { id: 'ev-1', roundId: 'round-1', gridId: 'grid-1', lock });
    await insertRaw(sec, 'scoreSheets', { id: 'sheet-1', roundId: 'round-1', total: 80 });
    await insertRaw(sec, 'commissionSessions', { id: 'sess-1', roundId: 'round-1', kind: 'evaluare' });
    const locked = { isLocked: true, lockedAt: '2026-05-04T09:30:00.000Z', lockedBy: 'Ana Pop', reopenings: [] };
    await sec.query(`UPDATE "roundEvaluations" SET version = 2, record = record || jsonb_build_object('lock', $1::jsonb, 'version', 2) WHERE id = 'ev-1'`, [locked]);

    const sheet = await sqlError(sec.query(`UPDATE "scoreSheets" SET version = 2, record = record || '{"total": 95, "version": 2}' WHERE id = 'sheet-1'`));
    expect(sheet.code).toBe('SV423');
    expect(sheet.message).toBe('Rezultatele rundei sunt finale (blocate la 04.05.2026 12:30 de Ana Pop): nu se mai pot modifica punctajele. Redeschideți-le, cu motivul consemnat, dacă este nevoie.');
    expect((await sqlError(insertRaw(sec, 'scoreSheets', { id: 'sheet-2', roundId: 'round-1' }))).code).toBe('SV423');
    expect((await sqlError(insertRaw(sec, 'recusals', { id: 'rec-1', sessionId: 'sess-1' }))).code).toBe('SV423');
    expect((await sqlError(sec.query(`UPDATE "roundEvaluations" SET version = 3, record = record || '{"gridId": "grid-2", "version": 3}' WHERE id = 'ev-1'`))).code).toBe('SV423');
    // Another round is not affected.
    await insertRaw(sec, 'scoreSheets', { id: 'sheet-3', roundId: 'round-2' });
    // Lifting the lock without a recorded reopening is refused; with one it is allowed, and sheets change again.
    expect((await sqlError(sec.query(`UPDATE "roundEvaluations" SET version = 3, record = record || '{"lock": {"isLocked": false, "reopenings": []}, "version": 3}' WHERE id = 'ev-1'`))).message).toContain('doar cu motivul consemnat');
    const reopened = { isLocked: false, reopenings: [{ reason: 'Contestație admisă', by: 'Ana Pop', at: '2026-05-10T08:00:00.000Z' }] };
    await sec.query(`UPDATE "roundEvaluations" SET version = 3, record = record || jsonb_build_object('lock', $1::jsonb, 'version', 3) WHERE id = 'ev-1'`, [reopened]);
    await sec.query(`UPDATE "scoreSheets" SET version = 2, record = record || '{"total": 95, "version": 2}' WHERE id = 'sheet-1'`);
  });
});
