// "Find anything" (Ctrl+K): one index over the records a user looks for by name or number — NGOs,
// units, requests, rounds, conventions, monitoring visits, issued documents — searched as the user
// types. The index is built once when the search opens; a keystroke only scans its precomputed
// keys (case- and diacritics-insensitive) and keeps the few best hits of each kind.

import { takesDe } from '../commission/wording';
import { searchKey } from '../validation/diacritics';

export type SearchKind = 'ong' | 'unitate' | 'cerere' | 'runda' | 'conventie' | 'vizita' | 'document';

export const SEARCH_KINDS: readonly SearchKind[] = ['ong', 'unitate', 'cerere', 'runda', 'conventie', 'vizita', 'document'];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  ong: 'ONG-uri',
  unitate: 'Unități',
  cerere: 'Cereri de subvenție',
  runda: 'Runde de finanțare',
  conventie: 'Convenții',
  vizita: 'Vizite de monitorizare',
  document: 'Documente emise',
};

/** Where a hit opens: a screen and one of its records (an address, see src/navigation/address). */
export interface SearchTarget {
  route: string;
  record?: string;
  tab?: string;
}

export interface SearchEntry {
  kind: SearchKind;
  id: string;
  title: string;
  detail: string;
  target: SearchTarget;
  /** searchKey of the title. */
  titleKey: string;
  /** searchKey of everything the entry is found by (title, numbers, the NGO's name…), space-separated. */
  key: string;
}

export interface SearchIndex {
  /** Each kind's entries, in the order hits of equal rank are shown (by title). */
  groups: ReadonlyMap<SearchKind, readonly SearchEntry[]>;
  size: number;
}

// The records as the index needs them: the fields searched and shown, nothing else.
export interface SearchSources {
  organizations: readonly { id: string; name: string; cui: string; locality?: string }[];
  units: readonly { id: string; organizationId: string; name: string; serviceCode: string; licenceNumber: string; locality?: string }[];
  requests: readonly { id: string; roundId: string; organizationId: string; registration: { year: number; sequence: number } }[];
  rounds: readonly { id: string; name: string; year: number }[];
  conventions: readonly { id: string; number: string; year: number; provider: { name: string } }[];
  visits: readonly { id: string; unitId: string; conventionId: string; plannedDate: string; actualDate?: string }[];
  documents: readonly { id: string; number: string; year: number; title: string; roundId?: string; conventionId?: string; visitId?: string; organizationId?: string }[];
}

const roDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso);

function entry(kind: SearchKind, id: string, title: string, detail: string, target: SearchTarget, extra: readonly string[]): SearchEntry {
  const titleKey = searchKey(title);
  return { kind, id, title, detail, target, titleKey, key: [titleKey, ...extra.map(searchKey)].filter(Boolean).join(' ') };
}

