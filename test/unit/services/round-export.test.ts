import { describe, expect, it, vi } from 'vitest';
import { loadDemoBase } from '../../../renderer/db/demo';
import { exportRoundRequestsXlsx } from '../../../renderer/services/exports';
import { freshStore } from '../db/helpers';

describe("the round's XLSX list", () => {
  it('is written from the round\'s NGOs and units read by id, not the whole catalog and register', async () => {
    const store = await freshStore();
    // The base set: the round being evaluated is what this test needs (not last year's finished one).
  await loadDemoBase(store.db, '2026-11-23');
    const round = (await store.rounds.list()).find((r) => r.status === 'in_evaluare')!;
    const saved: { suggestedName: string; data: Uint8Array }[] = [];
    vi.stubGlobal('window', { subventii: { saveFile: async (input: { suggestedName: string; data: Uint8Array }) => (saved.push(input), { saved: true }) } });
    const wholeCatalog = vi.spyOn(store.organizations, 'list');
    const wholeRegister = vi.spyOn(store.units, 'list');
    try {
      expect(await exportRoundRequestsXlsx(store, round.id)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(wholeCatalog).not.toHaveBeenCalled();
    expect(wholeRegister).not.toHaveBeenCalled();
    expect(saved[0]?.suggestedName).toMatch(/^cereri-runda-/);
    expect(saved[0]!.data.length).toBeGreaterThan(1000);
  });
});
