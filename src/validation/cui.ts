import { invalid, valid, type Validation } from './result';

// Cod de identificare fiscală: 2–10 digits, the last a check digit over the others
// left-padded to 9 digits with the key 753217532: (Σ dᵢ·kᵢ × 10) mod 11, 10 → 0.
const CUI_KEY = [7, 5, 3, 2, 1, 7, 5, 3, 2];

export function cuiCheckDigit(body: string): number {
  const padded = body.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(padded[i]) * (CUI_KEY[i] ?? 0);
  const check = (sum * 10) % 11;
  return check === 10 ? 0 : check;
}

/** Digits of a CUI written as "RO 18547290", "ro18547290" or "18 547 290". */
export function normalizeCui(input: string): string {
  return input.replace(/\s+/g, '').replace(/^RO/i, '');
}

/** Validates a CUI/CIF; the value returned is the bare digits (without "RO"). */
export function validateCui(input: string | null | undefined): Validation<string> {
  const raw = (input ?? '').trim();
  if (raw === '') return invalid('CUI/CIF este obligatoriu.');
  const digits = normalizeCui(raw);
  if (!/^\d+$/.test(digits)) return invalid(`CUI/CIF „${raw}” poate conține doar cifre, eventual precedate de „RO”.`);
  if (digits.length < 2 || digits.length > 10) return invalid(`CUI/CIF „${raw}” trebuie să aibă între 2 și 10 cifre.`);
  if (digits.startsWith('0')) return invalid(`CUI/CIF „${raw}” nu poate începe cu 0.`);
  const expected = cuiCheckDigit(digits.slice(0, -1));
  if (Number(digits.at(-1)) !== expected) {
    return invalid(`CUI/CIF „${raw}” are cifra de control greșită (ar trebui să fie ${expected}).`);
  }
  return valid(digits);
}

/** Makes a valid CUI from a body of 1–9 digits (used by the demo data and tests). */
export function withCuiCheckDigit(body: string): string {
  return body + String(cuiCheckDigit(body));
}
