import { formatRoDate, type IsoDate } from '../validation/dates';
import type { Signature } from './document-header';
import type { RegistryMark } from './issued-document';
import type { Addressee } from './request-notices';

/**
 * The content of the finance documents (convention, amendment, verification note, payment proposal,
 * year-end statement, recovery notification, settlement forms) as a list of blocks the DOCX
 * renderer lays out in order: headings, numbered articles, paragraphs, lists, tables with totals.
 * Everything a reader sees is text built here, so the tests read it without opening the file.
 */
export type ColumnAlign = 'left' | 'right' | 'center';

export interface BlockColumn {
  header: string;
  /** Share of the text width (the shares of a table sum to 1). */
  share: number;
  align?: ColumnAlign;
}

export interface BlockTable {
  columns: BlockColumn[];
  rows: string[][];
  /** Bold rows under the body (totals). */
  totals?: string[][];
  /** Smaller print for a wide table: half-points (16 = 8 pt). */
  size?: number;
  /** Rows at least this tall (twips): a blank form filled in by hand. */
  minRowHeight?: number;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; align?: ColumnAlign; italics?: boolean }
  /** "Art. 3. …": the number is part of the model, so that a clause can be cited. */
  | { kind: 'article'; number: number; text: string }
  | { kind: 'list'; items: string[]; numbered?: boolean }
  | { kind: 'table'; table: BlockTable }
  | { kind: 'fields'; fields: [string, string][] }
  /** A new page (between the annexes of a form). */
  | { kind: 'pageBreak' };

/** One party's signature column: the party's name, then its signers one under the other. */
export interface PartySignatures {
  heading: string;
  name: string;
  signers: Signature[];
}

/** What every finance document shares: header, number and date, title, blocks, signatures. */
export interface FinanceDocumentBase extends RegistryMark {
  header: { lines: string[]; contactLine: string };
  /** dd.mm.yyyy: the document's own date (the registry date if it differs is in `registryDate`). */
  date: string;
  title: string;
  subtitle: string;
  blocks: Block[];
  /** Signers side by side (întocmit / verificat / aprobat), or the parties' columns. */
  signatures: Signature[];
  parties?: PartySignatures[];
  /** A line under the signatures (the financial control visa). */
  footnote?: string;
  /** A blank form the NGO fills in: no registration line of the office. */
  isForm?: boolean;
  /** The "Către" block of a letter (the recovery notification). */
  addressee?: Addressee;
  orientation: 'portrait' | 'landscape';
}

/** Builds blocks with articles numbered in order ("Art. 1.", "Art. 2.", …). */
export function blockBuilder(): {
  blocks: Block[];
  heading(text: string): void;
  article(text: string): number;
  paragraph(text: string, options?: { bold?: boolean; align?: ColumnAlign; italics?: boolean }): void;
  list(items: readonly string[], numbered?: boolean): void;
  table(table: BlockTable): void;
  fields(fields: [string, string][]): void;
  pageBreak(): void;
} {
  const blocks: Block[] = [];
  let articles = 0;
  return {
    blocks,
    heading: (text) => blocks.push({ kind: 'heading', text }),
    article: (text) => {
      articles += 1;
      blocks.push({ kind: 'article', number: articles, text });
      return articles;
    },
    paragraph: (text, options = {}) => blocks.push({ kind: 'paragraph', text, ...options }),
    list: (items, numbered = false) => {
      if (items.length > 0) blocks.push({ kind: 'list', items: [...items], numbered });
    },
    table: (table) => blocks.push({ kind: 'table', table }),
    fields: (fields) => blocks.push({ kind: 'fields', fields }),
    pageBreak: () => blocks.push({ kind: 'pageBreak' }),
  };
}

/** The note printed under the number of a document previewed before it is issued. */
/** The same words as the preview's mark (renderer/services/issued-documents.ts), for a model built without one. */
export const DRAFT_NOTE = 'CIORNĂ — document neemis, fără număr de înregistrare; nu se transmite.';

/** The mark's note, or the draft note when the document has no number yet. */
export function markNote(mark: RegistryMark): string {
  return mark.registryNote ?? (mark.number ? '' : DRAFT_NOTE);
}

/** Every text of the blocks, in order (for tests and for the register's search text). */
export function blockText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return b.text;
        case 'article':
          return `Art. ${b.number}. ${b.text}`;
        case 'list':
          return b.items.join('\n');
        case 'table':
          return [b.table.columns.map((c) => c.header).join(' | '), ...b.table.rows.map((r) => r.join(' | ')), ...(b.table.totals ?? []).map((r) => r.join(' | '))].join('\n');
        case 'fields':
          return b.fields.map(([k, v]) => `${k}: ${v}`).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

/** "01.07.2025 – 31.12.2025". */
export const periodText = (from: IsoDate, to: IsoDate): string => `${formatRoDate(from)} – ${formatRoDate(to)}`;