/** Builds the index once from the records (one pass each, then each kind sorted by its title's key). */
export function buildSearchIndex(s: SearchSources): SearchIndex {
  const orgNames = new Map(s.organizations.map((o) => [o.id, o.name]));
  const units = new Map(s.units.map((u) => [u.id, u]));
  const conventionOf = new Map(s.conventions.map((c) => [c.id, c]));
  const groups = new Map<SearchKind, SearchEntry[]>(SEARCH_KINDS.map((k) => [k, []]));
  const add = (e: SearchEntry) => groups.get(e.kind)!.push(e);

  for (const o of s.organizations) add(entry('ong', o.id, o.name, [o.cui && `CUI ${o.cui}`, o.locality].filter(Boolean).join(' · '), { route: 'catalog', record: o.id }, [o.cui]));
  for (const u of s.units) {
    const org = orgNames.get(u.organizationId) ?? '';
    add(entry('unitate', u.id, u.name, [org, u.serviceCode, u.licenceNumber && `licența nr. ${u.licenceNumber}`].filter(Boolean).join(' · '), { route: 'registru', record: u.id }, [u.serviceCode, u.licenceNumber, org]));
  }
  for (const r of s.requests) {
    const number = `${r.registration.sequence}/${r.registration.year}`;
    const org = orgNames.get(r.organizationId) ?? '';
    add(entry('cerere', r.id, `Cererea nr. ${number}`, org, { route: 'cereri', record: r.id }, [number, org]));
  }
  for (const r of s.rounds) add(entry('runda', r.id, r.name, String(r.year), { route: 'comisie', record: r.id }, [String(r.year)]));
  for (const c of s.conventions) {
    const number = `${c.number}/${c.year}`;
    add(entry('conventie', c.id, `Convenția nr. ${number}`, c.provider.name, { route: 'contracte', record: c.id }, [number, c.provider.name]));
  }
  for (const v of s.visits) {
    const unit = units.get(v.unitId);
    const date = roDate(v.actualDate ?? v.plannedDate);
    const org = (unit && orgNames.get(unit.organizationId)) || conventionOf.get(v.conventionId)?.provider.name || '';
    add(entry('vizita', v.id, `Vizita din ${date} — ${unit?.name ?? 'unitate necunoscută'}`, org, { route: 'monitorizare', record: v.id }, [org]));
  }
  for (const d of s.documents) {
    const number = `${d.number}/${d.year}`;
    const target: SearchTarget = d.visitId
      ? { route: 'monitorizare', record: d.visitId }
      : d.conventionId
        ? { route: 'contracte', record: d.conventionId, tab: 'documente' }
        : d.roundId
          ? { route: 'comisie', record: d.roundId, tab: 'documente' }
          : { route: 'documente' };
    add(entry('document', d.id, `Nr. ${number} — ${d.title}`, d.organizationId ? (orgNames.get(d.organizationId) ?? '') : '', target, [number, d.number]));
  }
  let size = 0;
  for (const list of groups.values()) {
    // By the precomputed key, not a locale collator: 50,000 collator comparisons would be most of
    // the time the dialog takes to open, and the keys already ignore case and diacritics.
    list.sort((a, b) => (a.titleKey < b.titleKey ? -1 : a.titleKey > b.titleKey ? 1 : 0));
    size += list.length;
  }
  return { groups, size };
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  /** How many entries of the kind match (the hits shown are the best `perGroup`). */
  total: number;
  hits: SearchEntry[];
}

/**
 * Rank of a matching entry (lower first): the title is the query; the title starts with it; a
 * word of the title, or a number it is found by, starts with the query's first word; anywhere else.
 */
function rank(e: SearchEntry, query: string, first: string): number {
  if (e.titleKey === query) return 0;
  if (e.titleKey.startsWith(query)) return 1;
  if (e.key.startsWith(first) || e.key.includes(` ${first}`) || e.key.includes(`/${first}`)) return 2;
  return 3;
}

const RANKS = 4;

/**
 * Entries matching every word of the query (diacritics and case ignored), grouped by kind in
 * SEARCH_KINDS order, the best `perGroup` of each kind by rank then title. An empty query finds nothing.
 */
export function searchAll(index: SearchIndex, text: string, perGroup = 5): SearchGroup[] {
  const query = searchKey(text);
  if (!query) return [];
  const tokens = query.split(' ');
  const first = tokens[0]!;
  const result: SearchGroup[] = [];
  for (const kind of SEARCH_KINDS) {
    const list = index.groups.get(kind) ?? [];
    // One bucket per rank, each filled up to perGroup in title order: no sorting per keystroke.
    const buckets: SearchEntry[][] = Array.from({ length: RANKS }, () => []);
    let total = 0;
    for (const e of list) {
      let matches = true;
      for (const t of tokens) {
        if (!e.key.includes(t)) {
          matches = false;
          break;
        }
      }
      if (!matches) continue;
      total++;
      const bucket = buckets[rank(e, query, first)]!;
      if (bucket.length < perGroup) bucket.push(e);
    }
    if (total > 0) result.push({ kind, label: SEARCH_KIND_LABELS[kind], total, hits: buckets.flat().slice(0, perGroup) });
  }
  return result;
}

/** The counter under the search box: "3 rezultate", "1 rezultat", "25 de rezultate". */
export function resultCountText(groups: readonly SearchGroup[]): string {
  const n = groups.reduce((sum, g) => sum + g.total, 0);
  if (n === 0) return 'Niciun rezultat';
  if (n === 1) return '1 rezultat';
  return `${n.toLocaleString('ro-RO')}${takesDe(n) ? ' de' : ''} rezultate`;
}
