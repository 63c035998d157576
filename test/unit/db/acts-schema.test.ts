import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, createDatabase, openDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';

describe('schema version 7', () => {
  it('opens a version-6 database with its evaluations and adds the tables of acts', async () => {
    const name = `migration-v6-${Math.random().toString(36).slice(2)}`;
    const v6 = createDatabase(name, 6);
    await v6.open();
    await v6.table('roundEvaluations').add({ id: 'e1', roundId: 'r1', commissionId: 'c', gridId: 'g' });
    v6.close();
    const current = await openDatabase(name);
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(await current.roundEvaluations.get('e1')).toMatchObject({ roundId: 'r1' });
    expect(await current.resultSnapshots.where('roundId').equals('r1').count()).toBe(0);
    expect(await current.issuedDocuments.count()).toBe(0);
    current.close();
  });

  it('carries the acts in the backup but not the safety copies of the database itself', () => {
    expect(BACKUP_TABLES).toEqual(expect.arrayContaining(['resultSnapshots', 'issuedDocuments', 'documentFiles', 'commissionDecisions']));
    expect(BACKUP_TABLES).not.toContain('safetyBackups');
  });
});
