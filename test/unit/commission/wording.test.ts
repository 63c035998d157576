import { describe, expect, it } from 'vitest';
import { countOf } from '../../../src/commission/wording';

describe('countOf', () => {
  it('counts with "de" where Romanian needs it, and groups thousands the ro-RO way', () => {
    expect(countOf(1, 'beneficiar', 'beneficiari')).toBe('1 beneficiar');
    expect(countOf(19, 'beneficiar', 'beneficiari')).toBe('19 beneficiari');
    expect(countOf(25, 'beneficiar', 'beneficiari')).toBe('25 de beneficiari');
    expect(countOf(2645, 'beneficiar', 'beneficiari')).toBe('2.645 de beneficiari');
    expect(countOf(1005, 'beneficiar', 'beneficiari')).toBe('1.005 beneficiari');
  });
});
