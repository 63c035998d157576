// Splits a full Romanian address written in one cell ("Str. Memorandumului nr. 21, Cluj-Napoca,
// jud. Cluj, 400114") into the street with its number, the locality, the county and the postal
// code, where the parts can be recognised; what cannot be placed stays in the street.
import { cleanText, searchKey } from '../validation/diacritics';

export interface AddressParts {
  /** Street, number, building, entrance, floor, flat, as written. */
  street: string;
  locality: string;
  county: string;
  postalCode: string;
}

const COUNTIES = [
  'Alba', 'Arad', 'Argeș', 'Bacău', 'Bihor', 'Bistrița-Năsăud', 'Botoșani', 'Brașov', 'Brăila', 'Buzău', 'Caraș-Severin', 'Călărași', 'Cluj', 'Constanța',
  'Covasna', 'Dâmbovița', 'Dolj', 'Galați', 'Giurgiu', 'Gorj', 'Harghita', 'Hunedoara', 'Ialomița', 'Iași', 'Ilfov', 'Maramureș', 'Mehedinți', 'Mureș', 'Neamț',
  'Olt', 'Prahova', 'Satu Mare', 'Sălaj', 'Sibiu', 'Suceava', 'Teleorman', 'Timiș', 'Tulcea', 'Vaslui', 'Vâlcea', 'Vrancea',
];
const COUNTY_BY_KEY = new Map(COUNTIES.map((c) => [searchKey(c), c]));

const POSTAL = /^(?:cod(?:\s+po[sș]tal)?|c\.?\s?p\.?)?\s*:?\s*(\d{6})$/i;
const POSTAL_THEN_LOCALITY = /^(\d{6})\s+(.+)$/;
const COUNTY = /^(?:jude[tț]ul|jude[tț]|jud\.?)\s*(.+)$/i;
const LOCALITY = /^(?:municipiul|mun\.|ora[sș]ul|ora[sș]|or\.|comuna|com\.|satul|sat|localitatea|loc\.)\s*(.+)$/i;
const STREET = /^(?:str(?:ada)?\.?|b(?:ulevardul|-dul|dul|d)\.?|calea|aleea|al\.|pia[tț]a|p-[tț]a|p[tț]a\.?|[sș]os(?:eaua)?\.?|splaiul|intrarea|int\.|drumul|fund[aă]tura|pasajul|nr\.?|num[aă]rul|bl(?:oc(?:ul)?)?\.?|sc(?:ara)?\.?|et(?:aj(?:ul)?)?\.?|ap(?:artament(?:ul)?)?\.?)(?:\s|\d|$)/i;
const BARE_NUMBER = /^\d+\s*[a-z]?$/i;

/** The parts of `text`; `locality` is '' when no part could be read as one. */
export function splitAddress(text: string): AddressParts {
  const result: AddressParts = { street: '', locality: '', county: '', postalCode: '' };
  const parts = cleanText(text.replace(/\n/g, ', '))
    .split(/\s*[,;]\s*/)
    .filter(Boolean);
  const street: string[] = [];
  const unknown: { index: number; text: string }[] = [];
  let lastStreetIndex = -1;
  parts.forEach((part, index) => {
    let m: RegExpExecArray | null;
    if ((m = POSTAL.exec(part))) result.postalCode ||= m[1]!;
    else if ((m = POSTAL_THEN_LOCALITY.exec(part))) {
      result.postalCode ||= m[1]!;
      result.locality ||= stripLocalityPrefix(m[2]!);
    } else if ((m = COUNTY.exec(part)) && COUNTY_BY_KEY.has(searchKey(m[1]!))) result.county ||= COUNTY_BY_KEY.get(searchKey(m[1]!))!;
    else if ((m = LOCALITY.exec(part))) result.locality ||= m[1]!;
    else if (STREET.test(part) || (BARE_NUMBER.test(part) && lastStreetIndex === index - 1 && index > 0)) {
      street.push(part);
      lastStreetIndex = index;
    } else if (COUNTY_BY_KEY.has(searchKey(part)) && (result.locality || unknown.length > 0) && !result.county) result.county = COUNTY_BY_KEY.get(searchKey(part))!;
    else unknown.push({ index, text: part });
  });
  if (!result.locality && street.length > 0) {
    // The locality is the first part that is not the street: before it ("Cluj-Napoca, str. …") or after it.
    const candidate = unknown.shift();
    if (candidate) result.locality = candidate.text;
  }
  result.street = [...street, ...unknown.map((u) => u.text)].join(', ');
  if (!result.locality && street.length === 0 && unknown.length === 0) result.street = '';
  return result;
}

function stripLocalityPrefix(text: string): string {
  return LOCALITY.exec(text)?.[1] ?? text;
}
