import { invalid, valid, type Validation } from './result';

// ISO 13616: move the first four characters to the end, letters → 10..35, the number mod 97 must be 1.
function mod97(text: string): number {
  let remainder = 0;
  for (const ch of text) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export function normalizeIban(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** Validates a Romanian IBAN: RO + 2 check digits + 4-letter bank code + 16 alphanumerics. */
export function validateIban(input: string | null | undefined): Validation<string> {
  const raw = (input ?? '').trim();
  if (raw === '') return invalid('IBAN-ul este obligatoriu.');
  const iban = normalizeIban(raw);
  if (!iban.startsWith('RO')) return invalid(`IBAN-ul „${raw}” nu este un cont din România (trebuie să înceapă cu „RO”).`);
  if (iban.length !== 24) return invalid(`IBAN-ul „${raw}” are ${iban.length} caractere; un IBAN românesc are 24.`);
  if (!/^RO\d{2}[A-Z]{4}[A-Z0-9]{16}$/.test(iban)) {
    return invalid(`IBAN-ul „${raw}” nu are forma RO + 2 cifre + codul băncii (4 litere) + 16 caractere.`);
  }
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return invalid(`IBAN-ul „${raw}” are cifrele de control greșite.`);
  return valid(iban);
}

/** Computes the two check digits for a Romanian IBAN body (bank code + 16 characters). */
export function ibanWithCheckDigits(bankCode: string, account: string): string {
  const body = (bankCode + account).toUpperCase();
  const check = 98 - mod97(body + 'RO00');
  return `RO${String(check).padStart(2, '0')}${body}`;
}

/** The bank code of a Romanian IBAN ("TREZ" for the State Treasury). */
export function ibanBankCode(iban: string): string {
  return normalizeIban(iban).slice(4, 8);
}

/** "RO49 AAAA 1B31 0075 9384 0000" — groups of four for display. */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}
