import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors';
import { assertUnlocked, lockResults, reopenResults, UNLOCKED } from '../../../src/commission/round-lock';

describe('final results are locked', () => {
  it('lets changes through before the results are final', () => {
    expect(() => assertUnlocked(UNLOCKED)).not.toThrow();
  });

  it('refuses changes once final, saying who locked them and how to reopen', () => {
    const locked = lockResults(UNLOCKED, 'Gabriela Pascu', '2026-10-30T12:00:00.000Z');
    expect(locked.isLocked).toBe(true);
    expect(() => assertUnlocked(locked, 'modifica punctajele')).toThrow(DomainError);
    expect(() => assertUnlocked(locked, 'modifica punctajele')).toThrow(
      /blocate la 30\.10\.2026, \d\d:00 de Gabriela Pascu\): nu se mai pot modifica punctajele\. Redeschideți-le, cu motivul consemnat/,
    );
  });

  it('refuses to make results final while issues are pending', () => {
    expect(() =>
      lockResults(UNLOCKED, 'Gabriela Pascu', '2026-10-30T12:00:00.000Z', ['egalitate nedecisă între cererile 2/2026, 5/2026 (punctaj 85,00)']),
    ).toThrow('Rezultatele nu pot deveni finale: egalitate nedecisă între cererile 2/2026, 5/2026 (punctaj 85,00).');
  });

  it('reopens only with a reason, and keeps every reopening', () => {
    const locked = lockResults(UNLOCKED, 'Gabriela Pascu', '2026-10-30T12:00:00.000Z');
    const noReason = reopenResults(locked, { reason: '   ', by: 'Gabriela Pascu', at: '2026-11-02T09:00:00.000Z' });
    expect(noReason.ok).toBe(false);
    expect(!noReason.ok && noReason.errors.reason).toBe('Motivul redeschiderii este obligatoriu.');
    const reopened = reopenResults(locked, { reason: 'Contestație admisă pentru cererea 5/2026', by: 'Gabriela Pascu', at: '2026-11-02T09:00:00.000Z' });
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    expect(reopened.value.isLocked).toBe(false);
    expect(reopened.value.reopenings).toEqual([{ reason: 'Contestație admisă pentru cererea 5/2026', by: 'Gabriela Pascu', at: '2026-11-02T09:00:00.000Z' }]);
    expect(() => assertUnlocked(reopened.value)).not.toThrow();
    const lockedAgain = lockResults(reopened.value, 'Gabriela Pascu', '2026-11-05T12:00:00.000Z');
    expect(lockedAgain.reopenings).toHaveLength(1);
  });
});
