import { isValidIsoDate } from './dates';
import { invalid, valid, type Validation } from './result';

// Cod numeric personal: S AA LL ZZ JJ NNN C, check key 279146358279, Σ mod 11, 10 → 1.
const CNP_KEY = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
// S: 1/2 born 1900–1999, 3/4 1800–1899, 5/6 2000–2099; 7/8 foreign residents and 9 foreigners,
// whose century the CNP does not say (either 19xx or 20xx is accepted).
const CENTURIES: Record<string, readonly number[]> = { '1': [1900], '2': [1900], '3': [1800], '4': [1800], '5': [2000], '6': [2000], '7': [1900, 2000], '8': [1900, 2000], '9': [1900, 2000] };

/** JJ: 01–46 (counties, Bucharest 40 and its sectors 41–46), 47–48 (former sectors 7 and 8), 51 Călărași, 52 Giurgiu, 70. */
function isCountyCode(code: number): boolean {
  return (code >= 1 && code <= 48) || code === 51 || code === 52 || code === 70;
}

export function cnpCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (CNP_KEY[i] ?? 0);
  const rest = sum % 11;
  return rest === 10 ? 1 : rest;
}

export function validateCnp(input: string | null | undefined): Validation<string> {
  const cnp = (input ?? '').replace(/\s+/g, '');
  if (cnp === '') return invalid('CNP-ul este obligatoriu.');
  if (!/^\d{13}$/.test(cnp)) return invalid('CNP-ul trebuie să aibă exact 13 cifre.');
  const centuries = CENTURIES[cnp[0] ?? ''];
  if (centuries === undefined) return invalid('CNP-ul are prima cifră (sexul și secolul) greșită.');
  const birthDates = centuries.map((century) => `${century + Number(cnp.slice(1, 3))}-${cnp.slice(3, 5)}-${cnp.slice(5, 7)}`);
  if (!birthDates.some(isValidIsoDate)) return invalid('CNP-ul conține o dată de naștere care nu există.');
  if (!isCountyCode(Number(cnp.slice(7, 9)))) return invalid('CNP-ul are codul de județ greșit.');
  if (cnp.slice(9, 12) === '000') return invalid('CNP-ul are numărul de ordine greșit (000).');
  if (Number(cnp[12]) !== cnpCheckDigit(cnp.slice(0, 12))) return invalid('CNP-ul are cifra de control greșită.');
  return valid(cnp);
}

/** Shows only the last four digits: "•••••••••3457" (GDPR: personal data). */
export function maskCnp(cnp: string): string {
  return cnp.length === 13 ? `${'•'.repeat(9)}${cnp.slice(9)}` : '•'.repeat(cnp.length);
}

// 13 digits not part of a longer number (an IBAN, a phone list), optionally in groups "1 630615 123457".
const CNP_CANDIDATE = /(?<![\d])\d(?:[ .-]?\d){12}(?![\d])/g;

/** Every valid CNP typed into a free text (notes, addresses): where it is and the masked form. */
export function findCnps(text: string | null | undefined): { index: number; text: string; masked: string }[] {
  const found: { index: number; text: string; masked: string }[] = [];
  for (const match of (text ?? '').matchAll(CNP_CANDIDATE)) {
    const digits = match[0].replace(/[ .-]/g, '');
    if (validateCnp(digits).ok) found.push({ index: match.index, text: match[0], masked: maskCnp(digits) });
  }
  return found;
}

/** The field warning for a free text holding a CNP, or undefined. */
export function cnpWarning(text: string | null | undefined): string | undefined {
  const count = findCnps(text).length;
  if (count === 0) return undefined;
  return `${count === 1 ? 'Textul pare să conțină un CNP' : `Textul pare să conțină ${count} CNP-uri`} (date personale). Nu scrieți CNP-uri în acest câmp; în documente, exporturi și căutare el apare mascat.`;
}

/** The text with every CNP masked to its last four digits: for exports and search text. */
export function maskCnpsInText(text: string): string {
  const found = findCnps(text);
  if (found.length === 0) return text;
  let out = '';
  let last = 0;
  for (const f of found) {
    out += text.slice(last, f.index) + f.masked;
    last = f.index + f.text.length;
  }
  return out + text.slice(last);
}
