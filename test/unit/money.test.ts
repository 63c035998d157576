import { describe, expect, it } from 'vitest';
import { bani, formatDecimal, formatInteger, formatLei, formatShownOf, leiToBani } from '../../src/money';

describe('formatLei', () => {
  it.each([
    [0, '0,00 lei'],
    [5, '0,05 lei'],
    [50, '0,50 lei'],
    [100, '1,00 lei'],
    [123400, '1.234,00 lei'],
    [123456, '1.234,56 lei'],
    [153712000, '1.537.120,00 lei'],
    [100000000000, '1.000.000.000,00 lei'],
  ])('writes %i bani as „%s”', (amount, text) => {
    expect(formatLei(bani(amount))).toBe(text);
  });

  it('writes negative amounts with a leading minus', () => {
    expect(formatLei(bani(-123456))).toBe('-1.234,56 lei');
    expect(formatLei(bani(-5))).toBe('-0,05 lei');
  });
});

describe('formatInteger', () => {
  it('groups thousands with a dot, also for four digits', () => {
    expect(formatInteger(2000)).toBe('2.000');
    expect(formatInteger(20000)).toBe('20.000');
    expect(formatInteger(1537120)).toBe('1.537.120');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(0)).toBe('0');
  });

  it('keeps the sign and rounds', () => {
    expect(formatInteger(-2000)).toBe('-2.000');
    expect(formatInteger(1999.6)).toBe('2.000');
  });
});

describe('formatDecimal', () => {
  it('uses a comma for decimals and dots for thousands', () => {
    expect(formatDecimal(12.5, 1)).toBe('12,5');
    expect(formatDecimal(1234.567)).toBe('1.234,57');
    expect(formatDecimal(20, 0)).toBe('20');
    expect(formatDecimal(-1234.5)).toBe('-1.234,50');
  });

  it('does not write „-0,00” for a tiny negative value that rounds to zero', () => {
    expect(formatDecimal(-0.001)).toBe('0,00');
    expect(formatDecimal(-0.4, 0)).toBe('0');
  });
});

describe('bani', () => {
  it('accepts integers, zero and negatives', () => {
    expect(bani(0)).toBe(0);
    expect(bani(-150)).toBe(-150);
    expect(bani(153712000)).toBe(153712000);
  });

  it.each([0.5, 1.01, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %s', (amount) => {
    expect(() => bani(amount)).toThrow(/Sumă în bani invalidă/);
  });
});

describe('leiToBani', () => {
  it('rounds away binary floating-point error: 0.1 + 0.2 lei is 30 bani', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(leiToBani(0.1 + 0.2)).toBe(30);
  });

  it('converts typical amounts exactly', () => {
    expect(leiToBani(1537120)).toBe(153712000);
    expect(leiToBani(19.99)).toBe(1999);
    expect(leiToBani(4.35)).toBe(435);
    expect(leiToBani(1.15)).toBe(115);
    expect(leiToBani(-12.34)).toBe(-1234);
  });

  it('refuses a value that is not a number', () => {
    expect(() => leiToBani(Number.NaN)).toThrow(/Sumă în bani invalidă/);
  });
});

describe('mulDiv, the integer a × b / c of the subsidy computation', () => {
  it('gives the BigInt result, floored, on both sides of the safe-integer range', async () => {
    const { mulDiv } = await import('../../src/requests/subsidy-computation');
    const cases: [number, number, number][] = [[12_345_678, 7, 12], [99_999_999_999, 9_000, 10_000], [2 ** 40 + 3, 2 ** 13 + 1, 7], [1, 1, 3], [0, 5, 12], [10_000_000_001, 11, 12]];
    for (const [a, b, c] of cases) expect(mulDiv(a, b, c), `${a}×${b}/${c}`).toBe(Number((BigInt(a) * BigInt(b)) / BigInt(c)));
  });

  it('formats amounts with a dot every three digits', () => {
    expect([0, 99, 100_000, 123_456_789, 100_000_000_000].map((b) => formatLei(b))).toEqual(['0,00 lei', '0,99 lei', '1.000,00 lei', '1.234.567,89 lei', '1.000.000.000,00 lei']);
  });
});

describe('formatShownOf', () => {
  it('groups both numbers of a list counter the ro-RO way', () => {
    expect(formatShownOf(2645, 20000, 'ONG-uri')).toBe('2.645 din 20.000 ONG-uri');
    expect(formatShownOf(0, 1_234_567, 'documente')).toBe('0 din 1.234.567 documente');
    expect(formatShownOf(12, 40, 'unități')).toBe('12 din 40 unități');
  });
});
