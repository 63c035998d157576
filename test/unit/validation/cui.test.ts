import { describe, expect, it } from 'vitest';
import { cuiCheckDigit, normalizeCui, validateCui, withCuiCheckDigit } from '../../../src/validation/cui';

function messageOf(input: string | null | undefined): string {
  const result = validateCui(input);
  if (result.ok) throw new Error(`expected „${input}” to be refused`);
  return result.message;
}

describe('validateCui', () => {
  it('accepts the CUI of Municipiul Cluj-Napoca (4305857)', () => {
    expect(validateCui('4305857')).toEqual({ ok: true, value: '4305857' });
  });

  it('accepts 18547290, whose check sum gives 10 and therefore check digit 0', () => {
    expect(validateCui('18547290')).toEqual({ ok: true, value: '18547290' });
    expect(cuiCheckDigit('1854729')).toBe(0);
  });

  it('accepts 13548146', () => {
    expect(validateCui('13548146')).toEqual({ ok: true, value: '13548146' });
  });

  it('refuses 18547291 and names the check digit it should have, in Romanian', () => {
    expect(messageOf('18547291')).toBe('CUI/CIF „18547291” are cifra de control greșită (ar trebui să fie 0).');
  });

  it.each(['RO 18547290', 'ro18547290', 'RO18547290', ' 18 547 290 ', 'Ro 1854 7290'])('accepts „%s” and keeps only the digits', (input) => {
    expect(validateCui(input)).toEqual({ ok: true, value: '18547290' });
  });

  it('refuses a CUI with a leading zero', () => {
    expect(messageOf('04305857')).toBe('CUI/CIF „04305857” nu poate începe cu 0.');
  });

  it('refuses letters other than the RO prefix', () => {
    expect(messageOf('1854A290')).toBe('CUI/CIF „1854A290” poate conține doar cifre, eventual precedate de „RO”.');
    expect(messageOf('RO')).toMatch(/poate conține doar cifre/);
    expect(messageOf('DE18547290')).toMatch(/poate conține doar cifre/);
  });

  it('refuses a single digit', () => {
    expect(messageOf('7')).toBe('CUI/CIF „7” trebuie să aibă între 2 și 10 cifre.');
  });

  it('refuses 11 digits but accepts a valid 10-digit CUI', () => {
    expect(messageOf('12345678901')).toBe('CUI/CIF „12345678901” trebuie să aibă între 2 și 10 cifre.');
    expect(validateCui(withCuiCheckDigit('123456789'))).toEqual({ ok: true, value: withCuiCheckDigit('123456789') });
  });

  it('accepts the shortest valid CUI, two digits', () => {
    const two = withCuiCheckDigit('5');
    expect(two).toHaveLength(2);
    expect(validateCui(two).ok).toBe(true);
  });

  it.each([[''], ['   '], [null], [undefined]])('says the CUI is required for %j', (input) => {
    expect(messageOf(input)).toBe('CUI/CIF este obligatoriu.');
  });
});

describe('normalizeCui and withCuiCheckDigit', () => {
  it('strips RO and spaces', () => {
    expect(normalizeCui('RO 4305 857')).toBe('4305857');
  });

  it('rebuilds the known valid CUIs from their bodies', () => {
    expect(withCuiCheckDigit('430585')).toBe('4305857');
    expect(withCuiCheckDigit('1854729')).toBe('18547290');
    expect(withCuiCheckDigit('1354814')).toBe('13548146');
  });

  it('every other last digit than the computed one is refused', () => {
    for (let d = 0; d <= 9; d++) {
      const cui = `1354814${d}`;
      expect(validateCui(cui).ok, cui).toBe(d === 6);
    }
  });
});
