import { formatInteger } from '../money';
/**
 * Romanian counted nouns: "1 membru", "3 membri", "20 de membri", "101 membri". Numbers whose last
 * two digits are 00 (except 0 itself) or 20–99 take "de" before the noun (GOOL, numeralul).
 * The one helper every generated text counts with ("25 de beneficiari", "1 lună / 2 luni").
 */
export function countOf(n: number, one: string, many: string): string {
  if (n === 1) return `1 ${one}`;
  return `${formatInteger(n)}${takesDe(n) ? ' de' : ''} ${many}`;
}

/** Whether a numeral takes "de" before its noun: 20–99 and any number ending in 00 (GOOL, numeralul). */
export function takesDe(n: number): boolean {
  if (!Number.isInteger(n)) return false;
  const lastTwo = Math.abs(n) % 100;
  return n !== 0 && (lastTwo === 0 || lastTwo >= 20);
}

/** The inner quotes of a text to be quoted again: „…” and "…" become «…» (one style of nested quotes). */
export function innerQuotes(text: string): string {
  return text
    .replace(/„([^„”“"]*)[”“"]/gu, '«$1»')
    .replace(/"([^"]*)"/gu, '«$1»');
}

/** „Asociația Șansa” — a name quoted the Romanian way; quotes inside it become «…»: „Runda «Centre de zi» 2027”. */
export function quoted(text: string): string {
  return `„${innerQuotes(text)}”`;
}
