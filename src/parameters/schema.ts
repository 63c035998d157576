import { SERVICE_FORM_LABELS, type ServiceForm } from '../register/nomenclature';
import { isValidIsoDate } from '../validation/dates';
import { PARAMETER_KINDS, type ParameterDefinition, type ParameterKind, type ParameterValue } from './types';
import { checkStoredValue, formatPeriod, overlapsExplicitly, PARAMETER_KEY_RE } from './validation';

/**
 * The hand-written schema of the parameter files in src/parameters/data: each file is
 *   { title, description, definitions: ParameterDefinition[], values: (ParameterValue without origin)[] }
 * with amounts in integer bani, percentages in basis points, and null for "de completat".
 */
export interface ParameterFile {
  /** File name, quoted in error messages. */
  name: string;
  data: unknown;
}

export class ShippedParametersError extends Error {
  override name = 'ShippedParametersError';
  constructor(readonly problems: readonly string[]) {
    super(`Parametrii legali livrați (src/parameters/data) conțin erori:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

const FILE_FIELDS = ['title', 'description', 'definitions', 'values'];
const DEFINITION_FIELDS = ['key', 'label', 'kind', 'unit', 'description', 'group', 'serviceForms', 'serviceCodes', 'isOptional'];
const VALUE_FIELDS = ['key', 'validFrom', 'validTo', 'value', 'listLabels', 'source', 'note', 'isVerified'];
const SOURCE_FIELDS = ['act', 'article', 'url'];

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

function unknownFields(object: Json, allowed: readonly string[]): string[] {
  return Object.keys(object).filter((k) => !allowed.includes(k));
}

function checkDefinition(raw: unknown, where: string, problems: string[]): ParameterDefinition | undefined {
  if (!isObject(raw)) {
    problems.push(`${where}: definiția trebuie să fie un obiect.`);
    return undefined;
  }
  const at = `${where} (${String(raw.key)})`;
  const before = problems.length;
  for (const field of unknownFields(raw, DEFINITION_FIELDS)) problems.push(`${at}: câmp necunoscut „${field}”.`);
  if (typeof raw.key !== 'string' || !PARAMETER_KEY_RE.test(raw.key)) problems.push(`${at}: cheia trebuie să fie de forma „grup.subgrup.nume” (litere mici, cifre, „_”).`);
  for (const field of ['label', 'unit', 'description', 'group'] as const) {
    if (!isText(raw[field])) problems.push(`${at}: „${field}” lipsește.`);
  }
  if (!PARAMETER_KINDS.includes(raw.kind as ParameterKind)) problems.push(`${at}: tipul „${String(raw.kind)}” nu este unul dintre ${PARAMETER_KINDS.join(', ')}.`);
  if (raw.serviceForms !== undefined) {
    if (!Array.isArray(raw.serviceForms) || raw.serviceForms.some((f) => !Object.hasOwn(SERVICE_FORM_LABELS, f as ServiceForm))) {
      problems.push(`${at}: „serviceForms” poate conține doar ${Object.keys(SERVICE_FORM_LABELS).join(', ')}.`);
    }
  }
  if (raw.isOptional !== undefined && typeof raw.isOptional !== 'boolean') problems.push(`${at}: „isOptional” trebuie să fie true sau false.`);
  if (raw.serviceCodes !== undefined && (!Array.isArray(raw.serviceCodes) || raw.serviceCodes.some((c) => !isText(c)))) {
    problems.push(`${at}: „serviceCodes” trebuie să fie o listă de coduri.`);
  }
  return problems.length === before ? (raw as unknown as ParameterDefinition) : undefined;
}

function checkValue(raw: unknown, where: string, definitions: ReadonlyMap<string, ParameterDefinition>, problems: string[]): ParameterValue | undefined {
  if (!isObject(raw)) {
    problems.push(`${where}: valoarea trebuie să fie un obiect.`);
    return undefined;
  }
  const at = `${where} (${String(raw.key)})`;
  const before = problems.length;
  for (const field of unknownFields(raw, VALUE_FIELDS)) problems.push(`${at}: câmp necunoscut „${field}”.`);
  const definition = typeof raw.key === 'string' ? definitions.get(raw.key) : undefined;
  if (!definition) problems.push(`${at}: cheia nu are definiție în niciun fișier.`);
  const validFrom = raw.validFrom;
  if (typeof validFrom !== 'string' || !isValidIsoDate(validFrom)) problems.push(`${at}: „validFrom” „${String(validFrom)}” nu este o dată AAAA-LL-ZZ.`);
  if (raw.validTo !== undefined) {
    if (typeof raw.validTo !== 'string' || !isValidIsoDate(raw.validTo)) problems.push(`${at}: „validTo” „${String(raw.validTo)}” nu este o dată AAAA-LL-ZZ.`);
    else if (typeof validFrom === 'string' && raw.validTo < validFrom) problems.push(`${at}: „validTo” (${raw.validTo}) este înaintea lui „validFrom” (${validFrom}).`);
  }
  if (!('value' in raw)) problems.push(`${at}: „value” lipsește (folosiți null pentru „de completat”).`);
  else if (definition) {
    const problem = checkStoredValue(definition.kind, raw.value, raw.listLabels);
    if (problem) problems.push(`${at}: ${problem}`);
    if (definition.kind === 'list' && raw.value !== null && raw.listLabels === undefined) problems.push(`${at}: o listă livrată are nevoie de „listLabels”.`);
  }
  if (definition && definition.kind !== 'list' && raw.listLabels !== undefined) problems.push(`${at}: „listLabels” are sens doar pentru liste.`);
  if (!isObject(raw.source)) problems.push(`${at}: „source” lipsește.`);
  else {
    for (const field of unknownFields(raw.source, SOURCE_FIELDS)) problems.push(`${at}: câmp necunoscut „source.${field}”.`);
    if (!isText(raw.source.act)) problems.push(`${at}: actul sursă („source.act”) lipsește.`);
    for (const field of ['article', 'url'] as const) {
      if (raw.source[field] !== undefined && !isText(raw.source[field])) problems.push(`${at}: „source.${field}” trebuie să fie un text.`);
    }
  }
  if (!isText(raw.note)) problems.push(`${at}: „note” lipsește (spuneți de unde vine valoarea și ce rămâne de verificat).`);
  if (typeof raw.isVerified !== 'boolean') problems.push(`${at}: „isVerified” trebuie să fie true sau false.`);
  else if (raw.isVerified && raw.value === null) problems.push(`${at}: o valoare „de completat” (null) nu poate fi marcată verificată.`);
  if (problems.length > before) return undefined;
  return { ...(raw as unknown as Omit<ParameterValue, 'origin'>), origin: 'livrat' };
}

/**
 * Checks the shipped parameter files and returns their definitions and values, or the list of
 * problems found (each naming the file, the entry and what is wrong).
 */
export function checkParameterFiles(files: readonly ParameterFile[]): { definitions: ParameterDefinition[]; values: ParameterValue[]; problems: string[] } {
  const problems: string[] = [];
  const definitions = new Map<string, ParameterDefinition>();
  const rawValues: { raw: unknown; where: string }[] = [];

  for (const file of files) {
    if (!isObject(file.data)) {
      problems.push(`${file.name}: fișierul trebuie să conțină un obiect JSON.`);
      continue;
    }
    for (const field of unknownFields(file.data, FILE_FIELDS)) problems.push(`${file.name}: câmp necunoscut „${field}”.`);
    for (const field of ['title', 'description'] as const) {
      if (!isText(file.data[field])) problems.push(`${file.name}: „${field}” lipsește.`);
    }
    const defs = file.data.definitions;
    const values = file.data.values;
    if (!Array.isArray(defs)) problems.push(`${file.name}: „definitions” trebuie să fie o listă.`);
    else {
      defs.forEach((raw, i) => {
        const definition = checkDefinition(raw, `${file.name} › definitions[${i}]`, problems);
        if (!definition) return;
        if (definitions.has(definition.key)) problems.push(`${file.name} › definitions[${i}] (${definition.key}): cheia este definită de două ori.`);
        else definitions.set(definition.key, definition);
      });
    }
    if (!Array.isArray(values)) problems.push(`${file.name}: „values” trebuie să fie o listă.`);
    else values.forEach((raw, i) => rawValues.push({ raw, where: `${file.name} › values[${i}]` }));
  }

  const values: ParameterValue[] = [];
  const whereOf = new Map<ParameterValue, string>();
  for (const { raw, where } of rawValues) {
    const value = checkValue(raw, where, definitions, problems);
    if (!value) continue;
    const clash = values.find((other) => other.key === value.key && overlapsExplicitly(value, other));
    if (clash) {
      problems.push(
        clash.validFrom === value.validFrom
          ? `${where} (${value.key}): altă valoare are aceeași dată de început (${whereOf.get(clash)}).`
          : `${where} (${value.key}): perioada ${formatPeriod(value)} se suprapune cu ${formatPeriod(clash)} (${whereOf.get(clash)}).`,
      );
      continue;
    }
    values.push(value);
    whereOf.set(value, where);
  }
  for (const [key, definition] of definitions) {
    // An optional limit may ship without a value ("nesetat"): it applies only once a user sets one.
    if (definition.isOptional) continue;
    if (!values.some((v) => v.key === key) && !problems.some((p) => p.includes(`(${key})`))) {
      problems.push(`${key}: parametrul nu are nicio valoare (livrați cel puțin una, eventual null = „de completat”).`);
    }
  }
  return { definitions: [...definitions.values()], values, problems };
}

/** Like checkParameterFiles, but throws a ShippedParametersError listing every problem. */
export function parseParameterFiles(files: readonly ParameterFile[]): { definitions: ParameterDefinition[]; values: ParameterValue[] } {
  const { definitions, values, problems } = checkParameterFiles(files);
  if (problems.length > 0) throw new ShippedParametersError(problems);
  return { definitions, values };
}
