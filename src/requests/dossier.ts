import { addWorkingDays } from '../calendar/working-days';
import type { HolidayTable } from '../calendar/public-holidays';
import { formatRoDate, type IsoDate } from '../validation/dates';

/**
 * The documents of a subsidy request dossier. Sources: HG 1153/2001 art. 4(1) (request on the
 * model of annex 1, latest balance sheet, trial balance, tax certificates), the forms DASM
 * Cluj-Napoca publishes (technical sheet per unit), Law 197/2012 (accreditation, licence per
 * service) and the usual supporting papers. The list is data: a round may add or drop items.
 */
export interface DossierItemDefinition {
  code: string;
  label: string;
  /** Where the requirement comes from. */
  source: string;
  /** One copy per social-assistance unit in the request (otherwise one per request). */
  isPerUnit: boolean;
  /** The item stops being valid after a date (certificates, licences). */
  hasValidity: boolean;
  /**
   * HG 1153/2001 art. 4 alin. (1) lit. a)–d): missing or expired, the request is refused. Other
   * items only go into the missing-documents notice, unless the round makes them mandatory.
   */
  isRefusalGround: boolean;
}

export const DOSSIER_ITEMS: readonly DossierItemDefinition[] = [
  { code: 'cerere', label: 'Cererea de subvenționare (model anexa 1), în 3 exemplare, original', source: 'HG 1153/2001, art. 4 alin. (1) lit. a)', isPerUnit: false, hasValidity: false, isRefusalGround: true },
  { code: 'fisa_tehnica', label: 'Fișa tehnică a unității de asistență socială', source: 'Formularele DASM Cluj-Napoca', isPerUnit: true, hasValidity: false, isRefusalGround: false },
  { code: 'bilant', label: 'Ultimul bilanț contabil, înregistrat la administrația financiară', source: 'HG 1153/2001, art. 4 alin. (1) lit. b)', isPerUnit: false, hasValidity: false, isRefusalGround: true },
  { code: 'balanta', label: 'Balanța de verificare a lunii anterioare termenului de depunere', source: 'HG 1153/2001, art. 4 alin. (1) lit. c)', isPerUnit: false, hasValidity: false, isRefusalGround: true },
  { code: 'certificat_fiscal_local', label: 'Certificat de atestare fiscală de la bugetul local (fără datorii), original', source: 'HG 1153/2001, art. 4 alin. (1) lit. d)', isPerUnit: false, hasValidity: true, isRefusalGround: true },
  { code: 'certificat_fiscal_anaf', label: 'Certificat de atestare fiscală de la bugetul de stat (fără datorii), original', source: 'HG 1153/2001, art. 4 alin. (1) lit. d)', isPerUnit: false, hasValidity: true, isRefusalGround: true },
  { code: 'statut', label: 'Statutul și actul constitutiv; dovada dobândirii personalității juridice', source: 'OG 26/2000', isPerUnit: false, hasValidity: false, isRefusalGround: false },
  { code: 'acreditare', label: 'Certificatul de acreditare ca furnizor de servicii sociale', source: 'Legea 197/2012, art. 8; Legea 34/1998 (Legea 79/2017)', isPerUnit: false, hasValidity: false, isRefusalGround: false },
  { code: 'licenta', label: 'Licența de funcționare a serviciului social', source: 'Legea 197/2012, art. 8', isPerUnit: true, hasValidity: true, isRefusalGround: false },
  { code: 'cont_bancar', label: 'Dovada contului bancar (extras sau adeverință de la bancă)', source: 'Cererea, cap. I (IBAN, banca)', isPerUnit: false, hasValidity: false, isRefusalGround: false },
  { code: 'raport_activitate', label: 'Raportul de activitate al ultimului an', source: 'Cererea, cap. II (experiența)', isPerUnit: false, hasValidity: false, isRefusalGround: false },
  { code: 'hotarare_imputernicire', label: 'Hotărârea organului de conducere de împuternicire a semnatarului', source: 'Cererea, declarația persoanei împuternicite', isPerUnit: false, hasValidity: false, isRefusalGround: false },
];

export type DossierItemStatus = 'primit' | 'lipsa';

/** One document as received for a request (for a unit, when the item is per unit). */
export interface DossierEntry {
  code: string;
  /** The unit it belongs to, for per-unit items. */
  unitId?: string;
  status: DossierItemStatus;
  receivedOn?: IsoDate;
  /** Last day the document is valid (certificates, licences). */
  validUntil?: IsoDate;
  note?: string;
}

