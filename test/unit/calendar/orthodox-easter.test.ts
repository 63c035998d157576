import { describe, expect, it } from 'vitest';
import { orthodoxEasterSunday } from '../../../src/calendar/orthodox-easter';

describe('Orthodox Easter (Meeus Julian algorithm + 13 days)', () => {
  it.each([
    [2010, '2010-04-04'],
    [2017, '2017-04-16'],
    [2020, '2020-04-19'],
    [2023, '2023-04-16'],
    [2024, '2024-05-05'],
    [2025, '2025-04-20'],
    [2026, '2026-04-12'],
    [2027, '2027-05-02'],
  ])('falls in %i on %s', (year, expected) => {
    expect(orthodoxEasterSunday(year)).toBe(expected);
  });

  it('is always a Sunday in 1900–2099', () => {
    for (let year = 1900; year <= 2099; year++) {
      expect(new Date(`${orthodoxEasterSunday(year)}T00:00:00Z`).getUTCDay(), String(year)).toBe(0);
    }
  });

  it('refuses years outside 1900–2099, where the Julian offset is not 13 days', () => {
    expect(() => orthodoxEasterSunday(1899)).toThrow(/1900–2099/);
    expect(() => orthodoxEasterSunday(2100)).toThrow(/1900–2099/);
    expect(() => orthodoxEasterSunday(2026.5)).toThrow(RangeError);
  });
});
