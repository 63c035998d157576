// Issuing documents: the number comes from the register, the document is rendered with it, and the
// bytes are stored with the register entry in one transaction. Exporting an issued document again
// returns the stored bytes, so it is byte-identical whatever changed since.
import { DomainError } from '../../src/errors';
import {
  fileSlug, replacementNote, validateIssueRequest, type DocumentSubject, type IssuedDocument, type IssueRequest, type RegistryMark,
} from '../../src/documents/issued-document';
import { ValidationError } from '../../src/errors';
import { formatRoDate, todayIso, type IsoDate } from '../../src/validation/dates';
import { NumberTakenError } from '../db/repositories/issued-documents';
import type { Store } from '../db/store';
import { FILTERS, saveFile } from '../platform/files';

/** The mark a draft carries instead of a number. */
export const DRAFT_NOTE = 'CIORNĂ — document neemis, fără număr de înregistrare; nu se transmite.';

const MIME_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A document ready to be issued: what it is about, and how to render it once it has its number. */
export interface DocumentToIssue extends DocumentSubject {
  title: string;
  addressee: string;
  /** File name without the number, date and extension: "proces-verbal-evaluare-runda-2027". */
  stem: string;
  /** Renders the document for the issue date with the register's mark; returns the bytes and the model. */
  render(issuedOn: IsoDate, mark: Required<Pick<RegistryMark, 'number'>> & RegistryMark): Promise<{ bytes: Uint8Array; model: unknown }>;
}

/**
 * Issues one document: the next number of the year (or the typed one), the note naming the
 * document it replaces, the rendering, then the register entry with the stored file. When another
 * issue takes the number meanwhile, it renders again with the next one.
 */
export async function issueDocument(store: Store, doc: DocumentToIssue, request: IssueRequest, replaces?: IssuedDocument): Promise<IssuedDocument> {
  const { value, errors } = validateIssueRequest(request, { replaces, today: todayIso() });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const year = Number(value.issuedOn.slice(0, 4));
  for (let attempt = 0; attempt < 5; attempt++) {
    const number = value.numberSource === 'registru_general' ? value.typedNumber : await store.issuedDocuments.nextNumber(year);
    const registryNote = replaces ? replacementNote(replaces, value.replacementReason) : undefined;
    const { bytes, model } = await doc.render(value.issuedOn, { number, registryNote, registryDate: formatRoDate(value.issuedOn) });
    try {
      return await store.issuedDocuments.issue({
        kind: doc.kind,
        roundId: doc.roundId,
        organizationId: doc.organizationId,
        requestId: doc.requestId,
        appealId: doc.appealId,
        conventionId: doc.conventionId,
        amendmentId: doc.amendmentId,
        settlementId: doc.settlementId,
        visitId: doc.visitId,
        findingId: doc.findingId,
        period: doc.period,
        title: doc.title,
        addressee: doc.addressee,
        issuedOn: value.issuedOn,
        numberSource: value.numberSource,
        number,
        replacesId: replaces?.id,
        replacementReason: replaces ? value.replacementReason : undefined,
        fileName: `${doc.stem}-nr-${fileSlug(number)}-${value.issuedOn}.docx`,
        mimeType: MIME_DOCX,
        bytes,
        sourceData: JSON.stringify(model),
      });
    } catch (error) {
      if (error instanceof NumberTakenError && value.numberSource === 'secventa') continue;
      throw error;
    }
  }
  throw new DomainError('Nu s-a putut obține un număr de înregistrare liber; încercați din nou.');
}

/** Several documents issued one after another with consecutive numbers (one per applicant). */
export async function issueDocuments(store: Store, docs: readonly DocumentToIssue[], issuedOn: string): Promise<IssuedDocument[]> {
  const issued: IssuedDocument[] = [];
  for (const doc of docs) issued.push(await issueDocument(store, doc, { numberSource: 'secventa', typedNumber: '', issuedOn, replacementReason: '' }));
  return issued;
}

/** Saves the stored bytes of an issued document: exactly the file that was issued. */
export async function downloadIssued(store: Store, id: string): Promise<boolean> {
  const { document, bytes } = await store.issuedDocuments.fileBytes(id);
  return saveFile(document.fileName, bytes, FILTERS.docx);
}

/** A draft of the document, for the screen's preview: today's date, no number, marked as a draft. */
export async function previewDocument(doc: DocumentToIssue): Promise<boolean> {
  const { bytes } = await doc.render(todayIso(), { number: '', registryNote: DRAFT_NOTE });
  return saveFile(`ciorna-${doc.stem}-${todayIso()}.docx`, bytes, FILTERS.docx);
}
