import { describe, expect, it } from 'vitest';
import { applyRestore, exportBackupText, previewRestore } from '../../../renderer/db/backup';
import { loadDemoData } from '../../../renderer/db/demo';
import { DomainError } from '../../../src/errors';
import { emptyFundingRound } from '../../../src/rounds/funding-round';
import { freshStore, orgDraft, unitDraft } from './helpers';

async function populated() {
  const store = await freshStore();
  const org = await store.organizations.create(orgDraft());
  await store.units.create(unitDraft(org.id));
  await store.settings.saveInstitution({ ...(await store.settings.getInstitution()), headOfService: 'Maria Ionescu' });
  await store.rounds.create({ ...emptyFundingRound(2027), budget: 100_000_00 as never, submissionStart: '01.08.2026', submissionEnd: '30.09.2026' });
  return store;
}

describe('backup and restore', () => {
  it('round-trips the whole database through one file', async () => {
    const source = await populated();
    const text = await exportBackupText(source.db, '0.1.0');

    const target = await freshStore();
    await target.organizations.create(orgDraft({ cui: '4305857', name: 'Va fi înlocuit' }));
    const preview = await previewRestore(target.db, text);
    const orgPlan = preview.plan.find((p) => p.table === 'organizations');
    expect(orgPlan).toMatchObject({ added: 1, removed: 1, changed: 0 });
    expect(preview.plan.find((p) => p.table === 'audit')?.removed).toBe(0);

    await applyRestore(target.db, preview.file);
    expect(await target.organizations.list()).toEqual(await source.organizations.list());
    expect(await target.units.list()).toEqual(await source.units.list());
    expect(await target.rounds.list()).toEqual(await source.rounds.list());
    expect((await target.settings.getInstitution()).headOfService).toBe('Maria Ionescu');
    // Append-only audit: the target's own history is kept, the source's is merged in, the restore is logged.
    const actions = (await target.db.audit.toArray()).map((e) => e.action);
    expect(actions.filter((a) => a === 'creare').length).toBeGreaterThanOrEqual(3);
    expect(actions).toContain('restaurare');
  });

  it('refuses a file whose content was altered and leaves the data untouched', async () => {
    const source = await populated();
    const text = (await exportBackupText(source.db, '0.1.0')).replace('Speranța', 'Speranta');
    const target = await freshStore();
    await target.organizations.create(orgDraft({ cui: '4305857', name: 'Rămâne' }));
    await expect(previewRestore(target.db, text)).rejects.toThrow(/suma de control/);
    expect((await target.organizations.list()).map((o) => o.name)).toEqual(['Rămâne']);
  });

  it('refuses a foreign or broken file with a clear message', async () => {
    const target = await freshStore();
    await expect(previewRestore(target.db, 'nu este json')).rejects.toThrow(DomainError);
    await expect(previewRestore(target.db, '{"format":"alt-program","tables":{}}')).rejects.toThrow(/nu este o copie de siguranță/);
  });

  it('refuses a backup made by a newer schema', async () => {
    const source = await populated();
    const file = JSON.parse(await exportBackupText(source.db, '0.1.0'));
    file.schemaVersion = 99;
    const target = await freshStore();
    await expect(previewRestore(target.db, JSON.stringify(file))).rejects.toThrow(/mai nouă/);
  });

  it('carries the commission records: the demo commission, its members, grid and evaluation, and the requests', async () => {
    const source = await freshStore();
    await loadDemoData(source.db, '2026-11-23');
    const target = await freshStore();
    const preview = await previewRestore(target.db, await exportBackupText(source.db, '0.1.0'));
    for (const table of ['requests', 'commissions', 'commissionMembers', 'scoringGrids', 'roundEvaluations']) {
      expect(preview.plan.find((p) => p.table === table)?.added, table).toBeGreaterThan(0);
    }
    await applyRestore(target.db, preview.file);
    expect(await target.db.commissionMembers.toArray()).toEqual(await source.db.commissionMembers.toArray());
    expect(await target.db.roundEvaluations.toArray()).toEqual(await source.db.roundEvaluations.toArray());
  });
});
