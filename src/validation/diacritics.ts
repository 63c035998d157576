// Romanian uses ș ț with a comma below (U+0219, U+021B); older files carry the cedilla forms ş ţ.

const CEDILLA_TO_COMMA: Record<string, string> = {
  '\u015F': '\u0219', // ş → ș
  '\u0163': '\u021B', // ţ → ț
  '\u015E': '\u0218', // Ş → Ș
  '\u0162': '\u021A', // Ţ → Ț
};

/** Replaces the cedilla forms ş ţ Ş Ţ with the correct comma-below ș ț Ș Ț (also when decomposed). */
export function normalizeDiacritics(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u015F\u0163\u015E\u0162]/g, (ch) => CEDILLA_TO_COMMA[ch] ?? ch)
    .replace(/([sStT])\u0327/g, (_m, base: string) => ({ s: '\u0219', S: '\u0218', t: '\u021B', T: '\u021A' })[base] ?? base);
}

/** Collapses runs of white space (including non-breaking spaces and tabs) to one space and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/[\s\u00A0\u2007\u202F]+/g, ' ').trim();
}

// Text that is already clean: printable ASCII, precomposed Latin letters (NFC-stable), comma-below
// ș ț, Romanian quotes and dashes, single inner spaces. Imports clean hundreds of thousands of cells,
// so such text skips the Unicode normalisation.
const ALREADY_CLEAN = /^(?! )(?!.* $)(?!.* {2})[\x20-\x7E\u00C0-\u015D\u0160-\u0161\u0164-\u017F\u0218-\u021B\u201C-\u201E\u2013\u2014]*$/;

/** What every free-text field goes through before it is stored. */
export function cleanText(text: string | null | undefined): string {
  const value = text ?? '';
  if (ALREADY_CLEAN.test(value)) return value;
  return normalizeWhitespace(normalizeDiacritics(value));
}

/** Like cleanText, but keeps line breaks (for notes and lists typed one item per line). */
export function cleanMultiline(text: string | null | undefined): string {
  return (text ?? '')
    .split(/\r?\n/)
    .map(cleanText)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A key for case- and diacritics-insensitive matching: "Asociația Șansa" and "asociatia sansa"
 * give the same key.
 */
export function searchKey(text: string | null | undefined): string {
  return normalizeWhitespace(
    (text ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // Without its diacritics Romanian text is plain Latin: toLowerCase gives what the ro-RO
      // locale would, several times faster (the key is built for every row searched or compared).
      .toLowerCase(),
  );
}
