/**
 * Money is an integer number of bani (1 leu = 100 bani) everywhere in the project; it is turned
 * into text only at the edge, by formatLei.
 */
export type Bani = number & { readonly __brand: 'bani' };

export function bani(amount: number): Bani {
  if (!Number.isSafeInteger(amount)) throw new Error(`Sumă în bani invalidă: ${amount}`);
  return amount as Bani;
}

export function leiToBani(lei: number): Bani {
  return bani(Math.round(lei * 100));
}

/** "1537120" → "1.537.120" (sliced, not a look-ahead regex: amounts are formatted by the thousand). */
function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += '.' + digits.slice(i, i + 3);
  return out;
}

/** "1.537.120,00 lei" — ro-RO: dot for thousands (also in four-digit amounts), comma for decimals. */
export function formatLei(amount: Bani | number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(Math.round(amount));
  return `${sign}${groupThousands(String(Math.floor(abs / 100)))},${String(abs % 100).padStart(2, '0')} lei`;
}

/** "20.000" */
export function formatInteger(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + groupThousands(String(Math.abs(Math.round(value))));
}

/**
 * A list's counter, "2.645 din 20.000 ONG-uri": how many are shown of how many there are, both
 * with ro-RO thousands grouping (the one formatter every screen's counter uses).
 */
export function formatShownOf(shown: number, total: number, noun: string): string {
  return `${formatInteger(shown)} din ${formatInteger(total)} ${noun}`;
}

/** "12,5" — a decimal number with ro-RO separators. */
export function formatDecimal(value: number, fractionDigits = 2): string {
  const [int = '0', frac] = Math.abs(value).toFixed(fractionDigits).split('.');
  // A negative value that rounds to zero is written "0,00", not "-0,00".
  const sign = value < 0 && /[1-9]/.test(int + (frac ?? '')) ? '-' : '';
  return `${sign}${groupThousands(int)}${frac ? ',' + frac : ''}`;
}

/**
 * Reads an amount in lei as people type it: "1.537.120,00", "1537120,5", "1537120.50", "1 537 120".
 * Returns integer bani, or undefined when the text is not an amount.
 */
export function parseLei(text: string): Bani | undefined {
  const compact = text.replace(/\s|lei/gi, '');
  if (compact === '') return undefined;
  let normalised: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(compact)) normalised = compact.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(,\d{1,2})?$/.test(compact)) normalised = compact.replace(',', '.');
  else if (/^-?\d+(\.\d{1,2})?$/.test(compact)) normalised = compact;
  else return undefined;
  const [whole = '0', fraction = ''] = normalised.replace('-', '').split('.');
  const amount = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return bani(normalised.startsWith('-') ? -amount : amount);
}
