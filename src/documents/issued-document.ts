import type { Entity } from '../entity';
import type { IsoDate } from '../validation/dates';

/**
 * A document the office issued (registru de ieșire): numbered, dated, kept as issued. Exporting it
 * again returns the stored bytes; a changed situation is a new document that names the one it
 * replaces. The file itself lives in `documentFiles` so that listing the register stays light.
 */
export interface IssuedDocument extends Entity {
  /** What kind of act: 'proces_verbal_evaluare', 'notificare_rezultat', … */
  kind: string;
  /** Year of the register. */
  year: number;
  /** Number in the office's register ("125") or typed from the institution's general register. */
  number: string;
  /** Whether the number came from the app's yearly sequence or was typed by the user. */
  numberSource: 'secventa' | 'registru_general';
  /** Position in the app's yearly sequence (0 for a typed number). */
  sequence: number;
  issuedOn: IsoDate;
  issuedBy: string;
  title: string;
  roundId?: string;
  organizationId?: string;
  requestId?: string;
  /** The document this one replaces (a changed situation), if any. */
  replacesId?: string;
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