/**
 * The dossier with every document of the checklist marked received ("Marchează toate primite"):
 * one entry per item, per unit for the per-unit items; a date already typed stays, the others get
 * `on`; validity dates and notes are kept.
 */
export function markAllReceived(entries: readonly DossierEntry[], unitIds: readonly string[], on: IsoDate): DossierEntry[] {
  return DOSSIER_ITEMS.flatMap((item) =>
    (item.isPerUnit ? unitIds : [undefined]).map((unitId): DossierEntry => {
      const existing = entries.find((e) => e.code === item.code && (e.unitId ?? undefined) === unitId);
      return { ...existing, code: item.code, ...(unitId ? { unitId } : {}), status: 'primit', receivedOn: existing?.receivedOn ?? on };
    }),
  );
}

export interface DossierProblem {
  code: string;
  unitId?: string;
  /** Romanian, ready for the "documente lipsă" notification. */
  text: string;
  kind: 'lipsa' | 'expirat';
  /** A refusal ground (HG 1153/2001 art. 4 alin. (1), or an item the round makes mandatory). */
  isRefusalGround: boolean;
}

export interface DossierCheck {
  /** Every item received and valid. */
  isComplete: boolean;
  /** No refusal ground: the items of art. 4 alin. (1) and those the round makes mandatory are received and valid. */
  hasRequiredItems: boolean;
  problems: DossierProblem[];
}

/**
 * Checks a dossier on `date` (the legal date of the round, not today): every item (each per-unit
 * item for each unit) must be received, and items with a validity must still be valid on that
 * date. A missing or expired item of HG 1153/2001 art. 4 alin. (1) — or one the round lists in
 * `mandatoryCodes` — is a refusal ground; the others go into the missing-documents notice.
 */
export function checkDossier(
  entries: readonly DossierEntry[],
  units: readonly { id: string; name: string }[],
  date: IsoDate,
  items: readonly DossierItemDefinition[] = DOSSIER_ITEMS,
  mandatoryCodes: readonly string[] = [],
): DossierCheck {
  const problems: DossierProblem[] = [];
  // Received entries win over "missing" ones recorded for the same document; per code, then per unit ('' = the NGO's).
  const byCode = new Map<string, Map<string, DossierEntry>>();
  for (const entry of entries) {
    let perUnit = byCode.get(entry.code);
    if (!perUnit) byCode.set(entry.code, (perUnit = new Map()));
    const unitKey = entry.unitId ?? '';
    if (!perUnit.has(unitKey) || entry.status === 'primit') perUnit.set(unitKey, entry);
  }
  const find = (code: string, unitId?: string) => {
    const perUnit = byCode.get(code);
    if (!perUnit) return undefined;
    if (unitId !== undefined) return perUnit.get(unitId);
    return perUnit.get('') ?? [...perUnit.values()].find((e) => e.status === 'primit');
  };
  const check = (item: DossierItemDefinition, unitId: string | undefined, suffix: string) => {
    const entry = find(item.code, unitId);
    const isRefusalGround = item.isRefusalGround || mandatoryCodes.includes(item.code);
    if (!entry || entry.status !== 'primit') {
      problems.push({ code: item.code, unitId, kind: 'lipsa', text: `${item.label}${suffix}`, isRefusalGround });
    } else if (item.hasValidity && entry.validUntil && entry.validUntil < date) {
      problems.push({ code: item.code, unitId, kind: 'expirat', text: `${item.label}${suffix} (expirat la ${formatRoDate(entry.validUntil)})`, isRefusalGround });
    }
  };
  for (const item of items) {
    if (item.isPerUnit) for (const u of units) check(item, u.id, ` — ${u.name}`);
    else check(item, undefined, '');
  }
  return { isComplete: problems.length === 0, hasRequiredItems: problems.every((p) => !p.isRefusalGround), problems };
}

/**
 * The deadline for completing a dossier: `days` working days after the notification, over the
 * holiday calendar (the notification day is not counted; see addWorkingDays).
 */
export function completionDeadline(notifiedOn: IsoDate, days: number, table: HolidayTable): IsoDate {
  return addWorkingDays(notifiedOn, days, table);
}
