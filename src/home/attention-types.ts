// What the home screen lists under "Ce necesită atenție": groups of items, each item naming its
// record and the address that opens it. The rules that fill them are pure functions of the stored
// records and today's date (src/home/attention.ts, src/home/monitoring-attention.ts); the screen only shows them.
import type { IsoDate } from '../validation/dates';

export type AttentionKind =
  | 'runde'
  | 'documente_lipsa'
  | 'contestatii'
  | 'licente'
  | 'deconturi_de_verificat'
  | 'plati_neefectuate'
  | 'vizite_restante'
  | 'recomandari_restante'
  | 'parametri_de_completat';

export type AttentionSeverity = 'error' | 'warning' | 'info';

export interface AttentionItem {
  /** Unique in its group (the record's id, with a suffix when a record gives several items). */
  key: string;
  /** The record, as people name it: "Cererea nr. 12/2026 — Asociația „Speranța”". */
  label: string;
  /** What needs doing and by when, in Romanian. */
  detail: string;
  /** The address that opens the record: "#/cereri/<id>". */
  href: string;
  severity: AttentionSeverity;
  /** The date the item is about (deadline, expiry), for sorting: the earliest first. */
  date?: IsoDate;
}

export interface AttentionGroup {
  kind: AttentionKind;
  title: string;
  items: AttentionItem[];
  /** Shown when there is nothing in the group. */
  emptyText: string;
  /** A note on how the group is computed (the rule, its source). */
  note?: string;
}

/** The items sorted by date (undated last), then by label. */
export function sortItems(items: AttentionItem[]): AttentionItem[] {
  return items.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.label.localeCompare(b.label, 'ro'));
}

/** The Monday and Sunday of the week of `date` (ISO week: Monday first). */
export function weekOf(date: IsoDate): { monday: IsoDate; sunday: IsoDate } {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // 0 = Monday
  const monday = new Date(d.getTime() - weekday * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { monday: monday.toISOString().slice(0, 10), sunday: sunday.toISOString().slice(0, 10) };
}
