import type { Entity } from '../entity';

/**
 * Photos and scanned documents attached to a visit, stored in the database (and in the backup).
 * The type is read from the file's first bytes (magic numbers), not trusted from its name.
 */

export type AttachmentType = 'image/jpeg' | 'image/png' | 'application/pdf';
export const ATTACHMENT_TYPE_LABELS: Record<AttachmentType, string> = { 'image/jpeg': 'Fotografie JPEG', 'image/png': 'Imagine PNG', 'application/pdf': 'Document PDF' };
const EXTENSIONS: Record<AttachmentType, string[]> = { 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'], 'application/pdf': ['pdf'] };

/**
 * 10 MB per file: an application limit, not a legal one. A phone photo or a scanned page fits
 * well under it, while the whole database (attachments included) stays small enough to be
 * copied into one backup file and held in memory during a restore.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** At most 30 files per visit: the same reason (the backup's size), an application limit. */
export const MAX_ATTACHMENTS_PER_VISIT = 30;

export interface VisitAttachment extends Entity {
  visitId: string;
  fileName: string;
  type: AttachmentType;
  size: number;
  /** Hex SHA-256 of the bytes: re-downloads are checked against it. */
  sha256: string;
  /** What the file shows (optional). */
  caption: string;
  /** The checklist answer it supports, if any (`templateId#code`). */
  answerKey?: string;
  data: ArrayBuffer;
  /** Attachments are never hard-deleted: a removed one is marked with the reason. */
  removedAt?: string;
  removedReason?: string;
}

/** The type the bytes are, by their signature; undefined when none of the allowed ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 5 && String.fromCharCode(...bytes.slice(0, 5)) === '%PDF-') return 'application/pdf';
  return undefined;
}

const formatMb = (bytes: number): string => `${(bytes / 1024 / 1024).toLocaleString('ro-RO', { maximumFractionDigits: 1 })} MB`;

export type AttachmentCheck = { ok: true; type: AttachmentType } | { ok: false; message: string };

/**
 * Whether a file may be attached to a visit: an allowed type by its bytes (and a name that does not
 * claim another type), within the size limit, and room left on the visit.
 */
export function checkAttachment(file: { name: string; size: number; bytes: Uint8Array }, existingCount: number): AttachmentCheck {
  if (file.size === 0) return { ok: false, message: `Fișierul „${file.name}” este gol.` };
  if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, message: `Fișierul „${file.name}” are ${formatMb(file.size)}; limita este de ${formatMb(MAX_ATTACHMENT_BYTES)} pe fișier. Micșorați fotografia sau scanați cu o rezoluție mai mică.` };
  if (existingCount >= MAX_ATTACHMENTS_PER_VISIT) return { ok: false, message: `Vizita are deja ${MAX_ATTACHMENTS_PER_VISIT} de fișiere atașate, cât permite aplicația.` };
  const type = sniffAttachmentType(file.bytes);
  if (!type) return { ok: false, message: `Fișierul „${file.name}” nu este o fotografie JPEG, o imagine PNG sau un document PDF (conținutul nu corespunde). Se acceptă doar aceste tipuri.` };
  const extension = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  const claimed = (Object.keys(EXTENSIONS) as AttachmentType[]).find((t) => EXTENSIONS[t].includes(extension));
  if (extension && claimed !== type) return { ok: false, message: `Fișierul „${file.name}” are extensia „.${extension}”, dar conținutul este ${ATTACHMENT_TYPE_LABELS[type]}. Redenumiți-l corect înainte de a-l atașa.` };
  return { ok: true, type };
}
