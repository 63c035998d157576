import type { LegalForm, Organization, OrganizationDraft, OrganizationStatus } from '../catalog/organization';
import { stamp } from '../entity';
import { findNomenclatureEntry } from '../register/nomenclature';
import type { CapacityUnit, LicenceType, SocialServiceUnit, UnitDraft, UnitStatus } from '../register/unit';
import { withCuiCheckDigit } from '../validation/cui';
import { addDays, addYears, daysBetween, isValidIsoDate, type IsoDate } from '../validation/dates';
import { ibanWithCheckDigits } from '../validation/iban';

/**
 * A fictitious but plausible catalog and register for demonstrations and manual testing: about 40
 * NGOs and 60 licensed units in and around Cluj-Napoca. Names, people, CUIs, IBANs and licence
 * numbers are invented (CUIs and IBANs only have valid check digits); every record says so in its
 * notes. The same `seed` always gives the same data; licence dates are placed relative to `today`
 * so that some licences have expired and some expire within the warning period.
 */

export const DEMO_NOTE = 'Date demonstrative — fictive';

export interface DemoDataOptions {
  /** The day the licence dates are placed around. */
  today: IsoDate;
  /** Same seed, same data. */
  seed?: number;
}

export interface DemoData {
  organizations: Organization[];
  units: SocialServiceUnit[];
}

export const DEMO_DEFAULT_SEED = 1;
export const DEMO_UNIT_COUNT = 60;
/** Licences already expired on `today`. */
export const DEMO_EXPIRED_LICENCES = 6;
/** Licences valid on `today` that expire within the next 60 days. */
export const DEMO_EXPIRING_LICENCES = 6;

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): small, fast and identical on every platform.

interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
  digits(count: number): string;
  /** A UUID v4-shaped string. */
  uuid(): string;
}

