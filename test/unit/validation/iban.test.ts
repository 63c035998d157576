import { describe, expect, it } from 'vitest';
import { formatIban, ibanBankCode, ibanWithCheckDigits, normalizeIban, validateIban } from '../../../src/validation/iban';

const ISO_EXAMPLE = 'RO49AAAA1B31007593840000';

function messageOf(input: string | null | undefined): string {
  const result = validateIban(input);
  if (result.ok) throw new Error(`expected „${input}” to be refused`);
  return result.message;
}

describe('validateIban', () => {
  it('accepts the ISO 13616 Romanian example', () => {
    expect(validateIban(ISO_EXAMPLE)).toEqual({ ok: true, value: ISO_EXAMPLE });
  });

  it.each(['RO49 AAAA 1B31 0075 9384 0000', 'ro49aaaa1b31007593840000', '  ro49 aaaa 1b31 0075 9384 0000 ', 'RO49-AAAA-1B31-0075-9384-0000'])(
    'accepts „%s” and stores it upper-case without separators',
    (input) => {
      expect(validateIban(input)).toEqual({ ok: true, value: ISO_EXAMPLE });
    },
  );

  it('refuses wrong check digits', () => {
    expect(messageOf('RO48AAAA1B31007593840000')).toBe('IBAN-ul „RO48AAAA1B31007593840000” are cifrele de control greșite.');
  });

  it('refuses a mistyped character (the check digits catch it)', () => {
    expect(messageOf('RO49AAAA1B31007593840001')).toMatch(/cifrele de control greșite/);
  });

  it('refuses a wrong length and says how many characters it has', () => {
    expect(messageOf('RO49AAAA1B3100759384000')).toBe('IBAN-ul „RO49AAAA1B3100759384000” are 23 caractere; un IBAN românesc are 24.');
    expect(messageOf('RO49AAAA1B310075938400000')).toMatch(/are 25 caractere/);
  });

  it('refuses a foreign IBAN, even a valid one', () => {
    expect(messageOf('DE89370400440532013000')).toBe('IBAN-ul „DE89370400440532013000” nu este un cont din România (trebuie să înceapă cu „RO”).');
  });

  it('refuses a bank code that is not four letters', () => {
    expect(messageOf('RO491AAA1B31007593840000')).toMatch(/nu are forma RO \+ 2 cifre \+ codul băncii/);
  });

  it('says the IBAN is required when empty', () => {
    expect(messageOf('')).toBe('IBAN-ul este obligatoriu.');
    expect(messageOf(undefined)).toBe('IBAN-ul este obligatoriu.');
  });

  it('accepts a State Treasury (TREZ) account built with ibanWithCheckDigits', () => {
    const iban = ibanWithCheckDigits('TREZ', '2165069XXX001234');
    expect(iban).toMatch(/^RO\d{2}TREZ2165069XXX001234$/);
    expect(validateIban(iban)).toEqual({ ok: true, value: iban });
    expect(ibanBankCode(iban)).toBe('TREZ');
  });
});

describe('ibanWithCheckDigits', () => {
  it('reproduces the check digits of the ISO example', () => {
    expect(ibanWithCheckDigits('AAAA', '1B31007593840000')).toBe(ISO_EXAMPLE);
  });

  it('upper-cases the bank code and account', () => {
    expect(ibanWithCheckDigits('aaaa', '1b31007593840000')).toBe(ISO_EXAMPLE);
  });

  it('pads check digits below 10 with a zero', () => {
    // Search a few account numbers until one gives single-digit check digits.
    let found: string | undefined;
    for (let i = 0; i < 1000 && !found; i++) {
      const iban = ibanWithCheckDigits('BTRL', String(i).padStart(16, '0'));
      if (iban.slice(2, 4).startsWith('0')) found = iban;
    }
    expect(found).toBeDefined();
    expect(validateIban(found).ok).toBe(true);
  });

  it.each(['BTRL', 'RNCB', 'BRDE', 'INGB', 'RZBR', 'CECE'])('gives valid IBANs for %s', (bank) => {
    expect(validateIban(ibanWithCheckDigits(bank, '0001234567890123')).ok).toBe(true);
  });
});

describe('ibanBankCode, normalizeIban, formatIban', () => {
  it('reads the bank code from a written IBAN', () => {
    expect(ibanBankCode('ro49 aaaa 1b31 0075 9384 0000')).toBe('AAAA');
  });

  it('normalises spaces, dashes and case', () => {
    expect(normalizeIban(' ro49 aaaa-1b31 ')).toBe('RO49AAAA1B31');
  });

  it('groups by four for display, without a trailing space', () => {
    expect(formatIban(ISO_EXAMPLE)).toBe('RO49 AAAA 1B31 0075 9384 0000');
    expect(formatIban('ro49aaaa1b31007593840000')).toBe('RO49 AAAA 1B31 0075 9384 0000');
  });
});
