import { headerKey, matchColumn, type ColumnDef } from '../tabular/columns';

/** The target of a column holding a whole address, split into street, locality, county, postal code. */
export const FULL_ADDRESS = '@adresa';
export type FullAddress = typeof FULL_ADDRESS;
/** The fields a full address fills (those not read from a column of their own). */
export const ADDRESS_FIELDS = ['street', 'locality', 'county', 'postalCode'] as const;

/**
 * Which field each column of the file feeds, by header index; null = the column is ignored;
 * FULL_ADDRESS = the column holds a whole address. Suggested by `suggestMapping`, then possibly
 * edited by the user.
 */
export type ColumnMapping<F extends string = string> = (F | FullAddress | null)[];

/** Constant values given in the mapping step, used where a row's cell is blank or the field has no column. */
export type FieldDefaults<F extends string = string> = Partial<Record<F, string>>;

/** The index of the column mapped to FULL_ADDRESS (the first), if any. */
export function addressColumn(mapping: ColumnMapping): number | undefined {
  const index = mapping.indexOf(FULL_ADDRESS);
  return index < 0 ? undefined : index;
}

/**
 * The layout of a file, for remembering its mapping: the set of its headers, compared as the
 * matching does (case, diacritics and punctuation aside), in any order.
 */
export function layoutKey(headers: readonly string[]): string {
  const text = headers.map(headerKey).sort().join('|');
  // FNV-1a, 32 bits: a short key; the header count is part of it.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * A mapping remembered for `savedHeaders`, applied to a file with the same headers in another
 * order: each column gets the field of the column with its header. Without saved headers, as is.
 */
export function remapByHeaders<F extends string>(mapping: ColumnMapping<F>, savedHeaders: readonly string[] | undefined, headers: readonly string[]): ColumnMapping<F> {
  if (!savedHeaders || savedHeaders.length !== mapping.length) return [...mapping];
  const byHeader = new Map<string, F | FullAddress | null>();
  savedHeaders.forEach((h, i) => {
    const key = headerKey(h);
    if (!byHeader.has(key)) byHeader.set(key, mapping[i] ?? null);
  });
  const used = new Set<F | FullAddress>();
  return headers.map((h) => {
    const field = byHeader.get(headerKey(h)) ?? null;
    if (field === null || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** A remembered mapping fits a file with these headers: same length, every field still known. */
export function fitsHeaders<F extends string>(mapping: readonly unknown[], headers: readonly string[], columns: readonly ColumnDef<F>[]): mapping is ColumnMapping<F> {
  const known = new Set<unknown>([...columns.map((c) => c.field), FULL_ADDRESS, null]);
  return mapping.length === headers.length && mapping.every((f) => known.has(f));
}

/** A column left out because its field is already read from another column. */
export interface MappingDuplicate<F extends string = string> {
  index: number;
  header: string;
  field: F;
  /** The column the field is read from. */
  keptIndex: number;
  keptHeader: string;
}

export interface MappingReport<F extends string = string> {
  unmappedHeaders: { index: number; header: string }[];
  missingRequired: ColumnDef<F>[];
  duplicates: MappingDuplicate<F>[];
  /** The above in Romanian, one sentence each, for the mapping step of the import dialog. */
  messages: string[];
}

/**
 * Maps each header to a column definition by its header or an alias (case-, diacritics- and
 * punctuation-insensitive). A field is mapped once: exact header matches win over aliases, then the
 * leftmost column; the other columns for the same field stay null (see `duplicateMappings`).
 */
export function suggestMapping<F extends string>(headers: readonly string[], columns: readonly ColumnDef<F>[]): ColumnMapping<F> {
  const mapping: ColumnMapping<F> = headers.map(() => null);
  const used = new Set<F>();
  // Pass 1: a header written exactly as the app writes it.
  headers.forEach((header, i) => {
    const key = headerKey(header);
    const column = key ? columns.find((c) => headerKey(c.header) === key) : undefined;
    if (column && !used.has(column.field)) {
      mapping[i] = column.field;
      used.add(column.field);
    }
  });
  // Pass 2: aliases.
  headers.forEach((header, i) => {
    if (mapping[i] !== null) return;
    const column = matchColumn(header, columns);
    if (column && !used.has(column.field)) {
      mapping[i] = column.field;
      used.add(column.field);
    }
  });
  return mapping;
}

/** Index of the column each mapped field is read from (the first, if a user mapped a field twice). */
export function fieldColumns<F extends string>(mapping: ColumnMapping<F>, columns: readonly ColumnDef<F>[]): Map<F, number> {
  const known = new Set(columns.map((c) => c.field));
  const result = new Map<F, number>();
  mapping.forEach((field, i) => {
    if (field !== null && field !== undefined && field !== FULL_ADDRESS && known.has(field) && !result.has(field)) result.set(field, i);
  });
  return result;
}

/** Headers that feed no field. */
export function unmappedHeaders(headers: readonly string[], mapping: ColumnMapping): { index: number; header: string }[] {
  return headers.flatMap((header, index) => (mapping[index] == null ? [{ index, header }] : []));
}

/**
 * Required columns that no header is mapped to and that have no constant value (a full address
 * column counts for the locality: the rows it cannot split are reported one by one).
 */
export function missingRequired<F extends string>(mapping: ColumnMapping<F>, columns: readonly ColumnDef<F>[], defaults: FieldDefaults<F> = {}): ColumnDef<F>[] {
  const mapped = fieldColumns(mapping, columns);
  const address = addressColumn(mapping) !== undefined;
  return columns.filter(
    (c) => c.required && !mapped.has(c.field) && !defaults[c.field]?.trim() && !(address && (ADDRESS_FIELDS as readonly string[]).includes(c.field)),
  );
}

/**
 * Columns whose field is read from another column: a field the user mapped twice (the later
 * columns are ignored), or an unmapped header that matches a field already taken.
 */
export function duplicateMappings<F extends string>(
  headers: readonly string[],
  mapping: ColumnMapping<F>,
  columns: readonly ColumnDef<F>[],
): MappingDuplicate<F>[] {
  const kept = fieldColumns(mapping, columns);
  const result: MappingDuplicate<F>[] = [];
  headers.forEach((header, index) => {
    const field = mapping[index] ?? matchColumn(header, columns)?.field;
    if (field === undefined || field === null || field === FULL_ADDRESS) return;
    const keptIndex = kept.get(field);
    if (keptIndex === undefined || keptIndex === index) return;
    result.push({ index, header, field, keptIndex, keptHeader: headers[keptIndex] ?? '' });
  });
  return result;
}

/** Everything the mapping step shows: ignored columns, missing required ones, duplicates. */
export function mappingReport<F extends string>(
  headers: readonly string[],
  mapping: ColumnMapping<F>,
  columns: readonly ColumnDef<F>[],
  defaults: FieldDefaults<F> = {},
): MappingReport<F> {
  const duplicates = duplicateMappings(headers, mapping, columns);
  const duplicateIndexes = new Set(duplicates.map((d) => d.index));
  const unmapped = unmappedHeaders(headers, mapping).filter((u) => !duplicateIndexes.has(u.index));
  const missing = missingRequired(mapping, columns, defaults);
  const labelOf = (field: F) => columns.find((c) => c.field === field)?.header ?? field;
  const messages = [
    ...missing.map((c) => `Lipsește coloana obligatorie „${c.header}”. Alegeți coloana din fișier care o conține sau dați o valoare pentru toate rândurile.`),
    ...duplicates.map(
      (d) => `Coloana „${d.header}” este ignorată: câmpul „${labelOf(d.field)}” se citește deja din coloana „${d.keptHeader}”.`,
    ),
    ...unmapped.map((u) => `Coloana „${u.header}” nu corespunde niciunui câmp și va fi ignorată.`),
  ];
  return { unmappedHeaders: unmapped, missingRequired: missing, duplicates, messages };
}