function createRandom(seed: number): Random {
  let state = Math.trunc(seed) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('Listă goală.');
    return item;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  const digits = (count: number): string => Array.from({ length: count }, () => String(int(0, 9))).join('');
  const hex = (count: number): string => Array.from({ length: count }, () => int(0, 15).toString(16)).join('');
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`;
  return { next, int, pick, shuffle, digits, uuid };
}

// ---------------------------------------------------------------------------------------------
// Word lists. The names are invented; any likeness to a real organisation is unintended.

/** What kinds of service an NGO runs; "general" runs any kind. */
type Theme = 'varstnici' | 'copii' | 'dizabilitati' | 'pfa' | 'vd' | 'hrana' | 'general';

/** Who licenses a service, by its beneficiaries (HG 924/2024: the authority competent for the group; fictitious data like the rest). */
const DEMO_LICENSING_AUTHORITY: Record<Theme, string> = {
  copii: 'Autoritatea Națională pentru Protecția Drepturilor Copilului și Adopție',
  dizabilitati: 'Autoritatea Națională pentru Protecția Drepturilor Persoanelor cu Dizabilități',
  varstnici: 'Ministerul Muncii și Solidarității Sociale',
  pfa: 'Ministerul Muncii și Solidarității Sociale',
  vd: 'Agenția Națională pentru Egalitate de Șanse între Femei și Bărbați',
  hrana: 'Ministerul Muncii și Solidarității Sociale',
  general: 'Ministerul Muncii și Solidarității Sociale',
};

interface OrganizationSeed {
  legalForm: LegalForm;
  name: string;
  themes: readonly Theme[];
  /** A locality named in the NGO's name. */
  locality?: string;
}

const ORGANIZATION_SEEDS: readonly OrganizationSeed[] = [
  { legalForm: 'asociatie', name: 'Asociația Speranța Someșului', themes: ['general'] },
  { legalForm: 'asociatie', name: 'Asociația Casa Luminii', themes: ['general'] },
  { legalForm: 'asociatie', name: 'Asociația Pași Împreună', themes: ['copii', 'dizabilitati'] },
  { legalForm: 'asociatie', name: 'Asociația Ajutorul Vârstnicilor Cluj', themes: ['varstnici'] },
  { legalForm: 'asociatie', name: 'Asociația Mâini Întinse', themes: ['pfa', 'hrana'] },
  { legalForm: 'asociatie', name: 'Asociația Zâmbet de Copil Someșan', themes: ['copii'] },
  { legalForm: 'asociatie', name: 'Asociația Drum Deschis', themes: ['pfa', 'dizabilitati'] },
  { legalForm: 'asociatie', name: 'Asociația Lumina Bunicilor', themes: ['varstnici'] },
  { legalForm: 'asociatie', name: 'Asociația Punte spre Comunitate', themes: ['hrana', 'pfa', 'copii'] },
  { legalForm: 'asociatie', name: 'Asociația Viață Nouă pe Someș', themes: ['vd', 'copii'] },
  { legalForm: 'asociatie', name: 'Asociația Sprijin la Domiciliu', themes: ['varstnici', 'dizabilitati'] },
  { legalForm: 'asociatie', name: 'Asociația Inimi Deschise', themes: ['general'] },
  { legalForm: 'asociatie', name: 'Asociația Căminul Bunăvoinței', themes: ['varstnici'] },
  { legalForm: 'asociatie', name: 'Asociația Masa Caldă Clujeană', themes: ['hrana'] },
  { legalForm: 'asociatie', name: 'Asociația Adăpost și Demnitate', themes: ['pfa'] },
  { legalForm: 'asociatie', name: 'Asociația Pentru Familie Florești', themes: ['copii', 'vd'], locality: 'Florești' },
  { legalForm: 'asociatie', name: 'Asociația Pași Mici Apahida', themes: ['copii'], locality: 'Apahida' },
  { legalForm: 'asociatie', name: 'Asociația Ocrotirea Femeii', themes: ['vd'] },
  { legalForm: 'asociatie', name: 'Asociația Aripi de Sprijin', themes: ['dizabilitati'] },
  { legalForm: 'asociatie', name: 'Asociația Vecini Solidari', themes: ['varstnici', 'hrana'] },
  { legalForm: 'asociatie', name: 'Asociația Grija pentru Aproapele', themes: ['general'] },
  { legalForm: 'asociatie', name: 'Asociația Răsărit de Speranță', themes: ['general'] },
  { legalForm: 'asociatie', name: 'Asociația Clopoțelul de Argint', themes: ['varstnici'] },
  { legalForm: 'fundatie', name: 'Fundația Căsuța cu Flori', themes: ['copii'] },
  { legalForm: 'fundatie', name: 'Fundația Lumină și Grijă', themes: ['varstnici', 'dizabilitati'] },
  { legalForm: 'fundatie', name: 'Fundația Izvorul Bucuriei', themes: ['copii'] },
  { legalForm: 'fundatie', name: 'Fundația Toamna Senină', themes: ['varstnici'] },
  { legalForm: 'fundatie', name: 'Fundația Brațe Deschise', themes: ['dizabilitati', 'copii'] },
  { legalForm: 'fundatie', name: 'Fundația Poarta Speranței', themes: ['pfa', 'vd'] },
  { legalForm: 'fundatie', name: 'Fundația Acasă în Siguranță', themes: ['vd'] },
  { legalForm: 'fundatie', name: 'Fundația Copilăria Fericită', themes: ['copii'] },
  { legalForm: 'fundatie', name: 'Fundația Sprijin Comunitar Transilvan', themes: ['general'] },
  { legalForm: 'fundatie', name: 'Fundația Pâinea Zilnică', themes: ['hrana'] },
  { legalForm: 'fundatie', name: 'Fundația Oaza de Liniște', themes: ['varstnici'] },
  { legalForm: 'federatie', name: 'Federația Organizațiilor de Sprijin Social Cluj', themes: ['general'] },
  { legalForm: 'federatie', name: 'Federația Furnizorilor de Servicii pentru Vârstnici din Transilvania', themes: ['varstnici'] },
  { legalForm: 'federatie', name: 'Federația Rețeaua Solidarității Clujene', themes: ['general'] },
  { legalForm: 'uniune', name: 'Uniunea Asociațiilor pentru Persoane cu Dizabilități Cluj', themes: ['dizabilitati'] },
  { legalForm: 'uniune', name: 'Uniunea Voluntarilor Someșeni', themes: ['general'] },
  { legalForm: 'uniune', name: 'Uniunea Familiilor Ocrotitoare', themes: ['copii', 'vd'] },
];

const CLUJ_STREETS: readonly string[] = [
  'str. Memorandumului', 'str. Horea', 'str. Observatorului', 'str. Republicii', 'str. Moților', 'bd. 21 Decembrie 1989',
  'bd. Eroilor', 'bd. Nicolae Titulescu', 'str. Avram Iancu', 'str. Napoca', 'str. Fabricii', 'str. Teodor Mihali',
  'str. Bucium', 'str. Primăverii', 'str. Aurel Vlaicu', 'str. Dâmboviței', 'str. Donath', 'Calea Dorobanților',
  'Calea Mănăștur', 'Calea Florești', 'Calea Turzii', 'Calea Baciului', 'str. Gheorghe Dima', 'str. Septimiu Albini',
  'str. Constanța', 'str. Sighișoarei', 'str. Albac', 'str. Mehedinți', 'str. Izlazului', 'str. Fântânele',
  'str. Frunzișului', 'str. Plopilor', 'str. Andrei Mureșanu', 'str. Iuliu Moldovan', 'str. Pasteur', 'str. Clinicilor',
];

interface Place {
  locality: string;
  streets: readonly string[];
  postalCode: () => string;
}

const CLUJ: Place = { locality: 'Cluj-Napoca', streets: CLUJ_STREETS, postalCode: () => '' };
const OTHER_PLACES: readonly Place[] = [
  { locality: 'Florești', streets: ['str. Avram Iancu', 'str. Florilor', 'str. Eroilor', 'str. Porii', 'str. Tăuțiului', 'str. Cetății'], postalCode: () => '407280' },
  { locality: 'Apahida', streets: ['str. Libertății', 'str. Gării', 'str. Dezrobirii', 'str. Sălcilor'], postalCode: () => '407035' },
];

const FIRST_NAMES: readonly string[] = [
  'Ana', 'Maria', 'Ioana', 'Elena', 'Mihaela', 'Andreea', 'Cristina', 'Cătălina', 'Raluca', 'Simona', 'Adriana', 'Lavinia',
  'Ioan', 'Mihai', 'Andrei', 'Vasile', 'Gheorghe', 'Radu', 'Florin', 'Sorin', 'Dan', 'Adrian', 'Ștefan', 'Tudor',
];
const LAST_NAMES: readonly string[] = [
  'Pop', 'Moldovan', 'Rus', 'Mureșan', 'Crișan', 'Suciu', 'Morar', 'Câmpean', 'Bogdan', 'Cozma', 'Man', 'Bălan',
  'Sabău', 'Pușcaș', 'Oltean', 'Chiorean', 'Șerban', 'Lazăr', 'Toma', 'Hossu', 'Dragoș', 'Buzdugan', 'Țărmure', 'Lupșan',
];

const BANKS: readonly (readonly [code: string, name: string])[] = [
  ['BTRL', 'Banca Transilvania'],
  ['RNCB', 'Banca Comercială Română'],
  ['BRDE', 'BRD - Groupe Société Générale'],
  ['INGB', 'ING Bank'],
  ['RZBR', 'Raiffeisen Bank'],
  ['CECE', 'CEC Bank'],
];

/** Known real CUIs (used as examples in the documentation and tests) that the demo must not reuse. */
const RESERVED_CUIS = new Set(['4305857', '18547290', '13548146']);

interface UnitTemplate {
  code: string;
  /** The unit's name from its invented label. */
  name: (label: string) => string;
  capacity: readonly [number, number];
  capacityUnit: CapacityUnit;
  theme: Exclude<Theme, 'general'>;
  /** How often this kind of unit appears, relative to the others. */
  weight: number;
}

const UNIT_TEMPLATES: readonly UnitTemplate[] = [
  { code: '8730 CR-V-I', name: (l) => `Căminul pentru persoane vârstnice „${l}”`, capacity: [20, 60], capacityUnit: 'locuri', theme: 'varstnici', weight: 4 },
  { code: '8891 CZ-C-IV', name: (l) => `Centrul de zi pentru copii „${l}”`, capacity: [20, 50], capacityUnit: 'locuri', theme: 'copii', weight: 4 },
  { code: '8790 CR-D-I', name: (l) => `Centrul de îngrijire și asistență „${l}”`, capacity: [12, 40], capacityUnit: 'locuri', theme: 'dizabilitati', weight: 2 },
  { code: '8810 ID-I', name: (l) => `Serviciul de îngrijire la domiciliu „${l}”`, capacity: [30, 120], capacityUnit: 'beneficiari_luna', theme: 'varstnici', weight: 4 },
  { code: '8810 ID-II', name: (l) => `Îngrijire la domiciliu pentru persoane cu dizabilități „${l}”`, capacity: [20, 60], capacityUnit: 'beneficiari_luna', theme: 'dizabilitati', weight: 2 },
  { code: '8790 CR-PFA-I', name: (l) => `Adăpostul de noapte „${l}”`, capacity: [20, 50], capacityUnit: 'locuri', theme: 'pfa', weight: 1 },
  { code: '8899 CPDH-I', name: (l) => `Cantina socială „${l}”`, capacity: [80, 250], capacityUnit: 'beneficiari_luna', theme: 'hrana', weight: 2 },
  { code: '8790 CR-VD-I', name: (l) => `Centrul de primire în regim de urgență pentru victimele violenței domestice „${l}”`, capacity: [8, 20], capacityUnit: 'locuri', theme: 'vd', weight: 1 },
  { code: '8810 CZ-D-I', name: (l) => `Centrul de zi pentru adulți cu dizabilități „${l}”`, capacity: [15, 40], capacityUnit: 'locuri', theme: 'dizabilitati', weight: 2 },
  { code: '8810 CZ-V-II', name: (l) => `Clubul seniorilor „${l}”`, capacity: [30, 80], capacityUnit: 'locuri', theme: 'varstnici', weight: 2 },
  { code: '8790 CR-LP-I', name: (l) => `Locuința protejată „${l}”`, capacity: [4, 12], capacityUnit: 'locuri', theme: 'dizabilitati', weight: 1 },
  { code: '8891 CZ-C-II', name: (l) => `Centrul de zi de recuperare pentru copii cu dizabilități „${l}”`, capacity: [15, 40], capacityUnit: 'locuri', theme: 'copii', weight: 2 },
  { code: '8899 CPDH-II', name: (l) => `Masa pe roți „${l}”`, capacity: [40, 150], capacityUnit: 'beneficiari_luna', theme: 'hrana', weight: 1 },
  { code: '8790 CR-C-III', name: (l) => `Centrul maternal „${l}”`, capacity: [6, 16], capacityUnit: 'locuri', theme: 'copii', weight: 1 },
  { code: '8810 CZ-V-III', name: (l) => `Centrul de zi pentru persoane cu Alzheimer „${l}”`, capacity: [12, 30], capacityUnit: 'locuri', theme: 'varstnici', weight: 1 },
  { code: '8899 CZ-PFA-I', name: (l) => `Centrul de zi pentru persoane fără adăpost „${l}”`, capacity: [30, 80], capacityUnit: 'beneficiari_luna', theme: 'pfa', weight: 1 },
];

const UNIT_LABELS: readonly string[] = [
  'Liniștea Serii', 'Toamna Aurie', 'Floare de Colț', 'Ghiocelul', 'Curcubeul', 'Mugurel', 'Brândușa', 'Izvoraș',
  'Lumina Speranței', 'Căsuța Fermecată', 'Raza de Soare', 'Steluța', 'Pas cu Pas', 'Bunătatea', 'Împreună', 'Cuibul',
  'Arca', 'Porumbelul Alb', 'Dor de Viață', 'Merișor', 'Nufărul', 'Castanul', 'Stejarul', 'Teiul Bătrân',
  'Albinuța', 'Buburuza', 'Pădurea Verde', 'Iedera', 'Sânziana', 'Mărțișor', 'Vatra', 'Poiana',
  'Fagul', 'Cireșul', 'Podul Speranței', 'Pragul', 'Liman', 'Farul', 'Ancora', 'Busuiocul',
  'Lăcrămioara', 'Zorile', 'Răsăritul', 'Fântâna', 'Cerdacul', 'Grădina Bunicii', 'Micul Prinț', 'Ciocârlia',
  'Columbina', 'Hora', 'Candela', 'Opaițul', 'Dealul Florilor', 'Valea Însorită', 'Someșul Mic', 'Ramura Verde',
  'Salcâmul', 'Vișinul', 'Garofița', 'Romanița', 'Sunătoarea', 'Mesteacănul', 'Luceafărul', 'Pâlcul de Brazi',
];

// ---------------------------------------------------------------------------------------------

function randomDateBetween(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, random.int(0, span));
}

function timestamp(random: Random, date: IsoDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(random.int(6, 15))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}.000Z`;
}

