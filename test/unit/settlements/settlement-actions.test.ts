import { describe, expect, it } from 'vitest';
import { settlementActions } from '../../../src/settlements/settlement-actions';

describe('settlement actions', () => {
  it('a draft may be saved and submitted, not verified', () => {
    const a = settlementActions({ state: 'ciorna', month: 3 }, { suspensionReasons: [], lockedEarlierMonths: [1] });
    expect([a.edit.isEnabled, a.submit.isEnabled, a.verify.isEnabled, a.adjust.isEnabled]).toEqual([true, true, false, true]);
    expect(a.verify.reason).toMatch(/acțiunea cere starea „Depus”/);
  });

  it('a verified month is locked and cannot be approved while suspended, with the reason', () => {
    const a = settlementActions({ state: 'verificat', month: 3 }, { suspensionReasons: ['licența unității „X” a expirat la 15.03.2025'], lockedEarlierMonths: [] });
    expect(a.edit).toEqual({ isEnabled: false, reason: expect.stringMatching(/blocată/) });
    expect(a.approve).toEqual({ isEnabled: false, reason: 'Plata este suspendată: licența unității „X” a expirat la 15.03.2025.' });
    expect(settlementActions({ state: 'verificat', month: 3 }, { suspensionReasons: [], lockedEarlierMonths: [] }).approve.isEnabled).toBe(true);
  });

  it('a correction needs a verified earlier month', () => {
    expect(settlementActions({ state: 'ciorna', month: 1 }, { suspensionReasons: [], lockedEarlierMonths: [] }).adjust.reason).toMatch(/Nicio lună anterioară lui ianuarie/i);
  });
});
