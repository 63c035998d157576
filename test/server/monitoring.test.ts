import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { CommandError, runCommand } from '../../server/commands';
import { emptyVisit } from '../../src/monitoring/visit';
import { createTestDatabase, noPostgres, type Login, type TestDatabase } from './helpers';
import { insertRaw } from './fixtures';

async function refusal(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof CommandError)) throw new Error(`expected a CommandError, got ${String(error)}`);
  return error;
}

describe.skipIf(noPostgres)('server: monitoring privileges (schema 5)', () => {
  let db: TestDatabase;
  let finance: Login, monitoring: Login;
  let fin: pg.Client, mon: pg.Client, adm: pg.Client, owner: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('monitoring');
    await db.migrate();
    let admin: Login;
    [finance, monitoring, admin] = await Promise.all([db.createLogin('finance'), db.createLogin('monitoring'), db.createLogin('admin')]);
    [fin, mon, adm, owner] = await Promise.all([db.connect(finance), db.connect(monitoring), db.connect(admin), db.connect(db.owner)]);
    await insertRaw(owner, 'units', { id: 'u1', name: 'Centrul de zi' });
    await insertRaw(owner, 'conventions', { id: 'c1', number: '12', units: [{ unitId: 'u1' }] });
    await insertRaw(owner, 'payments', { id: 'pay-1', key: 'OP-1', amount: 100 });
  });
  afterAll(async () => {
    await db?.drop();
  });

  const visit = () => ({ ...emptyVisit({ conventionId: 'c1', unitId: 'u1', plannedDate: '2026-05-10', team: [{ name: 'Ana  Pop', role: 'inspector de specialitate' }] }) });

  it('monitoring writes a visit (validated by src/, audited with its login); finance cannot', async () => {
    const row = await runCommand(mon, { table: 'visits', operation: 'put', record: visit() });
    expect(row.modifiedBy).toBe(monitoring.login);
    expect(row.record['team']).toEqual([{ name: 'Ana Pop', role: 'inspector de specialitate' }]);
    const { rows } = await owner.query('SELECT author, action FROM audit WHERE entity = $1 AND entity_id = $2', ['visits', row.id]);
    expect(rows).toEqual([{ author: monitoring.login, action: 'creare' }]);
    const error = await refusal(runCommand(fin, { table: 'visits', operation: 'put', record: visit() }));
    expect(error.kind).toBe('permission');
    // The wire's validation is src/'s: a member without a function (or a team of names, the shape before schema 6) is refused.
    const roleless = await refusal(runCommand(mon, { table: 'visits', operation: 'put', record: { ...visit(), team: [{ name: 'Ion Rus', role: ' ' }] } }));
    expect(roleless.details.fields?.['team']).toMatch(/^Indicați funcția lui Ion Rus/);
    const names = await refusal(runCommand(mon, { table: 'visits', operation: 'put', record: { ...visit(), team: ['Ion Rus'] } }));
    expect(names.details.fields?.['team']).toBe('Fiecare membru al echipei de monitorizare are un nume și o funcție.');
    expect(error.message).toContain(`contul „${finance.login}” nu are dreptul să modifice vizite de monitorizare`);
    const invalid = await refusal(runCommand(mon, { table: 'visits', operation: 'put', record: { ...visit(), status: 'efectuata' } }));
    expect(invalid.details.fields?.['actualDate']).toBe('O vizită efectuată are data efectuării.');
  });

  it('monitoring cannot change a payment', async () => {
    const error = await refusal(runCommand(mon, { table: 'payments', operation: 'put', record: { id: 'pay-1', key: 'OP-1', amount: 1 }, expectedVersion: 1 }));
    expect(error.kind).toBe('permission');
    const sql = await mon.query(`UPDATE payments SET version = 2 WHERE id = 'pay-1'`).then(() => undefined, (e: { code?: string }) => e);
    expect(sql?.code).toBe('42501');
  });

  it('monitoring proposes a suspension; only admin records the decision', async () => {
    await insertRaw(owner, 'findings', { id: 'f1', visitId: 'x', text: 'grav' });
    const proposed = await runCommand(mon, { table: 'suspensions', operation: 'put', record: { id: 's1', conventionId: 'c1', findingId: 'f1', reason: 'Beneficiari inexistenți', proposedOn: '2026-05-12', proposedBy: 'Ana Pop' } });
    const decision = { number: '45', date: '2026-05-20', effectiveFrom: '2026-06-01' };
    const refused = await refusal(runCommand(mon, { table: 'suspensions', operation: 'put', record: { ...proposed.record, decision }, expectedVersion: 1 }));
    expect(refused.message).toMatch(/se înregistrează de administratorul aplicației/);
    const decided = await runCommand(adm, { table: 'suspensions', operation: 'put', record: { ...proposed.record, decision }, expectedVersion: 1 });
    expect(decided.record['decision']).toEqual(decision);
  });

  it('a visit whose report was issued keeps its answers', async () => {
    await insertRaw(owner, 'visits', { ...visit(), id: 'v-locked', status: 'efectuata', actualDate: '2026-05-11', reportDocumentIds: ['d1'], answers: [] });
    const error = await mon.query(`UPDATE visits SET version = 2, record = record || '{"version": 2, "answers": [{"key": "a#1", "result": "conform"}]}' WHERE id = 'v-locked'`).then(() => undefined, (e: { message: string }) => e);
    expect(error?.message).toMatch(/Raportul vizitei a fost emis/);
  });
});
