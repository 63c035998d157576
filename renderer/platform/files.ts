import type { FileFilter, OpenedFile } from '../../electron/api';
import { DomainError } from '../../src/errors';

export type { FileFilter, OpenedFile };

export const FILTERS = {
  xlsx: { name: 'Registru Excel', extensions: ['xlsx'] },
  docx: { name: 'Document Word', extensions: ['docx'] },
  spreadsheet: { name: 'Registre Excel sau CSV', extensions: ['xlsx', 'csv'] },
  backup: { name: 'Copie de siguranță Subvenții ONG', extensions: ['json'] },
  png: { name: 'Imagine PNG', extensions: ['png'] },
} satisfies Record<string, FileFilter>;

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
  csv: 'text/csv',
  png: 'image/png',
};

export const isDesktop = (): boolean => typeof window !== 'undefined' && !!window.subventii;

/**
 * Saves bytes the user asked for: a native "Save as" dialog inside Electron, a download in the
 * browser. Resolves to false when the user cancels the dialog.
 */
export async function saveFile(suggestedName: string, data: Uint8Array, filter: FileFilter): Promise<boolean> {
  if (window.subventii) {
    const result = await window.subventii.saveFile({ suggestedName, filters: [filter], data });
    return result.saved;
  }
  const extension = suggestedName.split('.').pop() ?? '';
  const blob = new Blob([data as BlobPart], { type: MIME[extension] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = suggestedName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

/**
 * Lets the user pick one file: a native dialog inside Electron, a file input in the browser. A file
 * over `limit.maxBytes` is refused (with `limit.message`) before it is read, in the browser as in
 * Electron (whose main process refuses over its own MAX_FILE_BYTES).
 */
export function openFile(filter: FileFilter, limit?: { maxBytes: number; message: string }): Promise<OpenedFile | null> {
  if (window.subventii) return window.subventii.openFile({ filters: [filter] });
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filter.extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      if (limit && file.size > limit.maxBytes) return reject(new DomainError(limit.message));
      resolve({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}

/** "catalog-ong-2026-11-23.xlsx" */
export function datedFileName(stem: string, extension: string, date: string): string {
  return `${stem}-${date}.${extension}`;
}
