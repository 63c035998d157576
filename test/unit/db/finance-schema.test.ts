import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, createDatabase, openDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';

describe('schema version 8', () => {
  it('opens a version-7 database with its issued documents, finds them by convention and adds the finance tables', async () => {
    const name = `migration-v7-${Math.random().toString(36).slice(2)}`;
    const v7 = createDatabase(name, 7);
    await v7.open();
    await v7.table('issuedDocuments').add({ id: 'd1', year: 2027, kind: 'notificare_rezultat', fileId: 'f1' });
    v7.close();
    const current = await openDatabase(name);
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(await current.issuedDocuments.get('d1')).toMatchObject({ kind: 'notificare_rezultat' });
    await current.issuedDocuments.update('d1', { conventionId: 'c1' });
    expect(await current.issuedDocuments.where('conventionId').equals('c1').count()).toBe(1);
    expect(await current.conventions.count()).toBe(0);
    current.close();
  });

  it('records an exported payment row once: a second row with the same key is refused by the index', async () => {
    const db = createDatabase(`payments-${Math.random().toString(36).slice(2)}`);
    await db.open();
    const row = { id: 'p1', key: '2027-02-10|OP 12|ORD 7|RO123|100000', settlementId: 's', conventionId: 'c', importId: 'i' };
    await db.table('payments').add(row);
    await expect(db.table('payments').add({ ...row, id: 'p2' })).rejects.toThrow(/ConstraintError|unique/i);
    expect(await db.table('payments').count()).toBe(1);
    db.close();
  });

  it('carries every finance table in the backup', () => {
    expect(BACKUP_TABLES).toEqual(expect.arrayContaining(['conventions', 'conventionAmendments', 'instalments', 'budgetCommitments', 'settlements', 'payments', 'paymentImports', 'recoveries']));
  });
});
