import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../renderer/db/audit-log';
import { createDatabase, openDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';
import { ConflictError, ValidationError } from '../../../src/errors';
import { emptyFundingRound, type FundingRoundDraft } from '../../../src/rounds/funding-round';
import { freshStore } from './helpers';

const draft = (overrides: Partial<FundingRoundDraft> = {}): FundingRoundDraft => ({
  ...emptyFundingRound(2027),
  budget: 221_561_500 as FundingRoundDraft['budget'],
  submissionStart: '01.08.2026',
  submissionEnd: '30.09.2026',
  ...overrides,
});

describe('funding rounds storage', () => {
  it('creates a round with an audit entry and refuses an invalid one', async () => {
    const store = await freshStore();
    const round = await store.rounds.create(draft());
    expect(round).toMatchObject({ year: 2027, submissionEnd: '2026-09-30', version: 1 });
    expect((await auditFor(store.db, 'rounds', round.id)).map((e) => e.action)).toEqual(['creare']);
    await expect(store.rounds.create(draft({ submissionEnd: '31.02.2026' }))).rejects.toThrow(ValidationError);
    expect(await store.rounds.list()).toHaveLength(1);
  });

  it('refuses a second round with the name of another one (case, spacing and cedillas aside), audits nothing then, and lets a round keep its own name', async () => {
    const store = await freshStore();
    const round = await store.rounds.create(draft({ name: 'Subvenții Legea 34/1998 pentru anul 2027' }));
    const refused = await store.rounds.create(draft({ name: '  subvenţii legea 34/1998   pentru anul 2027' })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields.name).toBe('Există deja o rundă cu numele „Subvenții Legea 34/1998 pentru anul 2027”. Alegeți alt nume.');
    expect(await store.rounds.list()).toHaveLength(1);
    expect(await store.db.audit.count()).toBe(1);
    await expect(store.rounds.update(round.id, { ...draft({ name: round.name }), notes: 'Buget aprobat' }, 1)).resolves.toMatchObject({ version: 2 });
    const other = await store.rounds.create(draft({ year: 2028, name: 'Subvenții Legea 34/1998 pentru anul 2028' }));
    await expect(store.rounds.update(other.id, draft({ year: 2028, name: round.name }), 1)).rejects.toThrow(ValidationError);
  });

  it('logs the status change of a round and refuses a stale update', async () => {
    const store = await freshStore();
    const round = await store.rounds.create(draft());
    await store.rounds.update(round.id, { ...draft(), status: 'in_evaluare' }, 1);
    const [, change] = await auditFor(store.db, 'rounds', round.id);
    expect(change?.changes).toEqual([{ field: 'status', before: 'deschisa', after: 'in_evaluare' }]);
    await expect(store.rounds.update(round.id, { ...draft(), notes: 'x' }, 1)).rejects.toThrow(ConflictError);
  });

  it('a version-2 database gains the rounds table and keeps its data', async () => {
    const name = `rounds-migration-${Math.random().toString(36).slice(2)}`;
    const v2 = createDatabase(name, 2);
    await v2.open();
    await v2.table('organizations').add({ id: 'o1', name: 'Asociația Șansa', cui: '18547290', searchText: 'asociatia sansa' });
    v2.close();
    const db = await openDatabase(name);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.rounds.count()).toBe(0);
    expect((await db.organizations.get('o1'))?.name).toBe('Asociația Șansa');
    db.close();
  });
});
