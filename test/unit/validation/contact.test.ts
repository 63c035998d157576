import { describe, expect, it } from 'vitest';
import { validateEmail, validatePhone, validatePostalCode } from '../../../src/validation/contact';

describe('validateEmail', () => {
  it('accepts an address and stores it trimmed and lower-case', () => {
    expect(validateEmail('  Contact@Asociatia-Exemplu.RO ')).toEqual({ ok: true, value: 'contact@asociatia-exemplu.ro' });
  });

  it('accepts sub-domains and plus addressing', () => {
    expect(validateEmail('ana.pop+subventii@mail.example.ro').ok).toBe(true);
  });

  it.each(['contact', 'contact@', '@example.ro', 'contact@example', 'contact@@example.ro', 'con tact@example.ro', 'contact@example..ro'])(
    'refuses „%s” with a Romanian message',
    (input) => {
      const result = validateEmail(input);
      expect(result).toEqual({ ok: false, message: `„${input}” nu este o adresă de e-mail validă.` });
    },
  );

  it('refuses an address longer than 254 characters', () => {
    expect(validateEmail(`${'a'.repeat(250)}@example.ro`).ok).toBe(false);
  });

  it('says the address is missing when empty', () => {
    expect(validateEmail('  ')).toEqual({ ok: false, message: 'Adresa de e-mail lipsește.' });
  });
});

describe('validatePhone', () => {
  it.each([
    ['+40 740 123 456', '0740 123 456'],
    ['+40740123456', '0740 123 456'],
    ['0040 740 123 456', '0740 123 456'],
    ['0740.123.456', '0740 123 456'],
    ['0264-123456', '0264 123 456'],
    ['(0264) 595 123', '0264 595 123'],
    ['0264/595123', '0264 595 123'],
    ['0364 401 234', '0364 401 234'],
    ['021 312 3456', '021 312 3456'],
    ['0213123456', '021 312 3456'],
    ['+40 31 123 4567', '031 123 4567'],
  ])('accepts „%s” and stores it as „%s”', (input, stored) => {
    expect(validatePhone(input)).toEqual({ ok: true, value: stored });
  });

  it('refuses a number that is too short', () => {
    expect(validatePhone('0264 12345')).toEqual({
      ok: false,
      message: '„0264 12345” nu este un număr de telefon românesc (10 cifre, de ex. 0264 123 456).',
    });
  });

  it('refuses a number that is too long', () => {
    expect(validatePhone('0740 123 4567').ok).toBe(false);
  });

  it('refuses premium and toll-free 08xx/09xx numbers', () => {
    expect(validatePhone('0800 800 800').ok).toBe(false);
    expect(validatePhone('0900 123 456').ok).toBe(false);
  });

  it('refuses a foreign number', () => {
    expect(validatePhone('+36 1 234 5678').ok).toBe(false);
  });

  it('says the number is missing when empty', () => {
    expect(validatePhone('')).toEqual({ ok: false, message: 'Numărul de telefon lipsește.' });
  });
});

describe('validatePostalCode', () => {
  it('accepts six digits (Cluj-Napoca 400xxx, Florești 407280)', () => {
    expect(validatePostalCode('400001')).toEqual({ ok: true, value: '400001' });
    expect(validatePostalCode(' 407 280 ')).toEqual({ ok: true, value: '407280' });
  });

  it('refuses five or seven digits and letters', () => {
    expect(validatePostalCode('40001')).toEqual({ ok: false, message: 'Codul poștal „40001” trebuie să aibă 6 cifre.' });
    expect(validatePostalCode('4000011').ok).toBe(false);
    expect(validatePostalCode('4000O1').ok).toBe(false);
  });

  it('says the postal code is missing when empty', () => {
    expect(validatePostalCode('')).toEqual({ ok: false, message: 'Codul poștal lipsește.' });
  });
});
