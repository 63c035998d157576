import { describe, expect, it } from 'vitest';
import { validateCui } from '../../../src/validation/cui';
import { validateIban } from '../../../src/validation/iban';
import { validateCnp } from '../../../src/validation/cnp';
import { formatLei, formatInteger } from '../../../src/money';

describe('smoke', () => {
  it('accepts the CUI of Municipiul Cluj-Napoca and rejects a wrong check digit', () => {
    expect(validateCui('4305857')).toEqual({ ok: true, value: '4305857' });
    expect(validateCui('RO 18547290').ok).toBe(true);
    expect(validateCui('18547291').ok).toBe(false);
  });
  it('IBAN and CNP', () => {
    expect(validateIban('RO49 AAAA 1B31 0075 9384 0000').ok).toBe(true);
    expect(validateIban('RO49AAAA1B31007593840001').ok).toBe(false);
    expect(validateCnp('1630615123457').ok).toBe(true);
    expect(validateCnp('1630615123458').ok).toBe(false);
    expect(validateCnp('1632215123457').ok).toBe(false);
  });
  it('formats lei', () => {
    expect(formatLei(153712000 as never)).toBe('1.537.120,00 lei');
    expect(formatInteger(2000)).toBe('2.000');
  });
});