function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/** "0264 595 123" or "0745 123 456", as validatePhone stores them. */
function phoneNumber(random: Random): string {
  if (random.next() < 0.5) return `0264 ${random.int(4, 5)}${random.digits(2)} ${random.digits(3)}`;
  return `07${random.int(2, 6)}${random.digits(1)} ${random.digits(3)} ${random.digits(3)}`;
}

/** "speranta-somesului" from "Asociația Speranța Someșului". */
function slug(name: string): string {
  return name
    .replace(/^(Asociația|Fundația|Federația|Uniunea)\s+/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function address(random: Random, place: Place): { street: string; postalCode: string } {
  const street = `${random.pick(place.streets)} nr. ${random.int(1, 180)}`;
  const postalCode = place === CLUJ ? `400${String(random.int(1, 699)).padStart(3, '0')}` : place.postalCode();
  return { street, postalCode };
}

function uniqueValue(random: Random, used: Set<string>, make: () => string): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const value = make();
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
  throw new Error('Nu s-a putut genera o valoare unică.');
}

type LicenceScenario = 'expired' | 'expiring' | 'valid';

/** Issue and expiry dates that put the licence in the scenario on `today`. */
function licenceDates(random: Random, today: IsoDate, type: LicenceType, scenario: LicenceScenario): { issue: IsoDate; expiry: IsoDate } {
  // Law 197/2012: a provisional licence runs 1 year, a functioning licence 5 years.
  const years = type === 'provizorie' ? 1 : 5;
  const longest = years * 365 - 30;
  const expiry =
    scenario === 'expired'
      ? addDays(today, -random.int(3, 400))
      : scenario === 'expiring'
        ? addDays(today, random.int(1, 58))
        : addDays(today, random.int(75, longest));
  return { issue: addDays(addYears(expiry, -years), 1), expiry };
}

// ---------------------------------------------------------------------------------------------

const PLACES: readonly Place[] = [CLUJ, ...OTHER_PLACES];
/** NGOs based outside Cluj-Napoca besides those whose name says so, so that locality filters matter. */
const EXTRA_OUTSIDE_CLUJ: readonly string[] = ['Florești', 'Florești', 'Florești', 'Apahida', 'Apahida'];

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

interface PendingOrganization {
  seed: OrganizationSeed;
  id: string;
  createdAt: string;
  isAccredited: boolean;
  draft: OrganizationDraft;
}

export function generateDemoData(options: DemoDataOptions): DemoData {
  const { today } = options;
  if (!isValidIsoDate(today)) throw new Error(`Dată invalidă pentru datele demonstrative: ${today}`);
  const random = createRandom(options.seed ?? DEMO_DEFAULT_SEED);
  const count = ORGANIZATION_SEEDS.length;

  const free = random.shuffle(ORGANIZATION_SEEDS.flatMap((seed, i) => (seed.locality ? [] : [i])));
  const localityOf = (i: number): string => ORGANIZATION_SEEDS[i]?.locality ?? EXTRA_OUTSIDE_CLUJ[free.indexOf(i)] ?? CLUJ.locality;
  const statuses = random.shuffle<OrganizationStatus>([
    'suspendat', 'suspendat', 'suspendat', 'radiat', 'radiat',
    ...Array.from({ length: count - 5 }, (): OrganizationStatus => 'activ'),
  ]);
  // Six NGOs are not (yet) accredited; a suspended NGO is always an accredited provider, so that
  // its unit shows up as suspended in the register.
  const notAccredited = new Set(random.shuffle(statuses.flatMap((status, i) => (status === 'suspendat' ? [] : [i]))).slice(0, 6));

  const usedCuis = new Set(RESERVED_CUIS);
  const usedIbans = new Set<string>();
  const usedCertificates = new Set<string>();

  // 1. The NGOs, without their dates (these follow from their units' licences, see 3).
  const pending: PendingOrganization[] = ORGANIZATION_SEEDS.map((seed, index) => {
    const place = PLACES.find((p) => p.locality === localityOf(index)) ?? CLUJ;
    const seat = address(random, place);
    const isAccredited = !notAccredited.has(index);
    const [bankCode, bankName] = random.pick(BANKS);
    const short = slug(seed.name);
    const draft: OrganizationDraft = {
      name: seed.name,
      legalForm: seed.legalForm,
      cui: uniqueValue(random, usedCuis, () => withCuiCheckDigit(`${random.int(1, 4)}${random.digits(6)}`)),
      registryNumber: '',
      registryDate: undefined,
      street: seat.street,
      locality: place.locality,
      county: 'Cluj',
      postalCode: seat.postalCode,
      workingAddresses: '',
      representativeName: personName(random),
      representativeRole: seed.legalForm === 'fundatie' ? 'Președintele Consiliului director' : random.next() < 0.8 ? 'Președinte' : 'Director executiv',
      contactPerson: personName(random),
      phone: phoneNumber(random),
      email: `${short}@example.ro`,
      website: random.next() < 0.3 ? `https://www.example.ro/${short}` : '',
      bankName,
      iban: uniqueValue(random, usedIbans, () =>
        ibanWithCheckDigits(bankCode, bankCode === 'BTRL' ? `RONCRT0${random.digits(7)}01` : random.digits(16)),
      ),
      accreditationSeries: isAccredited ? 'AF' : '',
      accreditationNumber: isAccredited ? uniqueValue(random, usedCertificates, () => `00${random.int(1000, 9999)}`) : '',
      accreditationDate: undefined,
      status: statuses[index] ?? 'activ',
      notes: DEMO_NOTE,
    };
    const created = randomDateBetween(random, addDays(today, -720), addDays(today, -200));
    return { seed, id: random.uuid(), createdAt: timestamp(random, created), isAccredited, draft };
  });

  // 2. The units. Only accredited NGOs that are not struck off run units; a suspended NGO has
  // one, suspended. Every kind of unit appears, every active provider runs at least one, and each
  // NGO runs only the kinds of service its name suggests.
  const providers = pending.filter((o) => o.isAccredited && o.draft.status !== 'radiat');
  const active = providers.filter((o) => o.draft.status === 'activ');
  const suits = (org: PendingOrganization, template: UnitTemplate): boolean =>
    org.seed.themes.includes('general') || org.seed.themes.includes(template.theme);
  const templateFor = (org: PendingOrganization): UnitTemplate => {
    const fitting = UNIT_TEMPLATES.filter((t) => suits(org, t));
    return random.pick(fitting.flatMap((t) => Array.from({ length: t.weight }, () => t)));
  };
  const plan: { owner: PendingOrganization; template: UnitTemplate }[] = [];
  for (const owner of providers.filter((o) => o.draft.status === 'suspendat')) plan.push({ owner, template: templateFor(owner) });
  for (const template of UNIT_TEMPLATES) {
    const fitting = active.filter((o) => suits(o, template));
    plan.push({ owner: random.pick(fitting.length > 0 ? fitting : active), template });
  }
  for (const owner of active) if (!plan.some((p) => p.owner === owner)) plan.push({ owner, template: templateFor(owner) });
  while (plan.length < DEMO_UNIT_COUNT) {
    const owner = random.pick(active);
    plan.push({ owner, template: templateFor(owner) });
  }
  plan.sort((a, b) => pending.indexOf(a.owner) - pending.indexOf(b.owner));

  const scenarios = random.shuffle<LicenceScenario>([
    ...Array.from({ length: DEMO_EXPIRED_LICENCES }, (): LicenceScenario => 'expired'),
    ...Array.from({ length: DEMO_EXPIRING_LICENCES }, (): LicenceScenario => 'expiring'),
    ...Array.from({ length: plan.length - DEMO_EXPIRED_LICENCES - DEMO_EXPIRING_LICENCES }, (): LicenceScenario => 'valid'),
  ]);
  const labels = random.shuffle(UNIT_LABELS);
  const usedLicences = new Set<string>();
  let hasClosedUnit = false;

  const units: SocialServiceUnit[] = plan.map(({ owner, template }, index) => {
    const entry = findNomenclatureEntry(template.code);
    if (!entry) throw new Error(`Codul ${template.code} lipsește din nomenclator.`);
    const scenario = scenarios[index] ?? 'valid';
    const licenceType: LicenceType = random.next() < 0.15 ? 'provizorie' : 'functionare';
    const { issue, expiry } = licenceDates(random, today, licenceType, scenario);
    const ownPlace = PLACES.find((p) => p.locality === owner.draft.locality) ?? CLUJ;
    const place = random.next() < 0.8 ? ownPlace : CLUJ;
    const { street, postalCode } = address(random, place);
    let status: UnitStatus = owner.draft.status === 'suspendat' ? 'suspendata' : 'activa';
    // One unit whose licence expired has closed down.
    if (status === 'activa' && scenario === 'expired' && !hasClosedUnit) {
      status = 'inchisa';
      hasClosedUnit = true;
    }
    const draft: UnitDraft = {
      organizationId: owner.id,
      name: template.name(labels[index % labels.length] ?? 'Speranța'),
      street,
      locality: place.locality,
      county: 'Cluj',
      postalCode,
      serviceCode: entry.code,
      targetGroup: entry.targetGroup,
      capacity: random.int(template.capacity[0], template.capacity[1]),
      capacityUnit: template.capacityUnit,
      licenceType,
      licenceNumber: uniqueValue(random, usedLicences, () => (licenceType === 'provizorie' ? String(random.int(1000, 4999)) : `00${random.int(10000, 19999)}`)),
      licenceIssueDate: issue,
      licenceExpiryDate: expiry,
      licensingAuthority: DEMO_LICENSING_AUTHORITY[template.theme],
      status,
      notes: DEMO_NOTE,
    };
    const created = randomDateBetween(random, owner.createdAt.slice(0, 10), addDays(today, -30));
    return stamp(draft, timestamp(random, created), random.uuid());
  });

  // 3. Dates of the NGOs: registered, then accredited (Law 197/2012, from 2014), then licensed.
  const organizations: Organization[] = pending.map((org) => {
    const own = units.filter((u) => u.organizationId === org.id);
    const firstLicence = own.map((u) => u.licenceIssueDate ?? today).reduce(earlier, today);
    let registryLatest = addDays(today, -random.int(400, 4000));
    if (org.isAccredited) {
      const latest = addDays(own.length > 0 ? firstLicence : today, -random.int(30, 400));
      const accreditationDate = randomDateBetween(random, earlier(later('2014-03-01', addYears(latest, -4)), latest), latest);
      org.draft.accreditationDate = accreditationDate;
      registryLatest = addDays(accreditationDate, -random.int(120, 2500));
    }
    const registryDate = randomDateBetween(random, later('1996-01-10', addYears(registryLatest, -10)), registryLatest);
    org.draft.registryDate = registryDate;
    org.draft.registryNumber = `${random.int(1, 450)}/${registryDate.slice(0, 4)}`;
    // The NGO's working addresses are the addresses of its units.
    org.draft.workingAddresses = [...new Set(own.map((u) => `${u.street}, ${u.locality}`))].join('\n');
    return stamp(org.draft, org.createdAt, org.id);
  });

  return { organizations, units };
}
