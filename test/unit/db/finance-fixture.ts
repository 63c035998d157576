import type { DbStore } from '../../../renderer/db/store';
import type { Convention } from '../../../src/conventions/convention';
import { bani } from '../../../src/money';
import { MONTHLY_LEVEL_PREFIX } from '../../../src/requests/parameter-rules';
import type { Month } from '../../../src/requests/subsidy-request';
import type { ExpenseLine, MonthlySettlement } from '../../../src/settlements/monthly-settlement';
import { convention, org, unit1, unit2 } from '../conventions/fixtures';

/**
 * A store holding the provider and its units (register), the level of 600 lei in force for 2025 and
 * the fixture convention nr. 12 (25 beneficiaries, 15.000 lei a month, personnel 150.000 lei, food
 * 40.000 lei), inserted straight into the table as the conventions repository would store it.
 */
export async function financeStore(store: DbStore, overrides: Partial<Convention> = {}): Promise<Convention> {
  await store.db.organizations.add({ ...org, searchText: '' });
  await store.db.units.bulkAdd([{ ...unit1, searchText: '' }, { ...unit2, searchText: '' }]);
  await store.parameters.save({ key: `${MONTHLY_LEVEL_PREFIX}centre_de_zi`, validFrom: '01.01.2025', value: '600', source: { act: 'HCL 818/2024 (valoare de test)' } });
  const c = { ...convention(), ...overrides };
  await store.db.conventions.add(c);
  return c;
}

let lineCounter = 0;
/** A paid expense line of unit 1 in the given month. */
export function line(month: Month, lei: number, overrides: Partial<ExpenseLine> = {}): ExpenseLine {
  lineCounter += 1;
  const mm = String(month).padStart(2, '0');
  return {
    id: `l${lineCounter}`, unitId: unit1.id, category: 'personal', documentType: 'stat_plata', documentNumber: `SP-${mm}-${lineCounter}`, documentDate: `2025-${mm}-20`,
    supplier: 'Asociația Exemplu 1', amount: bani(lei * 100), proof: { kind: 'ordin_plata', number: `OP ${lineCounter}`, date: `2025-${mm}-25` }, ...overrides,
  };
}

/** A month entered, submitted and verified: 25 beneficiaries and the given lines. */
export async function verifiedMonth(store: DbStore, c: Convention, month: Month, lines: ExpenseLine[], served = 25): Promise<MonthlySettlement> {
  let s = await store.settlements.createDraft(c.id, month);
  s = await store.settlements.editSettlement(s.id, { beneficiaries: [{ unitId: unit1.id, count: served }], expenses: lines }, s.version);
  const next = month === 12 ? '2026-01-05' : `2025-${String(month + 1).padStart(2, '0')}-05`;
  s = await store.settlements.submitSettlement(s.id, { on: next }, s.version);
  return store.settlements.verifySettlement(s.id, s.version);
}
