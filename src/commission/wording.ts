/**
 * Romanian counted nouns: "1 membru", "3 membri", "20 de membri", "101 membri". Numbers whose last
 * two digits are 00 (except 0 itself) or 20–99 take "de" before the noun (GOOL, numeralul).
 */
export function countOf(n: number, one: string, many: string): string {
  if (n === 1) return `1 ${one}`;
  const lastTwo = Math.abs(n) % 100;
  const takesDe = n !== 0 && (lastTwo === 0 || lastTwo >= 20);
  return `${n}${takesDe ? ' de' : ''} ${many}`;
}

/** „Asociația Șansa” — a name quoted the Romanian way. */
export function quoted(text: string): string {
  return `„${text}”`;
}
