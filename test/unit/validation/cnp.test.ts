import { describe, expect, it } from 'vitest';
import { cnpCheckDigit, maskCnp, validateCnp } from '../../../src/validation/cnp';

/** Completes the first 12 digits with the right check digit. */
const withCheck = (first12: string): string => first12 + String(cnpCheckDigit(first12));

function messageOf(input: string | null | undefined): string {
  const result = validateCnp(input);
  if (result.ok) throw new Error(`expected „${input}” to be refused`);
  return result.message;
}

describe('validateCnp', () => {
  it('accepts 1630615123457 (man born 15.06.1963, Cluj)', () => {
    expect(validateCnp('1630615123457')).toEqual({ ok: true, value: '1630615123457' });
  });

  it('accepts a CNP written with spaces and returns the bare digits', () => {
    expect(validateCnp(' 1 630615 12 345 7 ')).toEqual({ ok: true, value: '1630615123457' });
  });

  it('refuses a wrong check digit (1630615123458)', () => {
    expect(messageOf('1630615123458')).toBe('CNP-ul are cifra de control greșită.');
  });

  it('refuses a birth date that does not exist (month 22: 1632215123457)', () => {
    expect(messageOf('1632215123457')).toBe('CNP-ul conține o dată de naștere care nu există.');
  });

  it('accepts 29 February in a leap year and refuses it otherwise', () => {
    expect(validateCnp(withCheck('284022912345')).ok).toBe(true); // 29.02.1984
    expect(messageOf(withCheck('283022912345'))).toMatch(/dată de naștere care nu există/); // 1983
    expect(validateCnp(withCheck('500022912345')).ok).toBe(true); // 29.02.2000 (divisible by 400)
    expect(messageOf(withCheck('100022912345'))).toMatch(/nu există/); // 1900 was not a leap year
  });

  it('reads century digits 5 and 6 as born in the 2000s', () => {
    expect(validateCnp(withCheck('504022912345')).ok).toBe(true); // 29.02.2004
    expect(validateCnp(withCheck('610123112345')).ok).toBe(true); // 31.12.2010
    expect(messageOf(withCheck('523022912345'))).toMatch(/nu există/); // 2023 not leap
  });

  it('reads century digits 3 and 4 as born in the 1800s', () => {
    expect(validateCnp(withCheck('396022912345')).ok).toBe(true); // 1896 leap
    expect(messageOf(withCheck('400022912345'))).toMatch(/nu există/); // 1800 not leap
  });

  it('refuses first digit 0', () => {
    expect(messageOf(withCheck('063061512345'))).toBe('CNP-ul are prima cifră (sexul și secolul) greșită.');
  });

  it('accepts a foreign resident (7/8) born 29.02.2000, whose century the CNP does not encode', () => {
    expect(validateCnp(withCheck('800022912345')).ok).toBe(true);
    expect(validateCnp(withCheck('784022912345')).ok).toBe(true);
    expect(messageOf(withCheck('701022912345'))).toMatch(/nu există/); // neither 1901 nor 2001 is leap
  });

  it('refuses county code 00', () => {
    expect(messageOf(withCheck('163061500345'))).toBe('CNP-ul are codul de județ greșit.');
  });

  it('accepts county codes 01–46, 51, 52 (Călărași, Giurgiu), the old Bucharest sectors 47, 48 and 70', () => {
    for (const county of ['01', '12', '40', '46', '47', '48', '51', '52', '70']) {
      expect(validateCnp(withCheck(`1630615${county}345`)).ok, county).toBe(true);
    }
  });

  it('refuses county codes that were never assigned: 49, 50, 53', () => {
    for (const county of ['49', '50', '53', '99']) {
      expect(messageOf(withCheck(`1630615${county}345`)), county).toBe('CNP-ul are codul de județ greșit.');
    }
  });

  it('refuses serial number 000 (NNN runs from 001 to 999)', () => {
    expect(messageOf(withCheck('163061512000'))).toBe('CNP-ul are numărul de ordine greșit (000).');
    expect(validateCnp(withCheck('163061512001')).ok).toBe(true);
  });

  it('refuses anything but 13 digits', () => {
    expect(messageOf('163061512345')).toBe('CNP-ul trebuie să aibă exact 13 cifre.');
    expect(messageOf('16306151234577')).toBe('CNP-ul trebuie să aibă exact 13 cifre.');
    expect(messageOf('163O615123457')).toBe('CNP-ul trebuie să aibă exact 13 cifre.');
  });

  it('says the CNP is required when empty', () => {
    expect(messageOf('')).toBe('CNP-ul este obligatoriu.');
    expect(messageOf(null)).toBe('CNP-ul este obligatoriu.');
  });
});

describe('cnpCheckDigit', () => {
  it('turns remainder 10 into 1', () => {
    // Find a body whose weighted sum leaves 10, then check the rule.
    const key = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
    let body: string | undefined;
    for (let n = 1; n < 1000 && !body; n++) {
      const candidate = `1630615${String(n).padStart(3, '0')}12`.slice(0, 12);
      const sum = [...candidate].reduce((s, d, i) => s + Number(d) * (key[i] ?? 0), 0);
      if (sum % 11 === 10) body = candidate;
    }
    expect(body).toBeDefined();
    expect(cnpCheckDigit(body!)).toBe(1);
  });
});

describe('maskCnp', () => {
  it('shows only the last four digits', () => {
    expect(maskCnp('1630615123457')).toBe('•••••••••3457');
  });

  it('masks every character of a value that is not 13 long', () => {
    expect(maskCnp('12345')).toBe('•••••');
    expect(maskCnp('')).toBe('');
  });
});
