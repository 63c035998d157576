import type { Entity } from '../entity';
import { DomainError } from '../errors';
import { cleanText } from '../validation/diacritics';
import { formatRoDate, parseDate, type IsoDate } from '../validation/dates';
import type { FieldErrors } from '../validation/result';

/**
 * A document the office issued (registru de ieșire): numbered, dated, kept as issued. Exporting it
 * again returns the stored bytes; a changed situation is a new document that names the one it
 * replaces. The file itself lives in `documentFiles` so that listing the register stays light.
 */
export interface IssuedDocument extends Entity {
  kind: IssuedDocumentKind;
  /** Year of the register. */
  year: number;
  /** Number in the office's register ("125"), or typed from the institution's general register ("4512/DASM"). */
  number: string;
  /** Whether the number came from the app's yearly sequence or was typed by the user. */
  numberSource: 'secventa' | 'registru_general';
  /** Position in the app's yearly sequence (0 for a typed number). */
  sequence: number;
  issuedOn: IsoDate;
  issuedBy: string;
  title: string;
  /** Whom it is addressed to, for the register ("Asociația „Speranța”", "Consiliul Local"). */
  addressee: string;
  roundId?: string;
  organizationId?: string;
  requestId?: string;
  appealId?: string;
  /** The convention (finance: the convention itself, its amendments, a month's verification note, the year-end statement). */
  conventionId?: string;
  /** The amendment (act adițional) the document is, for kind act_aditional: each amendment is its own subject. */
  amendmentId?: string;
  /** The month's settlement a verification note is about. */
  settlementId?: string;
  /** The monitoring visit a visit report or a follow-up letter is about. */
  visitId?: string;
  /** The finding a "Notă de constatare" is about. */
  findingId?: string;
  /** The period a document for all NGOs is about ("2025-03": the monthly payment proposal; "2025": a year-end statement, the annual report of the year). */
  period?: string;
  /** The document this one replaces (a changed situation), if any. */
  replacesId?: string;
  /** Why it replaces the earlier one. */
  replacementReason?: string;
  /** Set on the replaced document when a later one names it. */
  replacedById?: string;
  fileId: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** The data the document was built from (its model), as JSON, for the record. */
  sourceData: string;
}

/** The bytes of an issued document, base64 so that the backup (JSON) carries them unchanged. */
export interface DocumentFile {
  id: string;
  dataBase64: string;
}

/** What the register adds to a document model: its number, and a note (the document it replaces, or "draft"). */
export interface RegistryMark {
  number?: string;
  /** dd.mm.yyyy of the register entry, when it differs from the document's own date (minutes dated on the session). */
  registryDate?: string;
  registryNote?: string;
}

export type IssuedDocumentKind =
  | 'confirmare_inregistrare'
  | 'notificare_documente_lipsa'
  | 'proces_verbal_evaluare'
  | 'raport_consiliu'
  | 'referat_director'
  | 'notificare_rezultat'
  | 'proces_verbal_contestatii'
  | 'decizie_contestatie'
  | 'notificare_modificare_rezultat'
  | 'conventie'
  | 'act_aditional'
  | 'nota_verificare_decont'
  | 'propunere_plata'
  | 'situatie_finala'
  | 'decizie_recuperare'
  | 'raport_monitorizare'
  | 'nota_constatare'
  | 'scrisoare_monitorizare'
  | 'raport_anual';

export const ISSUED_DOCUMENT_KINDS: Record<IssuedDocumentKind, string> = {
  confirmare_inregistrare: 'Confirmare de înregistrare',
  notificare_documente_lipsa: 'Notificare privind documentele lipsă',
  proces_verbal_evaluare: 'Proces-verbal de evaluare și selecție',
  raport_consiliu: 'Raport de specialitate către Consiliul Local',
  referat_director: 'Referat de aprobare către director',
  notificare_rezultat: 'Notificare privind rezultatul evaluării',
  proces_verbal_contestatii: 'Proces-verbal de soluționare a contestațiilor',
  decizie_contestatie: 'Decizie privind contestația',
  notificare_modificare_rezultat: 'Notificare privind modificarea rezultatului',
  conventie: 'Convenție de subvenționare',
  act_aditional: 'Act adițional la convenție',
  nota_verificare_decont: 'Notă de verificare a decontului lunar',
  propunere_plata: 'Propunere de plată lunară',
  situatie_finala: 'Situația finală a sumelor acordate, utilizate și de restituit',
  decizie_recuperare: 'Notificare privind sumele de recuperat',
  raport_monitorizare: 'Raport de monitorizare',
  nota_constatare: 'Notă de constatare',
  scrisoare_monitorizare: 'Scrisoare privind îndeplinirea recomandărilor',
  raport_anual: 'Raport anual al programului de subvenționare (Legea 34/1998)',
};

