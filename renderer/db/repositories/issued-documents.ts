import { stamp } from '../../../src/entity';
import { ConflictError, DomainError } from '../../../src/errors';
import {
  assertNumberFree, describeIssued, documentInForce, ISSUED_DOCUMENT_KINDS, nextDocumentSequence,
  type DocumentSubject, type IssuedDocument,
} from '../../../src/documents/issued-document';
import type { IsoDate } from '../../../src/validation/dates';
import { appendAudit, currentUserName, type AuditInput } from '../audit-log';
import type { SubventiiDb } from '../database';

/** The bytes in base64, by chunks (a whole file through String.fromCharCode would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What is stored when a document is issued; the number comes from the register. */
export interface IssueInput extends DocumentSubject {
  title: string;
  addressee: string;
  issuedOn: IsoDate;
  numberSource: IssuedDocument['numberSource'];
  /** The typed number (registru_general), or the sequence number the bytes were rendered with (secventa). */
  number: string;
  replacesId?: string;
  replacementReason?: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  sourceData: string;
}

/** Raised when another issue took the number the document was rendered with: render again with the next one. */
export class NumberTakenError extends ConflictError {}

/**
 * The register of issued documents (registru de ieșire). Documents are only ever added: a document
 * changes only by being replaced by a later one that names it (the earlier one records who replaced it).
 */
export function createIssuedDocumentRepository(db: SubventiiDb) {
  const tables = [db.issuedDocuments, db.documentFiles, db.audit, db.settings];
  return {
    list: () => db.issuedDocuments.orderBy('issuedOn').reverse().toArray(),
    listByRound: (roundId: string) => db.issuedDocuments.where('roundId').equals(roundId).toArray(),
    listByOrganization: (organizationId: string) => db.issuedDocuments.where('organizationId').equals(organizationId).toArray(),
    /** The convention's documents (the convention, its amendments, verification notes…), oldest first. */
    listByConvention: (conventionId: string) => db.issuedDocuments.where('conventionId').equals(conventionId).sortBy('createdAt'),
    get: (id: string) => db.issuedDocuments.get(id),
    async inForce(subject: DocumentSubject): Promise<IssuedDocument | undefined> {
      const candidates = subject.roundId ? await db.issuedDocuments.where('roundId').equals(subject.roundId).toArray() : await db.issuedDocuments.where('kind').equals(subject.kind).toArray();
      return documentInForce(candidates, subject);
    },
    /** The number the next document of the year would get from the app's sequence. */
    async nextNumber(year: number): Promise<string> {
      return String(nextDocumentSequence(await db.issuedDocuments.where('year').equals(year).toArray(), year));
    },
    /** The stored bytes, exactly as issued. */
    async fileBytes(id: string): Promise<{ document: IssuedDocument; bytes: Uint8Array }> {
      const document = await db.issuedDocuments.get(id);
      const file = document ? await db.documentFiles.get(document.fileId) : undefined;
      if (!document || !file) throw new DomainError('Documentul emis nu a fost găsit în registru.');
      return { document, bytes: base64ToBytes(file.dataBase64) };
    },
    /**
     * Stores a document with its number in one transaction: the register entry, the file, the mark
     * on the document it replaces, the audit entry. A sequence number another issue took meanwhile
     * is refused with NumberTakenError, so that the caller renders again with the next number.
     */
    async issue(input: IssueInput): Promise<IssuedDocument> {
      const sha256 = await sha256OfBytes(input.bytes);
      const dataBase64 = bytesToBase64(input.bytes);
      return db.transaction('rw', tables, async () => {
        const year = Number(input.issuedOn.slice(0, 4));
        const sameYear = await db.issuedDocuments.where('year').equals(year).toArray();
        let sequence = 0;
        if (input.numberSource === 'secventa') {
          sequence = nextDocumentSequence(sameYear, year);
          if (String(sequence) !== input.number) throw new NumberTakenError(`Numărul ${input.number} a fost dat între timp altui document; documentul primește numărul ${sequence}.`);
        }
        assertNumberFree(sameYear, year, input.number);
        const replaced = input.replacesId ? await db.issuedDocuments.get(input.replacesId) : undefined;
        if (input.replacesId && !replaced) throw new DomainError('Documentul care se înlocuiește nu există în registru.');
        if (replaced?.replacedById) throw new ConflictError(`Documentul ${describeIssued(replaced)} a fost deja înlocuit.`);
        const fileId = crypto.randomUUID();
        const user = await currentUserName(db);
        const { bytes: _bytes, ...rest } = input;
        const record = stamp({
          ...rest,
          year,
          sequence,
          issuedBy: user,
          fileId,
          size: input.bytes.length,
          sha256,
        }) as IssuedDocument;
        await db.documentFiles.add({ id: fileId, dataBase64 });
        await db.issuedDocuments.add(record);
        const audit: AuditInput[] = [{
          entity: 'issuedDocuments',
          entityId: record.id,
          label: `${ISSUED_DOCUMENT_KINDS[record.kind]} ${describeIssued(record)} — ${record.addressee}`,
          action: 'creare',
          changes: [
            { field: 'number', before: null, after: record.number },
            { field: 'issuedOn', before: null, after: record.issuedOn },
            { field: 'title', before: null, after: record.title },
            { field: 'sha256', before: null, after: sha256 },
            ...(replaced ? [{ field: 'replacesId', before: null, after: describeIssued(replaced) }] : []),
          ],
        }];
        if (replaced) {
          await db.issuedDocuments.put({ ...replaced, replacedById: record.id, updatedAt: record.createdAt, version: replaced.version + 1 });
          audit.push({
            entity: 'issuedDocuments',
            entityId: replaced.id,
            label: `${ISSUED_DOCUMENT_KINDS[replaced.kind]} ${describeIssued(replaced)} — ${replaced.addressee}`,
            action: 'modificare',
            changes: [{ field: 'replacedById', before: null, after: describeIssued(record) }],
          });
        }
        await appendAudit(db, audit);
        return record;
      });
    },
  };
}
