import { formatInteger } from '../money';

/**
 * Romanian counted nouns with grouped thousands: "1 rând", "2 rânduri", "20 de rânduri",
 * "20.000 de rânduri", "101 rânduri" (last two digits 00 or 20–99 take "de", except 0).
 */
export function countOf(n: number, one: string, many: string): string {
  if (n === 1) return `1 ${one}`;
  const lastTwo = Math.abs(n) % 100;
  const takesDe = n !== 0 && (lastTwo === 0 || lastTwo >= 20);
  return `${formatInteger(n)}${takesDe ? ' de' : ''} ${many}`;
}

/** "1 rând gol", "2 rânduri goale", "20 de rânduri goale". */
export const emptyRows = (n: number): string => countOf(n, 'rând gol', 'rânduri goale');
