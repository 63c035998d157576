import { invalid, valid, type Validation } from './result';

export function validateEmail(input: string | null | undefined): Validation<string> {
  const email = (input ?? '').trim().toLowerCase();
  if (email === '') return invalid('Adresa de e-mail lipsește.');
  if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email) || email.length > 254) {
    return invalid(`„${input}” nu este o adresă de e-mail validă.`);
  }
  return valid(email);
}

/**
 * Romanian phone numbers: fixed (02x/03x) and mobile (07x), 10 digits, optionally written with
 * +40 / 0040 and spaces, dots or dashes. Stored as "0740 123 456" / "0264 123 456".
 */
export function validatePhone(input: string | null | undefined): Validation<string> {
  const raw = (input ?? '').trim();
  if (raw === '') return invalid('Numărul de telefon lipsește.');
  let digits = raw.replace(/[\s.\-()/]/g, '');
  if (digits.startsWith('+40')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('0040')) digits = '0' + digits.slice(4);
  if (!/^0[237]\d{8}$/.test(digits)) return invalid(`„${raw}” nu este un număr de telefon românesc (10 cifre, de ex. 0264 123 456).`);
  const formatted = digits.startsWith('07')
    ? `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`
    : digits.startsWith('021') || digits.startsWith('031')
      ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
      : `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  return valid(formatted);
}

/** Romanian postal codes have six digits (Cluj-Napoca: 400xxx). */
export function validatePostalCode(input: string | null | undefined): Validation<string> {
  const code = (input ?? '').replace(/\s+/g, '');
  if (code === '') return invalid('Codul poștal lipsește.');
  if (!/^\d{6}$/.test(code)) return invalid(`Codul poștal „${input}” trebuie să aibă 6 cifre.`);
  return valid(code);
}
