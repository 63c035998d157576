import { cleanText } from '../validation/diacritics';

/**
 * The genitive of a Romanian organisation's name, declined on its first word (the legal form):
 * "Asociația „Șansa”" → "Asociației „Șansa”", "Uniunea …" → "Uniunii …". Names that do not start
 * with a known noun are not declined (callers then write "depusă de X" instead of "a X").
 */
const GENITIVE_OF_FIRST_WORD: Record<string, string> = {
  asociația: 'asociației',
  fundația: 'fundației',
  federația: 'federației',
  confederația: 'confederației',
  uniunea: 'uniunii',
  organizația: 'organizației',
  alianța: 'alianței',
  liga: 'ligii',
  parohia: 'parohiei',
  episcopia: 'episcopiei',
  arhiepiscopia: 'arhiepiscopiei',
  mitropolia: 'mitropoliei',
  eparhia: 'eparhiei',
  biserica: 'bisericii',
  mănăstirea: 'mănăstirii',
  societatea: 'societății',
  comunitatea: 'comunității',
  filiala: 'filialei',
  centrul: 'centrului',
  institutul: 'institutului',
  direcția: 'direcției',
  primăria: 'primăriei',
  serviciul: 'serviciului',
  clubul: 'clubului',
};

const stripDiacritics = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');
/** The same nouns typed without diacritics ("Asociatia"): declined without them too ("Asociatiei"). */
const GENITIVE_WITHOUT_DIACRITICS: Record<string, string> = Object.fromEntries(
  Object.entries(GENITIVE_OF_FIRST_WORD).map(([word, genitive]) => [stripDiacritics(word), stripDiacritics(genitive)]),
);

/** The genitive of `name`, keeping its capitals (ASOCIAȚIA → ASOCIAȚIEI); null when the first word is not known. */
export function organizationGenitive(name: string): string | null {
  const clean = cleanText(name);
  const match = /^(\p{L}+)(.*)$/su.exec(clean);
  if (!match) return null;
  const [, first = '', rest = ''] = match;
  const lower = first.toLocaleLowerCase('ro-RO');
  const genitive = GENITIVE_OF_FIRST_WORD[lower] ?? (lower === stripDiacritics(lower) ? GENITIVE_WITHOUT_DIACRITICS[lower] : undefined);
  if (!genitive) return null;
  const isUpper = first === first.toLocaleUpperCase('ro-RO') && first.length > 1;
  const cased = isUpper ? genitive.toLocaleUpperCase('ro-RO') : first[0] === first[0]!.toLocaleUpperCase('ro-RO') ? genitive[0]!.toLocaleUpperCase('ro-RO') + genitive.slice(1) : genitive;
  return `${cased}${rest}`;
}

/**
 * "a Asociației „Șansa”" after a feminine noun separated from it ("Cererea nr. 12/2026 a …"), or,
 * for a name that cannot be declined, the phrase given (`otherwise`, e.g. "depusă de") and the name
 * as written: "Cererea nr. 12/2026 depusă de S.C. Alfa".
 */
export function ofOrganization(name: string, options: { article?: 'a' | 'al' | 'ai' | 'ale'; otherwise: string }): string {
  const genitive = organizationGenitive(name);
  return genitive ? `${options.article ?? 'a'} ${genitive}` : `${options.otherwise} ${cleanText(name)}`;
}