/** What a new document is about; two documents about the same subject and of the same kind replace one another. */
export interface DocumentSubject {
  kind: IssuedDocumentKind;
  roundId?: string;
  organizationId?: string;
  requestId?: string;
  appealId?: string;
  conventionId?: string;
  amendmentId?: string;
  settlementId?: string;
  visitId?: string;
  findingId?: string;
  period?: string;
}

export const sameSubject = (a: DocumentSubject, b: DocumentSubject): boolean =>
  a.kind === b.kind && (a.roundId ?? '') === (b.roundId ?? '') && (a.requestId ?? '') === (b.requestId ?? '') && (a.appealId ?? '') === (b.appealId ?? '') && (a.organizationId ?? '') === (b.organizationId ?? '') &&
  (a.conventionId ?? '') === (b.conventionId ?? '') && (a.amendmentId ?? '') === (b.amendmentId ?? '') && (a.settlementId ?? '') === (b.settlementId ?? '') && (a.period ?? '') === (b.period ?? '') &&
  (a.visitId ?? '') === (b.visitId ?? '') && (a.findingId ?? '') === (b.findingId ?? '');

/** The document in force on a subject: issued and not replaced by a later one. */
export function documentInForce(documents: readonly IssuedDocument[], subject: DocumentSubject): IssuedDocument | undefined {
  return documents.filter((d) => sameSubject(d, subject) && !d.replacedById).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).at(-1);
}

/** The next number of the app's yearly sequence (1 for a new year). */
export function nextDocumentSequence(documents: readonly Pick<IssuedDocument, 'year' | 'sequence'>[], year: number): number {
  return documents.reduce((max, d) => (d.year === year && d.sequence > max ? d.sequence : max), 0) + 1;
}

/** "nr. 125 din 01.12.2026". */
export function describeIssued(doc: Pick<IssuedDocument, 'number' | 'issuedOn'>): string {
  return `nr. ${doc.number} din ${formatRoDate(doc.issuedOn)}`;
}

/** The line a replacing document prints under its number: it names the one it replaces. */
export function replacementNote(replaced: Pick<IssuedDocument, 'number' | 'issuedOn' | 'title'>, reason: string): string {
  return `Prezentul document înlocuiește documentul ${describeIssued(replaced)} (${replaced.title})${reason ? `: ${reason}` : ''}.`;
}

export interface IssueRequest {
  /** 'secventa': the app gives the next number; 'registru_general': the user types it. */
  numberSource: IssuedDocument['numberSource'];
  typedNumber: string;
  /** dd.mm.yyyy or ISO. */
  issuedOn: string;
  replacementReason: string;
}

export type IssueField = keyof IssueRequest;

/** Checks what the user gave in the issuing dialog. */
export function validateIssueRequest(input: IssueRequest, context: { replaces?: IssuedDocument; today: IsoDate }): { value: IssueRequest & { issuedOn: IsoDate }; errors: FieldErrors<IssueField> } {
  const errors: FieldErrors<IssueField> = {};
  const typedNumber = cleanText(input.typedNumber);
  if (input.numberSource === 'registru_general') {
    if (typedNumber === '') errors.typedNumber = 'Scrieți numărul din registrul general de intrare-ieșire al instituției.';
    else if (typedNumber.length > 40) errors.typedNumber = 'Numărul are cel mult 40 de caractere.';
  }
  const date = parseDate(input.issuedOn, 'Data emiterii');
  let issuedOn = '' as IsoDate;
  if (!date.ok) errors.issuedOn = date.message;
  else if (date.value > context.today) errors.issuedOn = 'Data emiterii nu poate fi în viitor.';
  else issuedOn = date.value;
  const replacementReason = cleanText(input.replacementReason);
  if (context.replaces && replacementReason.length < 3) errors.replacementReason = `Spuneți de ce se înlocuiește documentul ${describeIssued(context.replaces)}.`;
  return { value: { numberSource: input.numberSource, typedNumber, issuedOn, replacementReason }, errors };
}

/** A typed number may not repeat in the year's register. */
export function assertNumberFree(documents: readonly Pick<IssuedDocument, 'year' | 'number'>[], year: number, number: string): void {
  if (documents.some((d) => d.year === year && d.number === number)) {
    throw new DomainError(`Numărul ${number} este deja folosit în registrul documentelor emise pe ${year}. Verificați registrul general și scrieți numărul corect.`);
  }
}

/** "Convenția nr. 12/2026" → "conventia-nr-12-2026": a name, number or title as part of a file name. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "2026-12-01" → "nr-125-2026-12-01" for the stored file name; keeps the stem the export gave. */
export function issuedFileName(stem: string, number: string, issuedOn: IsoDate, extension: string): string {
  return `${stem}-nr-${fileSlug(number)}-${issuedOn}.${extension}`;
}

/** The kind of signature block an issued document carries (see signatureWarnings in src/settings/institution.ts). */
export function signatureKindOf(kind: IssuedDocumentKind): string {
  if (kind === 'raport_consiliu') return 'raport_specialitate';
  if (kind === 'referat_director') return 'referat_aprobare';
  return kind;
}
